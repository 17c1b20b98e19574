import { badArgument } from "./errors";
import { normalizeName } from "./normalize-name";
import type { Currency } from "./schema";
import { SCALES, type Scale } from "./units";

/**
 * Parsers for the options a query takes, from whatever a caller passes (Excel passes null for an
 * omitted argument, a number or a string otherwise). Each returns the default for null, undefined
 * and "" and throws BAD_ARGUMENT for anything else it does not know.
 */

export const BOUNDS = ["mid", "low", "high"] as const;
export type Bound = (typeof BOUNDS)[number];

export const LANGUAGES = ["en", "zh"] as const;
export type Language = (typeof LANGUAGES)[number];

const BLANK = /^\s*$/u;

/** null, undefined, or text of white space only (`\s` is the set String.prototype.trim removes). */
function isOmitted(x: unknown): x is null | undefined | "" {
  if (x === null || x === undefined) return true;
  if (typeof x !== "string") return false;
  if (x.length === 0) return true;
  // Every call passes here: decide printable ASCII without allocating (trim would copy the text).
  const first = x.charCodeAt(0);
  return !(first > 0x20 && first < 0x7f) && BLANK.test(x);
}

function lookup<T>(x: unknown, table: ReadonlyMap<string, T>): T | undefined {
  if (typeof x !== "string" && typeof x !== "number") return undefined;
  const text = typeof x === "string" ? x : String(x);
  // The canonical spelling ("USD", "B", "mid") is by far the most common: try it as given first.
  return table.get(text) ?? table.get(normalizeName(text));
}

const words = <T>(entries: Record<string, T>): ReadonlyMap<string, T> => new Map(Object.entries(entries));

const CURRENCY_WORDS = words<Currency>({
  USD: "USD",
  CNY: "CNY",
  usd: "USD",
  美元: "USD",
  cny: "CNY",
  rmb: "CNY",
  人民币: "CNY",
  元: "CNY",
});

export function parseCurrency(x: unknown): Currency | undefined {
  if (isOmitted(x)) return undefined;
  const currency = lookup(x, CURRENCY_WORDS);
  if (!currency) throw badArgument(`Unknown currency ${show(x)}.`, x, `Use "USD" or "CNY", or leave it empty for USD.`);
  return currency;
}

const SCALE_WORDS: ReadonlyMap<string, Scale> = new Map([
  ...SCALES.map((s) => [s, s] as const),
  ...SCALES.map((s) => [normalizeName(s), s] as const),
  ["thousand", "K"],
  ["million", "M"],
  ["billion", "B"],
  ["bn", "B"],
  ["trillion", "T"],
  ["千", "K"],
  ["百万", "M"],
]);

export function parseScale(x: unknown): Scale {
  if (isOmitted(x)) return "1";
  const scale = lookup(x, SCALE_WORDS);
  if (!scale) {
    throw badArgument(`Unknown scale ${show(x)}.`, x, `Use one of ${SCALES.join(", ")}, or leave it empty for base units.`);
  }
  return scale;
}

const BOUND_WORDS = words<Bound>({
  mid: "mid",
  middle: "mid",
  midpoint: "mid",
  中值: "mid",
  low: "low",
  下限: "low",
  high: "high",
  上限: "high",
});

export function parseBound(x: unknown): Bound {
  if (isOmitted(x)) return "mid";
  const bound = lookup(x, BOUND_WORDS);
  if (!bound) throw badArgument(`Unknown bound ${show(x)}.`, x, `Use "mid", "low" or "high", or leave it empty for the midpoint.`);
  return bound;
}

const LANGUAGE_WORDS = words<Language>({
  en: "en",
  english: "en",
  英文: "en",
  zh: "zh",
  cn: "zh",
  chinese: "zh",
  中文: "zh",
  zhcn: "zh",
  enus: "en",
});

export function parseLanguage(x: unknown): Language {
  if (isOmitted(x)) return "en";
  const language = lookup(x, LANGUAGE_WORDS);
  if (!language) throw badArgument(`Unknown language ${show(x)}.`, x, `Use "en" or "zh", or leave it empty for English.`);
  return language;
}

/** A year as a whole number; a numeric string such as "2026" is accepted. */
export function parseYear(x: unknown): number | undefined {
  if (isOmitted(x)) return undefined;
  const n = typeof x === "number" ? x : typeof x === "string" && /^\s*\d+\s*$/.test(x) ? Number(x) : NaN;
  if (!Number.isInteger(n)) {
    throw badArgument(`Year must be a whole number such as 2026; got ${show(x)}.`, x, "Leave it empty for the latest year the report covers.");
  }
  return n;
}

/** A value as it reads in a message: strings quoted, everything else as JSON would print it. */
export function show(x: unknown): string {
  if (typeof x === "string") return `"${x}"`;
  if (typeof x === "number" || typeof x === "boolean") return String(x);
  if (x === null || x === undefined) return "nothing";
  if (Array.isArray(x)) return "a range of cells";
  return typeof x;
}
