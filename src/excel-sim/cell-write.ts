import type { CellInput } from "./cell-input";
import { formatCellText } from "./cell-text";
import { isSimError } from "./cell-value";
import type { SimSheet } from "./sim-sheet";

/** Stores one interpreted entry in a cell; a formula's value is filled in by the next recalculation. */
export function storeInput(sheet: SimSheet, row: number, column: number, input: CellInput): void {
  if (input.kind === "clear") {
    const cell = sheet.cell(row, column);
    if (!cell) return;
    cell.value = "";
    delete cell.formula;
    sheet.prune(row, column);
    return;
  }
  const cell = sheet.ensure(row, column);
  if (input.kind === "formula") {
    cell.formula = input.formula;
    cell.value = "";
    return;
  }
  cell.value = input.value;
  delete cell.formula;
  if (input.numberFormat !== undefined) cell.numberFormat = input.numberFormat;
}

/**
 * The text a table header cell takes for an entry: header cells hold text only, so a number or a
 * boolean becomes its General text and a formula is kept as the text of the formula.
 */
export function headerInput(input: CellInput): string {
  if (input.kind === "clear") return "";
  if (input.kind === "formula") return input.formula;
  return formatCellText(input.value, "General");
}

/** The text of a cell as a table header: what it shows, as text. */
export function headerTextOf(sheet: SimSheet, row: number, column: number): string {
  const cell = sheet.cell(row, column);
  if (!cell) return "";
  if (cell.formula !== undefined) return cell.formula;
  return isSimError(cell.value) ? cell.value.error : formatCellText(cell.value, "General");
}
