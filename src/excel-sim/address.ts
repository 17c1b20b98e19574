/**
 * A1 addresses as Excel writes them. Indexes are zero-based like Office.js's `rowIndex` and
 * `columnIndex`: "B2" is row 1, column 1. Grid limits are Excel's: columns A..XFD, rows 1..1048576.
 */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export interface RangeAddress {
  /** Sheet name as written (unquoted), when the address names one. */
  sheet?: string;
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

/** An address that cannot be parsed or lies off the grid. `code` matches the Office.js error code. */
export class AddressError extends Error {
  readonly code = "InvalidArgument";
  readonly address: string;

  constructor(address: string, reason: string) {
    super(`Invalid address ${JSON.stringify(address)}: ${reason}`);
    this.name = "AddressError";
    this.address = address;
  }
}

const SHAPE = 'expected a cell like "B2", a range like "B2:F11", whole columns like "B:F" or whole rows like "2:11", optionally after a sheet name ("Sheet1!B2", "\'My Sheet\'!B2").';

/** 0 -> "A", 25 -> "Z", 26 -> "AA", 16383 -> "XFD". */
export function columnLetters(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= MAX_COLUMNS) {
    throw new RangeError(`Column index ${index} is off the grid: columns run from 0 (A) to ${MAX_COLUMNS - 1} (XFD).`);
  }
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "A" -> 0, "xfd" -> 16383 (case-insensitive). */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) {
    throw new RangeError(`Column letters ${JSON.stringify(letters)} are not valid: expected 1 to 3 letters from A to XFD.`);
  }
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  if (n > MAX_COLUMNS) throw new RangeError(`Column ${letters.toUpperCase()} is off the grid: columns run from A to XFD.`);
  return n - 1;
}

interface Corner {
  row?: number;
  column?: number;
}

function parseCorner(part: string, address: string): Corner {
  const m = /^(\$?([A-Za-z]+))?(\$?(\d+))?$/.exec(part);
  if (!m || part === "" || part === "$") throw new AddressError(address, SHAPE);
  const corner: Corner = {};
  if (m[2] !== undefined) {
    if (m[2].length > 3 || columnNumber(m[2]) > MAX_COLUMNS) throw new AddressError(address, "columns run from A to XFD.");
    corner.column = columnNumber(m[2]) - 1;
  }
  if (m[4] !== undefined) {
    const row = Number(m[4]);
    if (row < 1 || row > MAX_ROWS) throw new AddressError(address, `rows run from 1 to ${MAX_ROWS}.`);
    corner.row = row - 1;
  }
  return corner;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function splitSheet(address: string): { sheet?: string; ref: string } {
  if (address.startsWith("'")) {
    let name = "";
    let i = 1;
    for (;;) {
      if (i >= address.length) throw new AddressError(address, "the quoted sheet name is not closed.");
      const ch = address[i]!;
      if (ch === "'") {
        if (address[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += ch;
      i += 1;
    }
    if (address[i + 1] !== "!") throw new AddressError(address, 'a quoted sheet name must be followed by "!".');
    if (name === "") throw new AddressError(address, "the sheet name is empty.");
    return { sheet: name, ref: address.slice(i + 2) };
  }
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { ref: address };
  const sheet = address.slice(0, bang);
  if (sheet === "") throw new AddressError(address, "the sheet name is empty.");
  if (needsQuotes(sheet)) {
    throw new AddressError(address, `a sheet name with spaces or symbols must be quoted, as in ${quoteSheetName(sheet)}!${address.slice(bang + 1)}.`);
  }
  return { sheet, ref: address.slice(bang + 1) };
}

/**
 * Parses "B2", "$B$2", "B2:F11", "F11:B2" (normalised), "B:F", "2:11", each optionally after
 * "Sheet1!" or "'My Sheet'!". Throws AddressError for anything else or anything off the grid.
 */
export function parseAddress(address: string): RangeAddress {
  const { sheet, ref } = splitSheet(address.trim());
  const parts = ref.split(":");
  if (parts.length > 2 || ref === "") throw new AddressError(address, SHAPE);
  const a = parseCorner(parts[0]!, address);
  const b = parts.length === 2 ? parseCorner(parts[1]!, address) : a;
  const hasRow = (c: Corner) => c.row !== undefined;
  const hasCol = (c: Corner) => c.column !== undefined;
  let range: RangeAddress;
  if (hasRow(a) && hasCol(a) && hasRow(b) && hasCol(b)) {
    const row = Math.min(a.row!, b.row!);
    const column = Math.min(a.column!, b.column!);
    range = { row, column, rowCount: Math.abs(a.row! - b.row!) + 1, columnCount: Math.abs(a.column! - b.column!) + 1 };
  } else if (parts.length === 2 && !hasRow(a) && !hasRow(b) && hasCol(a) && hasCol(b)) {
    const column = Math.min(a.column!, b.column!);
    range = { row: 0, column, rowCount: MAX_ROWS, columnCount: Math.abs(a.column! - b.column!) + 1 };
  } else if (parts.length === 2 && !hasCol(a) && !hasCol(b) && hasRow(a) && hasRow(b)) {
    const row = Math.min(a.row!, b.row!);
    range = { row, column: 0, rowCount: Math.abs(a.row! - b.row!) + 1, columnCount: MAX_COLUMNS };
  } else {
    throw new AddressError(address, SHAPE);
  }
  return sheet === undefined ? range : { sheet, ...range };
}

function looksLikeReference(name: string): boolean {
  const a1 = /^([A-Za-z]{1,3})(\d+)$/.exec(name);
  if (a1 && columnNumber(a1[1]!) <= MAX_COLUMNS && Number(a1[2]) >= 1 && Number(a1[2]) <= MAX_ROWS) return true;
  return /^[Rr]\d*([Cc]\d*)?$/.test(name) || /^[Cc]\d*$/.test(name);
}

function needsQuotes(name: string): boolean {
  return !/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) || looksLikeReference(name);
}

/** "Sheet1" -> "Sheet1", "My Sheet" -> "'My Sheet'", "Bob's" -> "'Bob''s'". */
export function quoteSheetName(name: string): string {
  return needsQuotes(name) ? `'${name.replace(/'/g, "''")}'` : name;
}

/**
 * The inverse of parseAddress, in Excel's form: "Sheet1!B2:F11", "Sheet1!B2", "'My Sheet'!A:C",
 * "3:4"; the whole sheet is "1:1048576", as Excel writes it.
 */
export function formatAddress(range: RangeAddress): string {
  const { row, column, rowCount, columnCount } = range;
  if (rowCount < 1 || columnCount < 1 || row < 0 || column < 0 || row + rowCount > MAX_ROWS || column + columnCount > MAX_COLUMNS) {
    throw new RangeError(`Range at row ${row}, column ${column} with ${rowCount} x ${columnCount} cells is off the grid.`);
  }
  let ref: string;
  if (column === 0 && columnCount === MAX_COLUMNS) {
    ref = `${row + 1}:${row + rowCount}`;
  } else if (row === 0 && rowCount === MAX_ROWS) {
    ref = `${columnLetters(column)}:${columnLetters(column + columnCount - 1)}`;
  } else {
    const first = `${columnLetters(column)}${row + 1}`;
    ref = rowCount === 1 && columnCount === 1 ? first : `${first}:${columnLetters(column + columnCount - 1)}${row + rowCount}`;
  }
  return range.sheet === undefined ? ref : `${quoteSheetName(range.sheet)}!${ref}`;
}

/** True when the two ranges share at least one cell (sheets are not compared). */
export function rangesOverlap(a: RangeAddress, b: RangeAddress): boolean {
  return a.row < b.row + b.rowCount && b.row < a.row + a.rowCount && a.column < b.column + b.columnCount && b.column < a.column + a.columnCount;
}

/** True when `inner` lies entirely within `outer` (sheets are not compared). */
export function rangeContains(outer: RangeAddress, inner: RangeAddress): boolean {
  return (
    inner.row >= outer.row &&
    inner.column >= outer.column &&
    inner.row + inner.rowCount <= outer.row + outer.rowCount &&
    inner.column + inner.columnCount <= outer.column + outer.columnCount
  );
}
