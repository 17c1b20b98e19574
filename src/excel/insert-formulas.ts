import { parseRange, qualified, rangeAddress } from "./a1";
import { cellsInTheWay, loadActiveArea, occupiedCells } from "./active-area";
import type { InsertFormulasRequest, InsertFormulasResult } from "./contracts";
import { excelMessage, type ExcelRunner } from "./excel-runner";
import { loadRegistrySetting, readLoadedRegistry } from "./registry";

/** Formulas that would overwrite the user's cells or land in an inserted table; its message names them. */
export class FormulasBlockedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FormulasBlockedError";
  }
}

/**
 * Writes formulas from the active cell down, one per row, in two round trips: one reads the target
 * cells, the sheet's name, the workbook's tables and the add-in's registry; one writes. Nothing is
 * written when a target cell holds a value or a formula (a spilled value counts), or lies in a
 * table the add-in inserted (a snapshot table's blank cell is empty, but the table is the add-in's
 * and a refresh would take the cell back). The rejection names the cells and what to do.
 */
export async function insertFormulas(runner: ExcelRunner, request: InsertFormulasRequest): Promise<InsertFormulasResult> {
  const { formulas } = request;
  if (formulas.length === 0) throw new Error("There is no formula to write: choose at least one entity.");
  const bad = formulas.find((f) => typeof f !== "string" || !f.startsWith("="));
  if (bad !== undefined) throw new Error(`Not a formula: ${JSON.stringify(bad)}. A formula starts with "=".`);
  try {
    return await runner.run(async (context) => {
      const workbook = context.workbook;
      const { active, sheet, area } = loadActiveArea(workbook, formulas.length, 1);
      const setting = loadRegistrySetting(workbook);
      workbook.tables.load("items/name");
      await context.sync();

      const row = active.rowIndex;
      const col = active.columnIndex;
      const cellAt = (r: number): string => rangeAddress(row + r, col, 1, 1);
      const size = formulas.length === 1 ? "an empty cell" : `a cell with ${formulas.length} empty cells from it down`;
      const blocking = occupiedCells(area, row, col);
      if (blocking.length > 0) {
        const one = blocking.length === 1;
        throw new FormulasBlockedError(
          `Nothing was written: ${cellsInTheWay(sheet.name, blocking)} not empty. Select ${size}, or clear ${one ? "that cell" : "those cells"}.`,
        );
      }

      const tableNames = new Set(workbook.tables.items.map((t) => t.name.toLowerCase()));
      const { registry } = readLoadedRegistry(setting);
      for (const entry of registry.entries) {
        if (entry.mode === "spill" || entry.sheet !== sheet.name || !tableNames.has(entry.name.toLowerCase())) continue;
        const owned = parseRange(entry.address);
        const inside = formulas.flatMap((_, r) =>
          row + r >= owned.row && row + r < owned.row + owned.rows && col >= owned.col && col < owned.col + owned.cols ? [cellAt(r)] : [],
        );
        if (inside.length > 0) {
          throw new FormulasBlockedError(
            `Nothing was written: ${qualified(sheet.name, inside[0]!)}${inside.length > 1 ? ` and ${inside.length - 1} more` : ""} ` +
              `${inside.length > 1 ? "are" : "is"} in the table ${entry.name} that the add-in inserted. Select ${size} outside it.`,
          );
        }
      }

      area.formulas = formulas.map((f) => [f]);
      await context.sync();
      return { address: area.address };
    });
  } catch (e) {
    if (e instanceof FormulasBlockedError) throw e;
    throw new Error(`Excel did not write the formulas: ${excelMessage(e)}`);
  }
}
