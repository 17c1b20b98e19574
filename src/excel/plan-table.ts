import { flagNote } from "../core/flag-notes";
import { buildTable, type Cell } from "../core/build-table";
import type { DatasetState } from "../core/dataset-store";
import { resolveTable } from "../core/resolve";
import type { MetricKind } from "../core/schema";
import type { InsertRequest } from "./contracts";

/**
 * What inserting a report table writes, computed without Excel: the header row, the body as the
 * add-in writes it (values for a snapshot, AIMARKET formulas for a live table, one TABLE formula
 * for a spill), the values the body shows, a number format per column and the source line.
 * Text is already in the form Excel must receive (see toExcelInput).
 */
export interface TablePlan {
  request: InsertRequest;
  /** Rows and columns the insert occupies: header + body for tables, the spill area for a spill. */
  rows: number;
  cols: number;
  headers: string[];
  /** Body cells in Excel input form; a spill has one cell, its formula. */
  written: Cell[][];
  /** What the occupied cells show once Excel has calculated (header row included for a spill). */
  shown: Cell[][];
  numberFormats: string[];
  sourceLine: string;
}

/**
 * Text in the form Excel must receive to keep it text. Excel reads what it is given as if typed:
 * input that starts with =, +, - or @ becomes a formula, and text that looks like a number, a
 * percentage, a boolean or a date becomes one. Such text gets the apostrophe prefix that marks a
 * cell as text (Excel stores the rest; the apostrophe is not part of the value).
 */
export function toExcelInput(cell: Cell): Cell {
  if (typeof cell !== "string") return cell;
  return /^[=+\-@']/.test(cell) || LOOKS_TYPED.test(cell.trim()) ? `'${cell}` : cell;
}

const LOOKS_TYPED = /^(?:[\d.,]+%?|\d{1,4}[-/]\d{1,2}(?:[-/]\d{1,4})?|true|false)$/i;

function quote(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

const FORMATS: Record<MetricKind, (scaled: boolean) => string> = {
  money: (scaled) => (scaled ? "#,##0.00" : "#,##0"),
  count: (scaled) => (scaled ? "#,##0.00" : "#,##0"),
  share: () => "0.0%",
  rate: () => "0.0%",
  multiple: () => "0.0##",
  measure: () => "0.0##",
  text: () => "General",
};

export function planTable(state: DatasetState, request: InsertRequest): TablePlan {
  const { index } = state;
  const table = resolveTable(index, request.tableId);
  const { language, currency, scale, bound } = request;
  const isSpill = request.mode === "spill";
  const full = buildTable(index, table.id, { language, currency, scale, bound, percentHeaders: !isSpill });
  const headers = full[0]!.map(String);
  const body = full.slice(1);
  const meta = index.dataset.meta;
  // Problems the report has with the table as a whole (a missing row, an unclear period) travel
  // with it, after the source; problems with single figures are in the notes column.
  const tableFlags = (table.flags ?? []).map((flag) => ` ${flagNote(flag, language)}`).join("");
  const sourceLine =
    language === "zh"
      ? `来源:${meta.title.zh},第${table.section}节;数据集 ${meta.id} v${state.version};数据截至 ${meta.asOf}。由 AIMARKET 插入。${tableFlags}`
      : `Source: ${meta.title.zh} (${meta.title.en}), section ${table.section}; dataset ${meta.id} v${state.version}; figures as of ${meta.asOf}. Inserted by AIMARKET.${tableFlags}`;

  if (isSpill) {
    const args = [quote(table.id), quote(language), quote(currency), quote(scale), quote(bound)];
    return {
      request,
      rows: full.length,
      cols: headers.length,
      headers,
      written: [[`=AIMARKET.TABLE(${args.join(",")})`]],
      shown: full,
      numberFormats: headers.map(() => "General"),
      sourceLine,
    };
  }

  let written: Cell[][];
  let numberFormats: string[];
  if (table.kind === "source") {
    numberFormats = headers.map(() => "General");
    written =
      request.mode === "snapshot"
        ? body.map((row) => row.map(toExcelInput))
        : body.map((row, r) => row.map((_, c) => `=INDEX(AIMARKET.TABLE(${quote(table.id)},${quote(language)}),${r + 2},${c + 1})`));
  } else {
    const metrics = table.columns.map((c) => index.metrics.get(c.metric)!);
    // Name column, one per figure column, then the notes column (text).
    numberFormats = ["General", ...metrics.map((m) => FORMATS[m.kind](scale !== "1" && (m.kind === "money" || m.kind === "count"))), "General"];
    if (request.mode === "snapshot") {
      written = body.map((row) => row.map(toExcelInput));
    } else {
      const period = table.period === null ? "" : String(table.period);
      written = body.map((row, r) => {
        const entityId = table.rows[r]!;
        return [
          toExcelInput(row[0]!),
          ...table.columns.map((column) => {
            const b = column.bound === "value" ? bound : column.bound;
            const args = [quote(entityId), quote(column.metric), period, quote(currency), quote(scale), quote(b)];
            return `=IFNA(AIMARKET.METRIC(${args.join(",")}),"")`;
          }),
          // The notes follow the data too: the table function's own notes cell for this row.
          `=INDEX(AIMARKET.TABLE(${[quote(table.id), quote(language), quote(currency), quote(scale), quote(bound)].join(",")}),${r + 2},${table.columns.length + 2})`,
        ];
      });
    }
  }
  return { request, rows: body.length + 1, cols: headers.length, headers, written, shown: body, numberFormats, sourceLine };
}
