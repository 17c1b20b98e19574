/**
 * The fixed vocabulary of the dataset format, kept apart from the zod schema so that code which
 * only reads a validated dataset (the custom functions bundle) does not pull zod in.
 */

export const CURRENCIES = ["USD", "CNY"] as const;

/**
 * Scale as written in the report. `""` means the number is written in units; `%` means percent
 * (the value 72 with scale `%` is the fraction 0.72).
 */
export const WRITTEN_SCALES = ["", "万", "亿", "万亿", "%"] as const;

/**
 * What a metric measures, which decides how queries treat it:
 * - `money`: an amount in the figure's currency; currency conversion and scale apply.
 * - `count`: a number of things (users, chips, parameters...); scale applies.
 * - `share`: a fraction of a whole, 0..1 (the report's 72% is 0.72).
 * - `rate`: a growth rate or relative difference as a fraction (120% is 1.2); may exceed 1.
 * - `multiple`: "N times" or "1/N of" something, as a plain factor.
 * - `measure`: a physical or other unit, named in the metric (`compute_gw` is in gigawatts).
 * - `text`: a categorical statement; the answer is text.
 */
export const METRIC_KINDS = ["money", "count", "share", "rate", "multiple", "measure", "text"] as const;

export const ENTITY_KINDS = ["vendor", "model", "camp", "market"] as const;

/** Qualifiers exactly as the report writes them, with their meaning. */
export const QUALIFIERS = {
  "超": "more than",
  "超过": "more than",
  "将超": "will exceed",
  "首次超过": "for the first time exceeds",
  "突破": "surpasses",
  "均突破": "each surpasses",
  "以上": "or more",
  "普遍超": "generally more than",
  "约": "about",
  "左右": "about",
  "低至": "as low as",
  "仅为": "only",
  "不超过": "no more than",
  "以内": "within",
  "最大": "at most",
  "达": "reaches",
  "计划": "planned",
} as const;
export type Qualifier = keyof typeof QUALIFIERS;

/** Kinds of problem in the source that a figure, table or statement is flagged with. */
export const FLAG_CODES = [
  "garbled",
  "missing_in_source",
  "unit_suspect",
  "contradicted_by_source",
  "sum_mismatch",
  "inconsistent",
  "scope_differs",
  "scope_unclear",
  "name_suspect",
  "corrected_in_source",
  "period_unclear",
] as const;

/** A short name for each flag code, as tables, the pane and SOURCE show it. */
export const FLAG_LABELS: Readonly<Record<(typeof FLAG_CODES)[number], { en: string; zh: string }>> = {
  garbled: { en: "garbled in the report", zh: "报告原文有误" },
  missing_in_source: { en: "missing in the report", zh: "报告缺失" },
  unit_suspect: { en: "unit doubtful", zh: "单位存疑" },
  contradicted_by_source: { en: "contradicted by the report", zh: "与报告其他内容矛盾" },
  sum_mismatch: { en: "parts do not add up", zh: "分项之和不符" },
  inconsistent: { en: "inconsistent in the report", zh: "报告内部不一致" },
  scope_differs: { en: "scope differs", zh: "口径不同" },
  scope_unclear: { en: "scope unclear", zh: "口径不明" },
  name_suspect: { en: "name doubtful", zh: "名称存疑" },
  corrected_in_source: { en: "corrected in the report", zh: "报告已更正" },
  period_unclear: { en: "period unclear", zh: "时期不明" },
};

export const BOUND_COLUMNS = ["value", "low", "high", "mid"] as const;

export type Currency = (typeof CURRENCIES)[number];
export type WrittenScale = (typeof WRITTEN_SCALES)[number];
export type MetricKind = (typeof METRIC_KINDS)[number];
export type EntityKind = (typeof ENTITY_KINDS)[number];
export type FlagCode = (typeof FLAG_CODES)[number];
