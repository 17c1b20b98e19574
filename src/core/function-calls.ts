import { isAimarketError } from "./errors";
import type { FigureQuery } from "./query-figure";

/**
 * How the figure functions' arguments, in the order Excel passes them, become a core question,
 * and what a cell shows when core throws: the one place the functions, the simulator's evaluator,
 * the formula builder and the Selected cell view all read it from.
 */

/** REVENUE(vendor, [year], [currency], [scale], [bound]). */
export function revenueQuery(vendor: unknown, year?: unknown, currency?: unknown, scale?: unknown, bound?: unknown): FigureQuery {
  return { entity: vendor, metric: "revenue", year, currency, scale, bound, kind: "vendor" };
}

/** METRIC(entity, metric, [year], [currency], [scale], [bound], [language]). */
export function metricQuery(entity: unknown, metric: unknown, year?: unknown, currency?: unknown, scale?: unknown, bound?: unknown, language?: unknown): FigureQuery {
  return { entity, metric, year, currency, scale, bound, language };
}

export interface CellError {
  shows: "#VALUE!" | "#N/A";
  message: string;
}

/**
 * A thrown error as the cell shows it: a bad argument is #VALUE!, a question the data cannot
 * answer #N/A, each with its message; anything unexpected is #N/A with its message too.
 */
export function cellError(e: unknown): CellError {
  if (isAimarketError(e)) return { shows: e.code === "BAD_ARGUMENT" ? "#VALUE!" : "#N/A", message: e.message };
  return { shows: "#N/A", message: `AIMARKET could not answer: ${e instanceof Error ? e.message : String(e)}` };
}
