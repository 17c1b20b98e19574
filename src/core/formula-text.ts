import { cellError, metricQuery, revenueQuery } from "./function-calls";
import { figuresOf, type DatasetIndex } from "./dataset-index";
import type { Bound, Language } from "./query-options";
import { queryFigure, type FigureAnswer } from "./query-figure";
import { resolveEntity } from "./resolve";
import type { Currency, Entity } from "./schema";
import { isScalable, type Scale } from "./units";

/**
 * The formula builder's side of the custom functions: what the user picked, as the formula text
 * Excel stores (English, the invariant form of `range.formulas`) and as the value that formula
 * shows, computed by the same core query with the same arguments, so the pane can never promise a
 * value the cell will not show.
 */

/** The defaults of the functions' optional arguments (README, "Custom functions"); permanent like their order. */
const DEFAULTS = { currency: "USD", scale: "1", bound: "mid", language: "en" } as const;

/** What the builder holds: ids, and each option chosen or left out (undefined: Excel passes null). */
export interface FormulaChoice {
  /** Entity id (the formula names the entity by its English name, see entityArgument). */
  entity: string;
  /** Metric id. */
  metric: string;
  /** Undefined: left empty, i.e. the latest year the dataset has (or none, for figures without a year). */
  year?: number;
  currency?: Currency;
  scale?: Scale;
  bound?: Bound;
  /** Language of a text answer. */
  language?: Language;
}

export type FormulaArgument = string | number | null;

/** A call of one custom function: its id and its arguments in declared order, null where left empty. */
export interface FormulaCall {
  name: "REVENUE" | "METRIC";
  args: FormulaArgument[];
}

/** Which of the optional arguments mean anything for an entity's metric, and the years it has. */
export interface ApplicableOptions {
  /** Distinct periods of its figures, latest first; null for figures the report gives without a year. */
  years: (number | null)[];
  currency: boolean;
  scale: boolean;
  /** Some figure is a range (low differs from high). */
  bound: boolean;
  language: boolean;
}

/**
 * The options that apply to `metricId` for the given entities together (one entity for a single
 * formula, several for a column, so the column's formulas share their arguments).
 */
export function applicableOptions(index: DatasetIndex, entityIds: readonly string[], metricId: string): ApplicableOptions {
  const metric = index.metrics.get(metricId);
  const figures = entityIds.flatMap((id) => figuresOf(index, id, metricId) ?? []);
  const years = [...new Set(figures.map((f) => f.figure.period))].sort((a, b) => (b ?? -Infinity) - (a ?? -Infinity));
  const kind = metric?.kind;
  return {
    years,
    currency: kind === "money",
    scale: kind !== undefined && isScalable(kind),
    bound: kind !== "text" && figures.some((f) => f.low !== f.high),
    language: kind === "text",
  };
}

/**
 * The choice with what does not apply left out (currency of a share, bound of a single value,
 * language of a number) and every option equal to the functions' default left out too: the
 * defaults are part of the functions' permanent contract, so the shorter formula means the same
 * and reads like the README's examples (=AIMARKET.REVENUE("OpenAI",2026)).
 */
export function tidyChoice(index: DatasetIndex, choice: FormulaChoice, entityIds: readonly string[] = [choice.entity]): FormulaChoice {
  const applies = applicableOptions(index, entityIds, choice.metric);
  const keep = <T>(on: boolean, value: T | undefined, fallback: T): T | undefined => (on && value !== undefined && value !== fallback ? value : undefined);
  return {
    entity: choice.entity,
    metric: choice.metric,
    year: choice.year,
    currency: keep(applies.currency, choice.currency, DEFAULTS.currency),
    scale: keep(applies.scale, choice.scale, DEFAULTS.scale),
    bound: keep(applies.bound, choice.bound, DEFAULTS.bound),
    language: keep(applies.language, choice.language, DEFAULTS.language),
  };
}

/**
 * The name a formula gives the entity: its English name, which reads well in any Excel and stays
 * the same whichever language the pane shows (the functions accept both scripts). The id is the
 * fallback for a dataset where that name would find another entity.
 */
export function entityArgument(index: DatasetIndex, entityId: string): string {
  const entity = index.entities.get(entityId);
  if (!entity) return entityId;
  return findsEntity(index, entity.name.en, entity) ? entity.name.en : entity.id;
}

function findsEntity(index: DatasetIndex, name: string, entity: Entity): boolean {
  try {
    return resolveEntity(index, name) === entity;
  } catch {
    return false;
  }
}

/**
 * REVENUE for a vendor's revenue (the function analysts know, and the shorter formula), METRIC for
 * everything else; arguments in the order functions.ts declares them.
 */
export function formulaCall(index: DatasetIndex, choice: FormulaChoice): FormulaCall {
  const entity = entityArgument(index, choice.entity);
  const year = choice.year ?? null;
  const currency = choice.currency ?? null;
  const scale = choice.scale ?? null;
  const bound = choice.bound ?? null;
  if (choice.metric === "revenue" && index.entities.get(choice.entity)?.kind === "vendor") {
    return { name: "REVENUE", args: trimTrailing([entity, year, currency, scale, bound]) };
  }
  return { name: "METRIC", args: trimTrailing([entity, choice.metric, year, currency, scale, bound, choice.language ?? null]) };
}

function trimTrailing(args: FormulaArgument[]): FormulaArgument[] {
  let end = args.length;
  while (end > 0 && args[end - 1] === null) end -= 1;
  return args.slice(0, end);
}

/** A text argument as Excel reads it: in double quotes, a quote inside doubled. */
export function quoteText(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** The formula as `range.formulas` takes it: =AIMARKET.REVENUE("Anthropic",2026,,"B","low"). */
export function formulaText(call: FormulaCall): string {
  const args = call.args.map((a) => {
    if (a === null) return "";
    if (typeof a === "number") {
      if (!Number.isFinite(a)) throw new RangeError(`A formula argument must be a finite number; got ${a}.`);
      return String(a);
    }
    return quoteText(a);
  });
  return `=AIMARKET.${call.name}(${args.join(",")})`;
}

/** formulaText of formulaCall of the tidied choice: what the builder writes. */
export function buildFormula(index: DatasetIndex, choice: FormulaChoice, entityIds?: readonly string[]): string {
  return formulaText(formulaCall(index, tidyChoice(index, choice, entityIds)));
}

/** What a formula shows: the answer, or the error code and the message the cell would carry. */
export type FormulaOutcome =
  | { ok: true; answer: FigureAnswer; /** The figure is a range, so the bound chose the value. */ range: boolean }
  | { ok: false; error: "#VALUE!" | "#N/A"; message: string };

/**
 * Evaluates a call the way src/functions does: the arguments passed to the same query in the same
 * places (null for an empty one), a BAD_ARGUMENT error as #VALUE! and anything else as #N/A, with
 * the function's own message.
 */
export function evaluateCall(index: DatasetIndex, call: FormulaCall): FormulaOutcome {
  const a = (i: number): FormulaArgument => call.args[i] ?? null;
  try {
    const query = call.name === "REVENUE" ? revenueQuery(a(0), a(1), a(2), a(3), a(4)) : metricQuery(a(0), a(1), a(2), a(3), a(4), a(5), a(6));
    const answer = queryFigure(index, query);
    const indexed = index.figures.get(answer.figure.id);
    return { ok: true, answer, range: indexed !== undefined && indexed.low !== indexed.high };
  } catch (e) {
    const { shows, message } = cellError(e);
    return { ok: false, error: shows, message };
  }
}

/** The builder's live value: the tidied choice evaluated as its formula will be. */
export function evaluateChoice(index: DatasetIndex, choice: FormulaChoice, entityIds?: readonly string[]): FormulaOutcome {
  return evaluateCall(index, formulaCall(index, tidyChoice(index, choice, entityIds)));
}
