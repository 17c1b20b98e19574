import { figuresOf, type DatasetIndex, type IndexedFigure } from "./dataset-index";
import { notFound } from "./errors";
import { parseBound, parseCurrency, parseLanguage, parseScale, parseYear, type Bound, type Language } from "./query-options";
import { resolveEntity, resolveMetric } from "./resolve";
import type { Currency, Entity, EntityKind, Figure, Metric } from "./schema";
import { convertCurrency, divideBy, isScalable, SCALE_FACTORS, type Scale } from "./units";

/** A question about one figure, as a caller gives it: every option may be null or missing. */
export interface FigureQuery {
  entity: unknown;
  metric: unknown;
  year?: unknown;
  currency?: unknown;
  scale?: unknown;
  bound?: unknown;
  /** Language of a text answer. */
  language?: unknown;
  /** Restrict the entity to one kind (REVENUE asks for a vendor). */
  kind?: EntityKind;
}

export interface FigureAnswer {
  value: number | string;
  entity: Entity;
  metric: Metric;
  figure: Figure;
  /** Currency of `value`, for money metrics. */
  currency?: Currency;
  /** Set when the report does not state the figure in `currency` and it was converted. */
  conversion?: { from: Currency; to: Currency; cnyPerUsd: number };
  scale: Scale;
  bound: Bound;
}

/**
 * Answers "what is X's Y": values in base units unless `scale` says otherwise, USD for money
 * unless `currency` says otherwise, the midpoint of a range unless `bound` says otherwise, the
 * latest year the report gives unless `year` says otherwise. A figure the report states in the
 * requested currency is used as stated; only a figure it does not state is converted.
 */
export function queryFigure(index: DatasetIndex, query: FigureQuery): FigureAnswer {
  const year = parseYear(query.year);
  const currency = parseCurrency(query.currency) ?? "USD";
  const scale = parseScale(query.scale);
  const bound = parseBound(query.bound);
  const language = parseLanguage(query.language);
  const entity = resolveEntity(index, query.entity, query.kind);
  const metric = resolveMetric(index, query.metric);
  const candidates = pickPeriod(index, entity, metric, year);
  return answer(index, entity, metric, candidates, { currency, scale, bound, language });
}

/** The same question with ids already resolved (tables ask it many times). */
export function answerByIds(
  index: DatasetIndex,
  entity: Entity,
  metric: Metric,
  period: number | null | undefined,
  options: { currency: Currency; scale: Scale; bound: Bound; language: Language },
): FigureAnswer | undefined {
  const all = figuresOf(index, entity.id, metric.id);
  if (!all) return undefined;
  const candidates = period === undefined ? all : all.filter((f) => f.figure.period === period);
  if (candidates.length === 0) return undefined;
  return answer(index, entity, metric, period === undefined ? latest(candidates) : candidates, options);
}

function pickPeriod(index: DatasetIndex, entity: Entity, metric: Metric, year: number | undefined): readonly IndexedFigure[] {
  const all = figuresOf(index, entity.id, metric.id);
  if (!all) {
    throw notFound(`The report gives no "${metric.id}" for ${entity.name.en}.`, metric.id, `METRICS("${entity.name.en}") lists what it has.`);
  }
  if (year === undefined) return latest(all);
  const match = all.filter((f) => f.figure.period === year);
  if (match.length > 0) return match;
  const years = [...new Set(all.map((f) => f.figure.period))];
  if (years.every((y) => y === null)) {
    throw notFound(`The report gives ${entity.name.en}'s "${metric.id}" without a year, not for ${year}.`, year, "Leave the year empty.");
  }
  const listed = years.filter((y): y is number => y !== null).sort().join(", ");
  throw notFound(`The report gives ${entity.name.en}'s "${metric.id}" for ${listed} only, not for ${year}.`, year, "Leave the year empty for the latest.");
}

function latest(figures: readonly IndexedFigure[]): readonly IndexedFigure[] {
  if (figures.length === 1) return figures;
  let best: number | null = null;
  for (const f of figures) if (f.figure.period !== null && (best === null || f.figure.period > best)) best = f.figure.period;
  return figures.filter((f) => f.figure.period === best);
}

function answer(
  index: DatasetIndex,
  entity: Entity,
  metric: Metric,
  candidates: readonly IndexedFigure[],
  options: { currency: Currency; scale: Scale; bound: Bound; language: Language },
): FigureAnswer {
  const { scale, bound, language } = options;
  if (metric.kind === "text") {
    const figure = candidates[0]!.figure;
    return { value: figure.text![language], entity, metric, figure, scale, bound };
  }
  if (metric.kind !== "money") {
    const indexed = candidates[0]!;
    const base = pickBound(indexed, bound);
    const value = isScalable(metric.kind) ? divideBy(base, SCALE_FACTORS[scale]) : base;
    return { value, entity, metric, figure: indexed.figure, scale, bound };
  }
  const wanted = options.currency;
  const stated = candidates.find((f) => f.figure.currency === wanted);
  const indexed = stated ?? candidates[0]!;
  const from = indexed.figure.currency!;
  const cnyPerUsd = index.dataset.meta.exchangeRate.cnyPerUsd;
  const amount = convertCurrency(pickBound(indexed, bound), from, wanted, cnyPerUsd);
  return {
    value: divideBy(amount, SCALE_FACTORS[scale]),
    entity,
    metric,
    figure: indexed.figure,
    currency: wanted,
    conversion: stated ? undefined : { from, to: wanted, cnyPerUsd },
    scale,
    bound,
  };
}

function pickBound(f: IndexedFigure, bound: Bound): number {
  return bound === "low" ? f.low! : bound === "high" ? f.high! : f.mid!;
}
