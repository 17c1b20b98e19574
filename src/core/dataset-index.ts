import { normalizeName } from "./normalize-name";
import type { Dataset, Entity, Figure, Metric, Table } from "./schema";
import { round15, toBase } from "./units";

/** A figure with its numbers in base units (shares as fractions), computed once at load. */
export interface IndexedFigure {
  figure: Figure;
  /** Base-unit low and high; equal for a single value; undefined for a text figure. */
  low?: number;
  high?: number;
  /** Base-unit midpoint (rounded to 15 significant digits), computed once here for every query. */
  mid?: number;
}

/**
 * Lookups over a validated dataset, built once per dataset so that every query is a few Map gets.
 * Built only from a dataset that passed validation: it trusts ids to be unique and references to
 * resolve.
 */
export interface DatasetIndex {
  readonly dataset: Dataset;
  readonly entities: ReadonlyMap<string, Entity>;
  /** Name or alias, as written and as normalizeName gives it -> entity. */
  readonly entityKeys: ReadonlyMap<string, Entity>;
  readonly metrics: ReadonlyMap<string, Metric>;
  /** Id or name, as written and as normalizeName gives it -> metric. */
  readonly metricKeys: ReadonlyMap<string, Metric>;
  readonly tables: ReadonlyMap<string, Table>;
  readonly tableKeys: ReadonlyMap<string, Table>;
  readonly figures: ReadonlyMap<string, IndexedFigure>;
  /** entity id -> metric id -> that entity's figures for the metric (nested, so a query builds no key). */
  readonly byEntityMetric: ReadonlyMap<string, ReadonlyMap<string, readonly IndexedFigure[]>>;
  /** Metric ids each entity has figures for, in dataset order. */
  readonly metricsOfEntity: ReadonlyMap<string, readonly string[]>;
}

/** The `entity|metric` key that names a question across datasets (feeds list what workbooks use by it). */
export function figureKey(entityId: string, metricId: string): string {
  return `${entityId}|${metricId}`;
}

export function figuresOf(index: DatasetIndex, entityId: string, metricId: string): readonly IndexedFigure[] | undefined {
  return index.byEntityMetric.get(entityId)?.get(metricId);
}

export function indexDataset(dataset: Dataset): DatasetIndex {
  const entities = new Map(dataset.entities.map((e) => [e.id, e]));
  const entityKeys = new Map<string, Entity>();
  for (const e of dataset.entities) {
    for (const name of [e.id, e.name.en, e.name.zh, ...e.aliases]) entityKeys.set(normalizeName(name), e);
  }
  for (const e of dataset.entities) {
    for (const name of [e.id, e.name.en, e.name.zh, ...e.aliases]) if (!entityKeys.has(name)) entityKeys.set(name, e);
  }
  const metrics = new Map(dataset.metrics.map((m) => [m.id, m]));
  const metricKeys = new Map<string, Metric>();
  for (const m of dataset.metrics) {
    for (const name of [m.id, m.name.en, m.name.zh]) metricKeys.set(normalizeName(name), m);
  }
  for (const m of dataset.metrics) {
    for (const name of [m.id, m.name.en, m.name.zh]) if (!metricKeys.has(name)) metricKeys.set(name, m);
  }
  const tables = new Map(dataset.tables.map((t) => [t.id, t]));
  const tableKeys = new Map<string, Table>();
  for (const t of dataset.tables) {
    for (const name of [t.id, t.title.en, t.title.zh]) tableKeys.set(normalizeName(name), t);
  }
  const figures = new Map<string, IndexedFigure>();
  const byEntityMetric = new Map<string, Map<string, IndexedFigure[]>>();
  const metricsOfEntity = new Map<string, string[]>();
  for (const figure of dataset.figures) {
    const indexed = indexFigure(figure);
    figures.set(figure.id, indexed);
    let byMetric = byEntityMetric.get(figure.entity);
    if (!byMetric) byEntityMetric.set(figure.entity, (byMetric = new Map()));
    const list = byMetric.get(figure.metric);
    if (list) list.push(indexed);
    else byMetric.set(figure.metric, [indexed]);
    const ofEntity = metricsOfEntity.get(figure.entity) ?? [];
    if (!ofEntity.includes(figure.metric)) ofEntity.push(figure.metric);
    metricsOfEntity.set(figure.entity, ofEntity);
  }
  return { dataset, entities, entityKeys, metrics, metricKeys, tables, tableKeys, figures, byEntityMetric, metricsOfEntity };
}

function indexFigure(figure: Figure): IndexedFigure {
  const scale = figure.scale ?? "";
  if (figure.value !== undefined) {
    const v = toBase(figure.value, scale);
    return { figure, low: v, high: v, mid: v };
  }
  if (figure.low !== undefined && figure.high !== undefined) {
    const low = toBase(figure.low, scale);
    const high = toBase(figure.high, scale);
    return { figure, low, high, mid: round15((low + high) / 2) };
  }
  return { figure };
}
