import { qualified, rangeAddress } from "./a1";
import { isEmpty } from "./cell-match";

/**
 * Queues loads of the active cell (its position), its sheet (name) and the `rows` × `cols` area
 * from it (values and formulas, to see whether anything is in the way): what every write at the
 * active cell reads in its first round trip.
 */
export function loadActiveArea(workbook: Excel.Workbook, rows: number, cols: number): { active: Excel.Range; sheet: Excel.Worksheet; area: Excel.Range } {
  const active = workbook.getActiveCell();
  active.load("rowIndex,columnIndex");
  const sheet = active.worksheet;
  sheet.load("name");
  const area = active.getResizedRange(rows - 1, cols - 1);
  area.load("address,values,formulas");
  return { active, sheet, area };
}

/** The cells of a loaded area (its top-left at `row`, `col`) that hold a value or a formula, as "C5". */
export function occupiedCells(area: { values: unknown[][]; formulas: unknown[][] }, row: number, col: number): string[] {
  const out: string[] = [];
  area.values.forEach((line, r) =>
    line.forEach((value, c) => {
      if (!isEmpty(value, area.formulas[r]?.[c])) out.push(rangeAddress(row + r, col + c, 1, 1));
    }),
  );
  return out;
}

/** The cells in the way, as a message names them: `Sheet1!C5, Sheet1!D7 and 2 more is/are`. */
export function cellsInTheWay(sheetName: string, cells: readonly string[]): string {
  const shown = cells.slice(0, 3).map((a) => qualified(sheetName, a)).join(", ");
  const more = cells.length > 3 ? ` and ${cells.length - 3} more` : "";
  return `${shown}${more} ${cells.length === 1 ? "is" : "are"}`;
}
