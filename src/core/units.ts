import type { Currency, MetricKind, WrittenScale } from "./schema";

/** Scales a query can ask for. `1` is base units (33000000000 for 330亿美元). */
export const SCALES = ["1", "K", "M", "B", "T", "万", "亿", "万亿"] as const;
export type Scale = (typeof SCALES)[number];

export const SCALE_FACTORS: Record<Scale, number> = {
  "1": 1,
  K: 1e3,
  M: 1e6,
  B: 1e9,
  T: 1e12,
  万: 1e4,
  亿: 1e8,
  万亿: 1e12,
};

const WRITTEN_FACTORS: Record<WrittenScale, number> = { "": 1, 万: 1e4, 亿: 1e8, 万亿: 1e12, "%": 0.01 };

/** Metric kinds a scale applies to; shares, rates, multiples and measures keep their own unit. */
export function isScalable(kind: MetricKind): boolean {
  return kind === "money" || kind === "count";
}

/**
 * `n * factor` without binary noise: 7.5亿 is 750000000, not 750000000.0000001. Fifteen
 * significant digits is what a double holds exactly and more than the report ever writes.
 */
export function scaleBy(n: number, factor: number): number {
  return Number((n * factor).toPrecision(15));
}

export function divideBy(n: number, factor: number): number {
  return Number((n / factor).toPrecision(15));
}

/** A number as written (330 with scale 亿) in base units (33000000000); 72 with `%` is 0.72. */
export function toBase(written: number, scale: WrittenScale): number {
  return scaleBy(written, WRITTEN_FACTORS[scale]);
}

/** Converts between the two currencies at `cnyPerUsd`. */
export function convertCurrency(amount: number, from: Currency, to: Currency, cnyPerUsd: number): number {
  if (from === to) return amount;
  return from === "USD" ? scaleBy(amount, cnyPerUsd) : divideBy(amount, cnyPerUsd);
}
