import { buildTable } from "../core/build-table";
import { listEntities, listMetrics, listTables } from "../core/catalogues";
import { datasetInfo } from "../core/dataset-info";
import { describeSource } from "../core/describe-source";
import { metricQuery, revenueQuery } from "../core/function-calls";
import { queryFigure } from "../core/query-figure";
import { answerStreaming } from "./answer";

/*
 * The AIMARKET custom functions. Ids and argument order are permanent: workbooks store them.
 * CustomFunctionsMetadataPlugin reads the JSDoc below (it is what Excel shows while typing) and
 * appends the CustomFunctions.associate calls to this file. Every function streams: it answers at
 * once and again whenever the dataset in use changes. Excel passes null for an omitted argument.
 */

/**
 * Currency for money figures.
 * @customenum {string}
 */
enum Currency {
  /** US dollars (default) */
  USD = "USD",
  /** Chinese yuan (人民币) */
  CNY = "CNY",
}

/**
 * Scale of the answer: 1 is base units (33000000000 for 330亿美元).
 * @customenum {string}
 */
enum Scale {
  /** Base units (default) */
  Units = "1",
  /** Thousands */
  K = "K",
  /** Millions */
  M = "M",
  /** Billions */
  B = "B",
  /** Trillions */
  T = "T",
  /** 万: ten thousands */
  Wan = "万",
  /** 亿: hundred millions */
  Yi = "亿",
  /** 万亿: trillions */
  WanYi = "万亿",
}

/**
 * Which end of a range such as 240-270亿美元.
 * @customenum {string}
 */
enum Bound {
  /** Midpoint of the range (default) */
  Mid = "mid",
  /** Low end */
  Low = "low",
  /** High end */
  High = "high",
}

/**
 * Language of text answers and headers.
 * @customenum {string}
 */
enum Language {
  /** English (default) */
  En = "en",
  /** Chinese, as the report writes it */
  Zh = "zh",
}

/**
 * Kind of entity.
 * @customenum {string}
 */
enum EntityKind {
  /** The nine vendors */
  Vendor = "vendor",
  /** The three models of section 四 */
  Model = "model",
  /** China and the West */
  Camp = "camp",
  /** The market as a whole (Global) */
  Market = "market",
}

/**
 * A vendor's revenue from the report, in base units of US dollars unless you ask otherwise. =AIMARKET.REVENUE("OpenAI",2026) is 33000000000; =AIMARKET.REVENUE("阿里巴巴",,"CNY","亿","low") is 220.
 * @customfunction REVENUE
 * @param vendor Vendor name in English or Chinese, e.g. "OpenAI", "字节跳动", "Alibaba".
 * @param [year] Year of the figure; leave empty for the latest (2026).
 * @param [currency] "USD" (default) or "CNY". A figure the report states in that currency is used as stated; otherwise it is converted at INFO("exchange_rate").
 * @param [scale] 1 (default), K, M, B, T, 万, 亿 or 万亿.
 * @param [bound] For a range such as 240-270亿美元: "mid" (default), "low" or "high".
 * @param invocation Supplied by Excel.
 * @returns The revenue as a number.
 */
export function revenue(
  vendor: string,
  year: number,
  currency: Currency,
  scale: Scale,
  bound: Bound,
  invocation: CustomFunctions.StreamingInvocation<number>,
): void {
  answerStreaming(invocation, ({ index }) => queryFigure(index, revenueQuery(vendor, year, currency, scale, bound)).value as number);
}

/**
 * Any figure of the report for a vendor, model, camp or the market, as a number, or as text where the report gives words. =AIMARKET.METRIC("OpenAI","compute_gw") is 1.9; =AIMARKET.METRIC("百度","domestic_chip_share") is 0.6.
 * @customfunction METRIC
 * @param entity Vendor, model, camp or market, in English or Chinese, e.g. "Google", "Kimi 2.5", "China", "全球". See AIMARKET.ENTITIES().
 * @param metric Metric id or name, e.g. "revenue", "compute_gw", "mau", "max_cluster_chips", "domestic_chip_share". See AIMARKET.METRICS().
 * @param [year] Year of the figure; leave empty for the latest.
 * @param [currency] For money: "USD" (default) or "CNY".
 * @param [scale] For amounts and counts: 1 (default), K, M, B, T, 万, 亿 or 万亿. Shares come as fractions (0.68 is 68%).
 * @param [bound] For a range: "mid" (default), "low" or "high".
 * @param [language] For text answers: "en" (default) or "zh".
 * @param invocation Supplied by Excel.
 * @returns A number, or text for a categorical figure.
 */
export function metric(
  entity: string,
  metric: string,
  year: number,
  currency: Currency,
  scale: Scale,
  bound: Bound,
  language: Language,
  invocation: CustomFunctions.StreamingInvocation<any>,
): void {
  answerStreaming(invocation, ({ index }) => queryFigure(index, metricQuery(entity, metric, year, currency, scale, bound, language)).value);
}

/**
 * A whole table of the report as a range that spills, header row first. =AIMARKET.TABLE("vendor_revenue",,"USD","B") gives each vendor's 2026 revenue range in billions of US dollars.
 * @customfunction TABLE
 * @param table Table id from AIMARKET.TABLES(), e.g. "vendor_revenue", "vendors_china".
 * @param [language] "en" (default) or "zh".
 * @param [currency] For money columns: "USD" (default) or "CNY".
 * @param [scale] For amounts and counts: 1 (default), K, M, B, T, 万, 亿 or 万亿.
 * @param [bound] For columns that show one value of a range: "mid" (default), "low" or "high".
 * @param invocation Supplied by Excel.
 * @returns The table, header row first; a figure the report does not give is empty.
 */
export function table(
  table: string,
  language: Language,
  currency: Currency,
  scale: Scale,
  bound: Bound,
  invocation: CustomFunctions.StreamingInvocation<any[][]>,
): void {
  answerStreaming(invocation, ({ index }) => buildTable(index, table, { language, currency, scale, bound }));
}

/**
 * The report's tables: id (to pass to AIMARKET.TABLE), titles in English and Chinese, kind, section and size. Spills.
 * @customfunction TABLES
 * @param [language] "en" (default) or "zh" for the header and kind.
 * @param invocation Supplied by Excel.
 * @returns One row per table, header row first.
 */
export function tables(language: Language, invocation: CustomFunctions.StreamingInvocation<any[][]>): void {
  answerStreaming(invocation, ({ index }) => listTables(index, language));
}

/**
 * The vendors, models, camps and market the report covers: the name to pass to the other functions, the name in the other language, kind, id and other accepted names. Spills.
 * @customfunction ENTITIES
 * @param [kind] "vendor", "model", "camp" or "market"; leave empty for all.
 * @param [language] "en" (default) or "zh": which name comes first.
 * @param invocation Supplied by Excel.
 * @returns One row per entity, header row first.
 */
export function entities(kind: EntityKind, language: Language, invocation: CustomFunctions.StreamingInvocation<any[][]>): void {
  answerStreaming(invocation, ({ index }) => listEntities(index, kind, language));
}

/**
 * The metrics of the report, or those one entity has: metric id (to pass to AIMARKET.METRIC), names in English and Chinese, kind, unit and description. Spills.
 * @customfunction METRICS
 * @param [entity] Vendor, model, camp or market to list the metrics of; leave empty for all.
 * @param [language] "en" (default) or "zh" for the header, unit and description.
 * @param invocation Supplied by Excel.
 * @returns One row per metric, header row first.
 */
export function metrics(entity: string, language: Language, invocation: CustomFunctions.StreamingInvocation<any[][]>): void {
  answerStreaming(invocation, ({ index }) => listMetrics(index, entity, language));
}

/**
 * Where a figure comes from: the report's verbatim words, section, table row and column, qualifier (超, 约, 低至...) and any flag on it. =AIMARKET.SOURCE("ByteDance","revenue").
 * @customfunction SOURCE
 * @param entity Vendor, model, camp or market, e.g. "OpenAI".
 * @param metric Metric id or name, e.g. "revenue".
 * @param [year] Year of the figure; leave empty for the latest.
 * @param [language] "en" (default) or "zh" for the notes around the verbatim text.
 * @param invocation Supplied by Excel.
 * @returns One line of text.
 */
export function source(entity: string, metric: string, year: number, language: Language, invocation: CustomFunctions.StreamingInvocation<string>): void {
  answerStreaming(invocation, ({ index }) => describeSource(index, entity, metric, language, year));
}

/**
 * About the dataset in use: title, edition, published, as_of, version, hash, exchange_rate (CNY per USD used for conversions), exchange_rate_method, figures, source. With no field, all of them as a two-column range.
 * @customfunction INFO
 * @param [field] One of the fields above; leave empty for all.
 * @param invocation Supplied by Excel.
 * @returns The field's value in one cell, or a two-column range of every field.
 */
export function info(field: string, invocation: CustomFunctions.StreamingInvocation<any[][]>): void {
  answerStreaming(invocation, (state) => {
    const answer = datasetInfo(state, field);
    return Array.isArray(answer) ? answer : [[answer]];
  });
}
