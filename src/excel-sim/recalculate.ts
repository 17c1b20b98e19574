import { MAX_COLUMNS, MAX_ROWS, formatAddress } from "./address";
import { isSimError, type EvaluatedValue, type SimError } from "./cell-value";
import type { SimSheet } from "./sim-sheet";
import { tableAt, type SimTableModel } from "./table-model";

/** What an evaluator may return for a formula: one value, or a 2-D array that spills. */
export type EvaluateResult = EvaluatedValue | EvaluatedValue[][];

export interface FormulaLocation {
  sheet: string;
  /** The formula cell, e.g. "B2". */
  address: string;
  row: number;
  column: number;
}

export interface RecalcHost {
  readonly sheets: readonly SimSheet[];
  readonly tables: readonly SimTableModel[];
}

export type FormulaEvaluator = (formula: string, location: FormulaLocation) => EvaluateResult;

const spill = (message: string): SimError => ({ error: "#SPILL!", message });

/**
 * Recomputes every formula cell, sheet by sheet, row by row, and lays out spills. There is no
 * dependency graph: each formula is evaluated once per recalculation, so a formula reading another
 * formula cell may see its previous value. A 2-D result spills right and down from its cell unless
 * the cell is in a table ("#SPILL!": tables cannot hold dynamic arrays), the area runs off the
 * sheet, or any cell of the area holds content, belongs to a table or to an earlier spill.
 */
export function recalculate(host: RecalcHost, evaluate: FormulaEvaluator | undefined): void {
  for (const sheet of host.sheets) {
    sheet.spilled.clear();
    sheet.spills.clear();
  }
  for (const sheet of host.sheets) {
    for (const [row, column, cell] of [...sheet.entries()]) {
      if (cell.formula === undefined) continue;
      const location: FormulaLocation = { sheet: sheet.name, address: formatAddress({ row, column, rowCount: 1, columnCount: 1 }), row, column };
      cell.value = place(host, sheet, row, column, evaluateSafely(evaluate, cell.formula, location));
    }
  }
}

function evaluateSafely(evaluate: FormulaEvaluator | undefined, formula: string, location: FormulaLocation): EvaluateResult {
  if (!evaluate) return "";
  try {
    return evaluate(formula, location);
  } catch (e) {
    return { error: "#VALUE!", message: e instanceof Error ? e.message : String(e) };
  }
}

function normalize(value: unknown): EvaluatedValue {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? value : { error: "#NUM!" };
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (isSimError(value)) return value.message === undefined ? { error: value.error } : { error: value.error, message: value.message };
  return { error: "#VALUE!", message: "The evaluator returned something that is not a cell value." };
}

function place(host: RecalcHost, sheet: SimSheet, row: number, column: number, result: EvaluateResult): EvaluatedValue {
  if (!Array.isArray(result)) return normalize(result);
  const rows = result.length;
  const columns = rows > 0 && Array.isArray(result[0]) ? result[0].length : 0;
  if (rows === 0 || columns === 0) return { error: "#CALC!", message: "Empty arrays are not supported." };
  if (!result.every((r) => Array.isArray(r) && r.length === columns)) return { error: "#VALUE!", message: "The rows of the array have different lengths." };
  if (rows === 1 && columns === 1) return normalize(result[0]![0]);
  if (tableAt(host.tables, sheet, row, column)) return spill("Spill range in table.");
  if (row + rows > MAX_ROWS || column + columns > MAX_COLUMNS) return spill("Spill range extends beyond the edge of the worksheet.");
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < columns; j++) {
      if (i === 0 && j === 0) continue;
      const r = row + i;
      const c = column + j;
      if (tableAt(host.tables, sheet, r, c)) return spill("Spill range in table.");
      if (sheet.hasContent(r, c) || sheet.spilledAt(r, c) !== undefined) return spill("Spill range isn't blank.");
    }
  }
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < columns; j++) if (i > 0 || j > 0) sheet.setSpilled(row + i, column + j, normalize(result[i]![j]));
  }
  sheet.setSpill(row, column, { row, column, rowCount: rows, columnCount: columns });
  return normalize(result[0]![0]);
}
