import type { DatasetIndex } from "../core/dataset-index";
import { applicableOptions, buildFormula, evaluateChoice, type ApplicableOptions, type FormulaChoice } from "../core/formula-text";
import { normalizeName } from "../core/normalize-name";
import type { Bound, Language } from "../core/query-options";
import type { Currency, Entity, Metric } from "../core/schema";
import { unitLabel } from "../core/unit-label";
import type { Scale } from "../core/units";
import { QUALIFIERS } from "../core/vocabulary";
import { plural, t, type StringKey, type UiLanguage } from "./i18n";
import { formatCell } from "./pane-state";

/** What the formula builder shows and writes, without the DOM: everything here runs in plain Node. */

/** A year as the builder offers it: a year, "latest" (left empty, the latest there is) or "none" (no year given). */
export type YearChoice = number | "latest" | "none";

export interface BuilderState {
  /** The entity search box. */
  query: string;
  entity?: string;
  metric?: string;
  year?: YearChoice;
  currency: Currency;
  scale: Scale;
  bound: Bound;
  language: Language;
  /** Entities chosen for a column, in the order the list shows them. */
  fill: string[];
}

export function initialBuilderState(ui: UiLanguage): BuilderState {
  return { query: "", currency: "USD", scale: "1", bound: "mid", language: ui, fill: [] };
}

/** Every name an entity answers to, as normalizeName keys (id, both names, aliases). */
function keysOf(entity: Entity): string[] {
  return [entity.id, entity.name.en, entity.name.zh, ...entity.aliases].map(normalizeName);
}

/**
 * Entities whose id, English or Chinese name or any alias contains the query, ignoring case,
 * spaces, hyphens and full-width forms (as the functions match names); those a name starts with
 * first, then dataset order.
 */
export function searchEntities(index: DatasetIndex, query: string): Entity[] {
  const all = index.dataset.entities;
  const key = normalizeName(query);
  if (key === "") return [...all];
  const starts: Entity[] = [];
  const contains: Entity[] = [];
  for (const entity of all) {
    const keys = keysOf(entity);
    if (keys.some((k) => k.startsWith(key))) starts.push(entity);
    else if (keys.some((k) => k.includes(key))) contains.push(entity);
  }
  return [...starts, ...contains];
}

/** The metrics an entity has figures for, in dataset order. */
export function metricsOf(index: DatasetIndex, entityId: string | undefined): Metric[] {
  if (!entityId) return [];
  return (index.metricsOfEntity.get(entityId) ?? []).map((id) => index.metrics.get(id)!).filter(Boolean);
}

/** The entities that have figures for a metric, in dataset order (the column's choices). */
export function entitiesWith(index: DatasetIndex, metricId: string | undefined): Entity[] {
  if (!metricId) return [];
  return index.dataset.entities.filter((e) => index.byEntityMetric.get(e.id)?.has(metricId));
}

/** The years offered: each year the figures have, latest first, then "latest"; "none" when they have no year. */
export function yearChoices(options: ApplicableOptions): YearChoice[] {
  const years = options.years.filter((y): y is number => y !== null);
  if (years.length === 0) return ["none"];
  return [...years, "latest"];
}

/**
 * The state made consistent with the dataset: an entity that is gone is dropped, the metric is one
 * the entity has (its first when not), the year one it offers (the latest year by default, so a
 * formula keeps meaning the same year when a later edition adds one), the column's entities ones
 * that have the metric.
 */
export function settleState(index: DatasetIndex, state: BuilderState): BuilderState {
  const entity = state.entity && index.entities.has(state.entity) ? state.entity : undefined;
  const metrics = metricsOf(index, entity);
  const metric = metrics.find((m) => m.id === state.metric)?.id ?? metrics[0]?.id;
  const years = entity && metric ? yearChoices(applicableOptions(index, [entity], metric)) : [];
  const year = years.find((y) => y === state.year) ?? years[0];
  const withMetric = new Set(entitiesWith(index, metric).map((e) => e.id));
  return { ...state, entity, metric, year, fill: state.fill.filter((id) => withMetric.has(id)) };
}

/** The builder's choice for one entity (the chosen one unless given). */
export function choiceOf(state: BuilderState, entity = state.entity): FormulaChoice | undefined {
  if (!entity || !state.metric) return undefined;
  return {
    entity,
    metric: state.metric,
    year: typeof state.year === "number" ? state.year : undefined,
    currency: state.currency,
    scale: state.scale,
    bound: state.bound,
    language: state.language,
  };
}

/** One formula per entity chosen for the column, sharing their arguments. */
export function columnFormulas(index: DatasetIndex, state: BuilderState): string[] {
  return state.fill.flatMap((id) => {
    const choice = choiceOf(state, id);
    return choice ? [buildFormula(index, choice, state.fill)] : [];
  });
}

/** What the builder shows live: the formula, and the value with its unit, or the error the cell will show. */
export interface LivePreview {
  formula: string;
  /** The value line: "240-270亿美元 → 25.5 (USD billion, midpoint)", a text answer, or the error. */
  value: string;
  error: boolean;
  /** Notes: a currency conversion, problems the report has with the figure. */
  notes: string[];
}

/** The live formula and value for the chosen entity, in the pane's language; undefined until an entity and metric are chosen. */
export function livePreview(index: DatasetIndex, state: BuilderState, ui: UiLanguage): LivePreview | undefined {
  const choice = choiceOf(state);
  if (!choice) return undefined;
  const formula = buildFormula(index, choice);
  const outcome = evaluateChoice(index, choice);
  if (!outcome.ok) return { formula, value: t(ui, "fbErrorLine", { error: outcome.error, message: outcome.message }), error: true, notes: [] };
  const { answer } = outcome;
  const notes = (answer.figure.flags ?? []).map((flag) => t(ui, "fbFlag", { note: flag.note[ui] }));
  if (typeof answer.value === "string") return { formula, value: answer.value, error: false, notes };
  if (answer.conversion) {
    const { from, to, cnyPerUsd } = answer.conversion;
    notes.unshift(t(ui, "fbConverted", { from, to, rate: cnyPerUsd }));
  }
  const qualifier = answer.figure.qualifier ?? "";
  // "以上", "左右" and "以内" follow the number in the report; every other qualifier precedes it.
  const written = POSTFIX.has(qualifier) ? `${answer.figure.written}${qualifier}` : `${qualifier}${answer.figure.written ?? ""}`;
  const unitParts = [unitLabel(answer.metric, ui, answer.currency, answer.scale)];
  if (outcome.range) unitParts.push(t(ui, `fbBound_${answer.bound}` as StringKey));
  const unit = unitParts.filter(Boolean).join(ui === "zh" ? "," : ", ");
  const value = formatCell(answer.value, ui);
  const line = unit ? t(ui, "fbValueLine", { written, value, unit }) : `${written} → ${value}`;
  return { formula, value: line, error: false, notes };
}

const POSTFIX = new Set<string>(["以上", "左右", "以内"].filter((q) => q in QUALIFIERS));

export function fillCountText(ui: UiLanguage, n: number): string {
  return plural(ui, "fbFillCount", n);
}
