/** Column letters for a 0-based column index: 0 -> A, 26 -> AA. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** "B2:F11" (or "B2" for one cell) from 0-based indexes. */
export function rangeAddress(row: number, col: number, rows: number, cols: number): string {
  const start = `${columnLetters(col)}${row + 1}`;
  if (rows === 1 && cols === 1) return start;
  return `${start}:${columnLetters(col + cols - 1)}${row + rows}`;
}

/** Sheet-qualified address, quoting the sheet name when Excel would. */
export function qualified(sheet: string, address: string): string {
  const name = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${address}`;
}

/** The sheet name of a sheet-qualified address as Excel writes it ("'Bob''s'!B2" -> "Bob's"). */
export function sheetOf(address: string): string | undefined {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return undefined;
  const part = address.slice(0, bang);
  return part.startsWith("'") && part.endsWith("'") ? part.slice(1, -1).replace(/''/g, "'") : part;
}

/** Parses "B2", "B2:F11" or "Sheet1!B2:F11" into 0-based indexes (the sheet part is ignored). */
export function parseRange(address: string): { row: number; col: number; rows: number; cols: number } {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(local.toUpperCase());
  if (!m) throw new Error(`Not an A1 address: ${address}`);
  const col = columnIndex(m[1]!);
  const row = Number(m[2]) - 1;
  const col2 = m[3] ? columnIndex(m[3]) : col;
  const row2 = m[4] ? Number(m[4]) - 1 : row;
  return { row: Math.min(row, row2), col: Math.min(col, col2), rows: Math.abs(row2 - row) + 1, cols: Math.abs(col2 - col) + 1 };
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
