import { formatCellText } from "./cell-text";
import { simError } from "./errors";
import { CELL_LIMIT } from "./range-ops";
import { DEFAULT_COLUMN_WIDTH, type CellBlock, type SimSheet } from "./sim-sheet";

/** Excel's limits for column width and row height, in points. */
export const MAX_COLUMN_WIDTH = 1789.5;
export const MAX_ROW_HEIGHT = 409;

const ALIGNMENTS = ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"];

type CellFormatKey = "bold" | "horizontalAlignment";
const DEFAULTS: Record<CellFormatKey, boolean | string> = { bold: false, horizontalAlignment: "General" };

/** The range's value for a cell format, or null when its cells differ (as Office.js reports mixed formats). */
export function readCellFormat(sheet: SimSheet, block: CellBlock, key: CellFormatKey): boolean | string | null {
  const seen = new Set<boolean | string>();
  let stored = 0;
  for (const [, , cell] of sheet.entriesIn(block)) {
    stored++;
    seen.add(cell[key] ?? DEFAULTS[key]);
  }
  if (stored < block.rowCount * block.columnCount) seen.add(DEFAULTS[key]);
  return seen.size === 1 ? [...seen][0]! : null;
}

export function writeCellFormat(sheet: SimSheet, block: CellBlock, key: CellFormatKey, value: unknown, location: string): void {
  if (key === "bold" && typeof value !== "boolean") throw simError("InvalidArgument", `font.bold must be true or false; got ${JSON.stringify(value)}.`, location);
  if (key === "horizontalAlignment" && (typeof value !== "string" || !ALIGNMENTS.includes(value))) {
    throw simError("InvalidArgument", `horizontalAlignment must be one of ${ALIGNMENTS.join(", ")}; got ${JSON.stringify(value)}.`, location);
  }
  if (value === DEFAULTS[key]) {
    for (const [r, c, cell] of [...sheet.entriesIn(block)]) {
      delete cell[key];
      sheet.prune(r, c);
    }
    return;
  }
  if (block.rowCount * block.columnCount > CELL_LIMIT) {
    throw simError("InvalidArgument", `The Excel stand-in formats at most ${CELL_LIMIT} cells at once.`, location);
  }
  for (let r = block.row; r < block.row + block.rowCount; r++) {
    for (let c = block.column; c < block.column + block.columnCount; c++) {
      const cell = sheet.ensure(r, c);
      if (key === "bold") cell.bold = value as boolean;
      else cell.horizontalAlignment = value as string;
    }
  }
}

/** The width shared by all the range's columns, or null when they differ. */
export function readColumnWidth(sheet: SimSheet, block: CellBlock): number | null {
  const first = sheet.columnWidth(block.column);
  for (let c = block.column + 1; c < block.column + block.columnCount; c++) if (sheet.columnWidth(c) !== first) return null;
  return first;
}

export function readRowHeight(sheet: SimSheet, block: CellBlock): number | null {
  if (block.rowCount > 1 && sheet.rowHeights.size === 0) return sheet.rowHeight(block.row);
  const first = sheet.rowHeight(block.row);
  for (let r = block.row + 1; r < block.row + block.rowCount; r++) if (sheet.rowHeight(r) !== first) return null;
  return first;
}

export function writeColumnWidth(sheet: SimSheet, block: CellBlock, width: unknown, location: string): void {
  if (typeof width !== "number" || !Number.isFinite(width) || width < 0 || width > MAX_COLUMN_WIDTH) {
    throw simError("InvalidArgument", `A column width must be a number of points from 0 to ${MAX_COLUMN_WIDTH}; got ${JSON.stringify(width)}.`, location);
  }
  for (let c = block.column; c < block.column + block.columnCount; c++) {
    if (width === DEFAULT_COLUMN_WIDTH) sheet.columnWidths.delete(c);
    else sheet.columnWidths.set(c, width);
  }
}

export function writeRowHeight(sheet: SimSheet, block: CellBlock, height: unknown, location: string): void {
  if (typeof height !== "number" || !Number.isFinite(height) || height < 0 || height > MAX_ROW_HEIGHT) {
    throw simError("InvalidArgument", `A row height must be a number of points from 0 to ${MAX_ROW_HEIGHT}; got ${JSON.stringify(height)}.`, location);
  }
  if (block.rowCount > CELL_LIMIT) throw simError("InvalidArgument", `The Excel stand-in sets at most ${CELL_LIMIT} row heights at once.`, location);
  for (let r = block.row; r < block.row + block.rowCount; r++) sheet.rowHeights.set(r, height);
}

/**
 * An estimate of the width Excel's autofit gives text in Calibri 11: about 5.6 points per
 * character (double for East Asian wide characters), 10% more in bold, plus cell padding. Real
 * widths depend on fonts and differ slightly; tests should not assert exact widths.
 */
export function textWidth(text: string, bold: boolean): number {
  let units = 0;
  for (const ch of text) units += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(ch) ? 2 : 1;
  const width = units * 5.6 * (bold ? 1.1 : 1) + 7.5;
  return Math.min(MAX_COLUMN_WIDTH, Math.round(width * 4) / 4);
}

/** Range.format.autofitColumns: each column as wide as its widest displayed text within the range; empty columns keep their width. */
export function autofitColumns(sheet: SimSheet, block: CellBlock): void {
  const widest = new Map<number, number>();
  const consider = (c: number, text: string, bold: boolean) => {
    if (text === "") return;
    widest.set(c, Math.max(widest.get(c) ?? 0, textWidth(text, bold)));
  };
  for (const [r, c, cell] of sheet.entriesIn(block)) consider(c, formatCellText(sheet.valueAt(r, c), cell.numberFormat ?? "General"), cell.bold === true);
  for (const [r, c, value] of sheet.spilledEntries()) {
    if (r < block.row || r >= block.row + block.rowCount || c < block.column || c >= block.column + block.columnCount || sheet.cell(r, c)) continue;
    consider(c, formatCellText(value, "General"), false);
  }
  for (const [c, width] of widest) sheet.columnWidths.set(c, width);
}
