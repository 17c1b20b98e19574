import * as z from "zod";
import { BOUND_COLUMNS, CURRENCIES, ENTITY_KINDS, FLAG_CODES, METRIC_KINDS, QUALIFIERS, WRITTEN_SCALES, type Qualifier } from "./vocabulary";

export { BOUND_COLUMNS, CURRENCIES, ENTITY_KINDS, FLAG_CODES, METRIC_KINDS, QUALIFIERS, WRITTEN_SCALES };
export type { Currency, EntityKind, FlagCode, MetricKind, Qualifier, WrittenScale } from "./vocabulary";

/**
 * The dataset format (format 1). This file is the single source of the dataset's types and of
 * `data/schema.json`. Change it only in backward-compatible ways (new optional fields), and bump
 * FORMAT only for a break.
 */
export const FORMAT = 1;

const Id = z
  .string()
  .regex(/^[a-z0-9]+(?:[._-][a-z0-9]+)*$/, "use lower-case letters, digits and . _ - only, e.g. \"openai\" or \"openai.revenue.2026\"");

/** snake_case metric id, e.g. `revenue`, `compute_gw`. */
const MetricId = z.string().regex(/^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/, "use snake_case, e.g. \"compute_gw\"");

export const TextSchema = z
  .object({
    zh: z.string().min(1).meta({ description: "Chinese text (as in the report where it quotes the report)" }),
    en: z.string().min(1).meta({ description: "English rendering" }),
  })
  .strict();
export type Text = z.infer<typeof TextSchema>;

export const CurrencySchema = z.enum(CURRENCIES);

export const WrittenScaleSchema = z.enum(WRITTEN_SCALES);

export const MetricKindSchema = z.enum(METRIC_KINDS);

export const EntityKindSchema = z.enum(ENTITY_KINDS);

export const QualifierSchema = z.enum(Object.keys(QUALIFIERS) as [Qualifier, ...Qualifier[]]);

export const FlagCodeSchema = z.enum(FLAG_CODES);

export const FlagSchema = z
  .object({
    code: FlagCodeSchema,
    note: TextSchema.meta({ description: "What is unclear or inconsistent, and which other figures are involved" }),
    related: z.array(Id).optional().meta({ description: "Ids of other figures involved in the problem" }),
  })
  .strict();
export type Flag = z.infer<typeof FlagSchema>;

export const EntitySchema = z
  .object({
    id: Id,
    kind: EntityKindSchema,
    name: TextSchema,
    aliases: z
      .array(z.string().min(1))
      .meta({ description: "Other names users type; matching ignores case, spaces, hyphens and full-width forms" }),
    description: TextSchema.optional(),
  })
  .strict();
export type Entity = z.infer<typeof EntitySchema>;

export const MetricSchema = z
  .object({
    id: MetricId,
    kind: MetricKindSchema,
    name: TextSchema,
    description: TextSchema,
    unit: TextSchema.optional().meta({
      description: "For count and measure metrics: what is counted or measured (\"users\", \"GW\")",
    }),
  })
  .strict();
export type Metric = z.infer<typeof MetricSchema>;

export const SourceRefSchema = z
  .object({
    text: z.string().min(1).meta({ description: "Verbatim text of the report (an exact substring of it)" }),
    section: z.string().min(1).meta({ description: "Section of the report, as numbered there, e.g. \"二(二)\"" }),
    table: Id.optional().meta({ description: "Id of the report table the text is in, if any" }),
    row: z.string().optional().meta({ description: "Row heading of that table, as written" }),
    column: z.string().optional().meta({ description: "Column heading of that table, as written" }),
  })
  .strict();
export type SourceRef = z.infer<typeof SourceRefSchema>;

export const FigureSchema = z
  .object({
    id: Id,
    entity: Id,
    metric: MetricId,
    period: z
      .number()
      .int()
      .min(1900)
      .max(2200)
      .nullable()
      .meta({ description: "Year the figure is for; null where the report gives none" }),
    periodNote: TextSchema.optional().meta({ description: "How the period reads in the report (\"3-year plan\", \"forecast\")" }),
    written: z
      .string()
      .min(1)
      .optional()
      .meta({ description: "The figure exactly as written, e.g. \"240-270亿美元\"; a substring of source.text. Numeric figures only" }),
    value: z.number().optional().meta({ description: "Single value, in the written scale (330 for 330亿)" }),
    low: z.number().optional().meta({ description: "Low end of a range, in the written scale" }),
    high: z.number().optional().meta({ description: "High end of a range, in the written scale" }),
    text: TextSchema.optional().meta({ description: "The answer of a text figure" }),
    scale: WrittenScaleSchema.optional().meta({ description: "Scale as written; numeric figures only" }),
    currency: CurrencySchema.optional().meta({ description: "Currency as written; money figures only" }),
    qualifier: QualifierSchema.nullable().meta({ description: "Qualifier exactly as written (超, 约, 低至...), or null; required so that a missing qualifier is a statement, not an omission" }),
    statedAsConversionOf: Id.optional().meta({
      description: "Id of the figure this one is the report's own conversion of (\"220-250亿元(约31-35亿美元)\")",
    }),
    source: SourceRefSchema,
    en: z.string().min(1).meta({ description: "English rendering of source.text" }),
    flags: z.array(FlagSchema).optional(),
  })
  .strict();
export type Figure = z.infer<typeof FigureSchema>;

const CellSchema = TextSchema;

export const SourceTableSchema = z
  .object({
    id: Id,
    kind: z.literal("source"),
    title: TextSchema,
    section: z.string().min(1),
    header: z.array(CellSchema).min(1),
    rows: z.array(z.array(CellSchema)).meta({ description: "Rows as written; every row as long as the header" }),
    flags: z.array(FlagSchema).optional(),
  })
  .strict();
export type SourceTable = z.infer<typeof SourceTableSchema>;


export const NumericColumnSchema = z
  .object({
    metric: MetricId,
    bound: z.enum(BOUND_COLUMNS).meta({ description: "Which end of a range this column holds; \"value\" shows the midpoint of a range" }),
    header: TextSchema,
  })
  .strict();
export type NumericColumn = z.infer<typeof NumericColumnSchema>;

export const NumericTableSchema = z
  .object({
    id: Id,
    kind: z.literal("numeric"),
    title: TextSchema,
    section: z.string().min(1),
    period: z.number().int().min(1900).max(2200).nullable().meta({ description: "Year of the figures shown; null for the latest each entity has" }),
    rows: z.array(Id).min(1).meta({ description: "Entity ids, one row each" }),
    columns: z.array(NumericColumnSchema).min(1),
    flags: z.array(FlagSchema).optional(),
  })
  .strict();
export type NumericTable = z.infer<typeof NumericTableSchema>;

export const TableSchema = z.discriminatedUnion("kind", [SourceTableSchema, NumericTableSchema]);
export type Table = z.infer<typeof TableSchema>;

export const ExchangeRateSchema = z
  .object({
    cnyPerUsd: z.number().positive(),
    decimals: z.number().int().min(0).max(10).meta({ description: "Decimals the derived rate is rounded to" }),
    method: TextSchema,
    pairs: z
      .array(z.object({ cny: Id, usd: Id }).strict())
      .min(1)
      .meta({ description: "Figure pairs the rate is derived from: the report's CNY figure and its own USD conversion" }),
  })
  .strict();
export type ExchangeRate = z.infer<typeof ExchangeRateSchema>;

export const MetaSchema = z
  .object({
    id: Id,
    title: TextSchema,
    edition: TextSchema,
    published: z.iso.date().meta({ description: "Publication date of the report (YYYY-MM-DD)" }),
    asOf: z
      .string()
      .regex(/^\d{4}-\d{2}(-\d{2})?$/, "use YYYY-MM or YYYY-MM-DD")
      .meta({ description: "Date the report's figures are as of (YYYY-MM or YYYY-MM-DD)" }),
    asOfSource: z.string().min(1).meta({ description: "Verbatim report text that states the as-of date" }),
    version: z
      .string()
      .regex(/^\d+\.\d+\.\d+$/, "use semantic versioning, e.g. \"1.0.0\"")
      .meta({ description: "Dataset version (semver); a feed must raise it to replace a dataset" }),
    source: z
      .object({ publisher: z.string().min(1), author: z.string().min(1), file: z.string().min(1) })
      .strict()
      .meta({ description: "Where the report text comes from" }),
    exchangeRate: ExchangeRateSchema,
  })
  .strict();
export type Meta = z.infer<typeof MetaSchema>;

export const DatasetSchema = z
  .object({
    $schema: z.string().optional(),
    format: z.literal(FORMAT).meta({ description: "Dataset format this file follows; this add-in reads format 1" }),
    meta: MetaSchema,
    entities: z.array(EntitySchema).min(1),
    metrics: z.array(MetricSchema).min(1),
    figures: z.array(FigureSchema).min(1),
    tables: z.array(TableSchema),
  })
  .strict()
  .meta({ title: "AIMARKET dataset", description: "A research report as exact, validated data for the AIMARKET Excel add-in" });
export type Dataset = z.infer<typeof DatasetSchema>;
