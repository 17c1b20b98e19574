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
 * `x` rounded to 15 significant digits, which removes binary noise (7.5亿 is 750000000, not
 * 750000000.0000001) and is more than the report ever writes. Arithmetic only: it runs on every
 * query, where toPrecision would cost about a microsecond.
 */
export function round15(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const digits = 14 - Math.floor(Math.log10(Math.abs(x)));
  if (digits >= 0) {
    const f = pow10(digits);
    return Math.round(x * f) / f;
  }
  const f = pow10(-digits);
  return Math.round(x / f) * f;
}

// 10 ** n computed once per n (exact for the n a double can use; ** is a call to pow each time).
const POW10 = Array.from({ length: 400 }, (_, n) => 10 ** n);
const pow10 = (n: number): number => (n < POW10.length ? POW10[n]! : 10 ** n);

export function scaleBy(n: number, factor: number): number {
  return round15(n * factor);
}

export function divideBy(n: number, factor: number): number {
  return factor === 1 ? n : round15(n / factor);
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
