import type { DatasetIndex } from "./dataset-index";
import { parseBound, parseCurrency, parseLanguage, parseScale, type Bound, type Language } from "./query-options";
import { answerByIds, type FigureAnswer } from "./query-figure";
import { resolveTable } from "./resolve";
import { NOTES_HEADER, rowNotes } from "./flag-notes";
import type { Currency, Entity, EntityKind, Metric, NumericTable, SourceTable, Table } from "./schema";
import { unitLabel } from "./unit-label";
import type { Scale } from "./units";

/** A cell of a table as Excel can hold it. A figure the report does not give is "". */
export type Cell = string | number | boolean;

export interface TableOptions {
  language?: unknown;
  currency?: unknown;
  scale?: unknown;
  bound?: unknown;
  /** Label share and rate columns "%" (for cells that will be formatted as percentages). */
  percentHeaders?: boolean;
}

const ROW_HEADER: Record<EntityKind, { en: string; zh: string }> = {
  vendor: { en: "Vendor", zh: "厂商" },
  model: { en: "Model", zh: "模型" },
  camp: { en: "Camp", zh: "阵营" },
  market: { en: "Market", zh: "市场" },
};

/**
 * A report table as a rectangular 2-D array, header row first. A table as written gives the
 * report's cells in the chosen language (currency and scale do not apply to text); a numeric table
 * gives one row per entity, with currency and scale applied and the unit in each header, and a last
 * Notes column that names every flag on the row's figures and every figure the report does not give.
 */
export function buildTable(index: DatasetIndex, tableName: unknown, options: TableOptions = {}): Cell[][] {
  const language = parseLanguage(options.language);
  const currency = parseCurrency(options.currency) ?? "USD";
  const scale = parseScale(options.scale);
  const bound = parseBound(options.bound);
  const table = resolveTable(index, tableName);
  return table.kind === "source"
    ? sourceTable(table, language)
    : numericTable(index, table, { language, currency, scale, bound }, options.percentHeaders === true);
}

/** Body rows and columns of what buildTable gives for `table` (numeric: name, figure columns, Notes). */
export function tableShape(table: Table): { rows: number; columns: number } {
  return table.kind === "source" ? { rows: table.rows.length, columns: table.header.length } : { rows: table.rows.length, columns: table.columns.length + 2 };
}

function sourceTable(table: SourceTable, language: Language): Cell[][] {
  return [table.header.map((c) => c[language]), ...table.rows.map((row) => row.map((c) => c[language]))];
}

type NumericOptions = { language: Language; currency: Currency; scale: Scale; bound: Bound };

/** The header row of a numeric table: the row kind, each column with its unit, then Notes. */
export function numericHeader(index: DatasetIndex, table: NumericTable, options: Omit<NumericOptions, "bound">, percentHeaders = false): string[] {
  const { language, currency, scale } = options;
  const header = [ROW_HEADER[index.entities.get(table.rows[0]!)!.kind][language]];
  for (const column of table.columns) {
    const metric = index.metrics.get(column.metric)!;
    const unit = unitLabel(metric, language, metric.kind === "money" ? currency : undefined, scale, percentHeaders);
    header.push(unit ? `${column.header[language]} (${unit})` : column.header[language]);
  }
  header.push(NOTES_HEADER[language]);
  return header;
}

/** One row of a numeric table: each column's answer (undefined where the report gives none). */
export interface NumericRow {
  answers: Array<FigureAnswer | undefined>;
  /** The figures shown that carry flags, each once, in column order. */
  flagged: FigureAnswer[];
  /** The metrics the report gives no figure for, each once. */
  missing: Metric[];
}

export function numericRow(index: DatasetIndex, table: NumericTable, entity: Entity, options: NumericOptions): NumericRow {
  const row: NumericRow = { answers: [], flagged: [], missing: [] };
  for (const column of table.columns) {
    const metric = index.metrics.get(column.metric)!;
    const bound = column.bound === "value" ? options.bound : column.bound;
    const answer = answerByIds(index, entity, metric, table.period ?? undefined, { ...options, bound });
    row.answers.push(answer);
    if (!answer) {
      if (!row.missing.includes(metric)) row.missing.push(metric);
    } else if (answer.figure.flags?.length && !row.flagged.some((f) => f.figure.id === answer.figure.id)) {
      row.flagged.push(answer);
    }
  }
  return row;
}

function numericTable(index: DatasetIndex, table: NumericTable, options: NumericOptions, percentHeaders: boolean): Cell[][] {
  const { language } = options;
  const rows = table.rows.map((id) => {
    const entity = index.entities.get(id)!;
    const { answers, flagged, missing } = numericRow(index, table, entity, options);
    const notes = rowNotes(
      flagged.map((a) => ({ subject: a.metric.name[language], flags: a.figure.flags! })),
      missing.map((m) => m.name[language]),
      language,
    );
    return [entity.name[language], ...answers.map((a): Cell => (a ? a.value : "")), notes];
  });
  return [numericHeader(index, table, options, percentHeaders), ...rows];
}
