import { interpretInput, type CellInput } from "./cell-input";
import { formatCellText } from "./cell-text";
import { apiValue, valueType } from "./cell-value";
import { headerInput, storeInput } from "./cell-write";
import { SimOfficeError, shapeMismatch, simError } from "./errors";
import type { CellBlock, SimSheet } from "./sim-sheet";
import { fixHeaders, liveTables, type SimTableModel } from "./table-model";

/**
 * The stand-in's own limit on cells written with one broadcast value or read in one array: Excel's
 * real limits are payload sizes (about 5 MB per request), which this approximates.
 */
export const CELL_LIMIT = 1_000_000;

export interface TableHost {
  readonly tables: readonly SimTableModel[];
}

type Matrix = { broadcast: true; value: unknown } | { broadcast: false; rows: readonly (readonly unknown[])[] };

/**
 * Checks what was assigned to `values`/`formulas`/`numberFormat`: a 2-D array of exactly the
 * range's shape, or one value (bare or as a 1x1 array) that Excel applies to every cell.
 */
export function inputMatrix(input: unknown, rowCount: number, columnCount: number, location: string): Matrix {
  if (input === null || input === undefined) {
    throw simError("InvalidArgument", `${location} cannot be set to ${String(input)}; use null inside the 2-D array to leave a cell unchanged.`, location);
  }
  if (!Array.isArray(input)) return { broadcast: true, value: input };
  if (input.length === 1 && Array.isArray(input[0]) && input[0].length === 1) return { broadcast: true, value: input[0][0] };
  if (input.length !== rowCount || !input.every((row) => Array.isArray(row) && row.length === columnCount)) throw shapeMismatch(location);
  return { broadcast: false, rows: input as unknown[][] };
}

function cellCountCheck(block: CellBlock, location: string, code: "RangeExceedsLimit" | "ResponsePayloadSizeLimitExceeded"): void {
  if (block.rowCount * block.columnCount > CELL_LIMIT) {
    throw new SimOfficeError(code, `The range has ${block.rowCount * block.columnCount} cells; the Excel stand-in handles at most ${CELL_LIMIT} cells in one array.`, location);
  }
}

function* cellsOf(sheet: SimSheet, block: CellBlock, matrix: Matrix, location: string): Generator<[number, number, unknown]> {
  if (!matrix.broadcast) {
    for (let i = 0; i < block.rowCount; i++) for (let j = 0; j < block.columnCount; j++) yield [block.row + i, block.column + j, matrix.rows[i]![j]];
    return;
  }
  if (matrix.value === null || matrix.value === undefined) return;
  if (matrix.value === "") {
    for (const [r, c] of [...sheet.entriesIn(block)]) yield [r, c, ""];
    return;
  }
  cellCountCheck(block, location, "RangeExceedsLimit");
  for (let r = block.row; r < block.row + block.rowCount; r++) for (let c = block.column; c < block.column + block.columnCount; c++) yield [r, c, matrix.value];
}

function headerTablesIn(host: TableHost, sheet: SimSheet, block: CellBlock): SimTableModel[] {
  return liveTables(host.tables).filter(
    (t) => t.sheet === sheet && t.row >= block.row && t.row < block.row + block.rowCount && t.column < block.column + block.columnCount && block.column < t.column + t.columnCount,
  );
}

/**
 * Writes `values` or `formulas`: every entry is checked before any cell changes, so a bad entry
 * leaves the range as it was. Header cells of a table take text only and stay unique.
 */
export function writeContents(host: TableHost, sheet: SimSheet, block: CellBlock, input: unknown, location: string): void {
  const matrix = inputMatrix(input, block.rowCount, block.columnCount, location);
  const planned: [number, number, CellInput][] = [];
  for (const [r, c, raw] of cellsOf(sheet, block, matrix, location)) {
    const interpreted = interpretInput(raw, sheet.cell(r, c)?.numberFormat ?? "General", location);
    if (interpreted) planned.push([r, c, interpreted]);
  }
  const headers = headerTablesIn(host, sheet, block);
  const changed = new Map<SimTableModel, number[]>();
  for (const [r, c, interpreted] of planned) {
    const table = headers.find((t) => t.row === r && c >= t.column && c < t.column + t.columnCount);
    if (!table) {
      storeInput(sheet, r, c, interpreted);
      continue;
    }
    const cell = sheet.ensure(r, c);
    cell.value = headerInput(interpreted);
    delete cell.formula;
    changed.set(table, [...(changed.get(table) ?? []), c - table.column]);
  }
  for (const [table, columns] of changed) fixHeaders(table, columns);
}

export function writeNumberFormat(sheet: SimSheet, block: CellBlock, input: unknown, location: string): void {
  const matrix = inputMatrix(input, block.rowCount, block.columnCount, location);
  const planned: [number, number, string][] = [];
  for (const [r, c, raw] of cellsOf(sheet, block, matrix, location)) {
    if (raw === null || raw === undefined) continue;
    if (typeof raw !== "string") throw simError("InvalidArgument", `A number format must be text; got ${JSON.stringify(raw)}.`, location);
    planned.push([r, c, raw]);
  }
  for (const [r, c, format] of planned) {
    if (format === "" || format === "General") {
      const cell = sheet.cell(r, c);
      if (cell) {
        delete cell.numberFormat;
        sheet.prune(r, c);
      }
    } else {
      sheet.ensure(r, c).numberFormat = format;
    }
  }
}

export type ReadKind = "values" | "formulas" | "numberFormat" | "text" | "valueTypes";

export function readRange(sheet: SimSheet, block: CellBlock, kind: ReadKind, location: string): unknown[][] {
  cellCountCheck(block, location, "ResponsePayloadSizeLimitExceeded");
  const rows: unknown[][] = [];
  for (let r = block.row; r < block.row + block.rowCount; r++) {
    const row: unknown[] = [];
    for (let c = block.column; c < block.column + block.columnCount; c++) row.push(readCell(sheet, r, c, kind));
    rows.push(row);
  }
  return rows;
}

function readCell(sheet: SimSheet, row: number, column: number, kind: ReadKind): unknown {
  const cell = sheet.cell(row, column);
  const value = sheet.valueAt(row, column);
  const format = cell?.numberFormat ?? "General";
  switch (kind) {
    case "values":
      return apiValue(value);
    case "formulas":
      return cell?.formula ?? apiValue(value);
    case "numberFormat":
      return format;
    case "text":
      return formatCellText(value, format);
    case "valueTypes":
      return valueType(value);
  }
}

export type ClearApplyTo = "All" | "Formats" | "Contents" | "Hyperlinks" | "RemoveHyperlinks" | "ResetContents";

/** Range.clear: contents and/or formats, without shifting cells. Cleared header cells get default names. */
export function clearRange(host: TableHost, sheet: SimSheet, block: CellBlock, applyTo: ClearApplyTo, location: string): void {
  const contents = applyTo === "All" || applyTo === "Contents" || applyTo === "ResetContents";
  const formats = applyTo === "All" || applyTo === "Formats";
  if (!contents && !formats) {
    if (applyTo !== "Hyperlinks" && applyTo !== "RemoveHyperlinks") throw simError("InvalidArgument", `Unknown clear option ${JSON.stringify(applyTo)}.`, location);
    return;
  }
  if (contents) writeContents(host, sheet, block, "", location);
  if (formats) {
    for (const [r, c, cell] of [...sheet.entriesIn(block)]) {
      delete cell.numberFormat;
      delete cell.bold;
      delete cell.horizontalAlignment;
      sheet.prune(r, c);
    }
  }
}
