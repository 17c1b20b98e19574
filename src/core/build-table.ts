import type { DatasetIndex } from "./dataset-index";
import { parseBound, parseCurrency, parseLanguage, parseScale, type Bound, type Language } from "./query-options";
import { answerByIds } from "./query-figure";
import { resolveTable } from "./resolve";
import { NOTES_HEADER, rowNotes } from "./flag-notes";
import type { Currency, EntityKind, Flag, NumericTable, SourceTable, Table } from "./schema";
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

function numericTable(
  index: DatasetIndex,
  table: NumericTable,
  options: { language: Language; currency: Currency; scale: Scale; bound: Bound },
  percentHeaders: boolean,
): Cell[][] {
  const { language, currency, scale } = options;
  const entities = table.rows.map((id) => index.entities.get(id)!);
  const columns = table.columns.map((c) => ({ column: c, metric: index.metrics.get(c.metric)! }));
  const header: Cell[] = [ROW_HEADER[entities[0]!.kind][language]];
  for (const { column, metric } of columns) {
    const unit = unitLabel(metric, language, metric.kind === "money" ? currency : undefined, scale, percentHeaders);
    header.push(unit ? `${column.header[language]} (${unit})` : column.header[language]);
  }
  header.push(NOTES_HEADER[language]);
  const period = table.period ?? undefined;
  const rows = entities.map((entity) => {
    const row: Cell[] = [entity.name[language]];
    const flagged = new Map<string, { subject: string; flags: readonly Flag[] }>();
    const missing: string[] = [];
    for (const { column, metric } of columns) {
      const bound = column.bound === "value" ? options.bound : column.bound;
      const answer = answerByIds(index, entity, metric, period, { ...options, bound });
      row.push(answer ? answer.value : "");
      if (!answer) {
        if (!missing.includes(metric.name[language])) missing.push(metric.name[language]);
      } else if (answer.figure.flags?.length && !flagged.has(answer.figure.id)) {
        flagged.set(answer.figure.id, { subject: metric.name[language], flags: answer.figure.flags });
      }
    }
    row.push(rowNotes([...flagged.values()], missing, language));
    return row;
  });
  return [header, ...rows];
}
