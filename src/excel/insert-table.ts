import type { DatasetStore } from "../core/dataset-store";
import { cellsInTheWay, loadActiveArea, occupiedCells } from "./active-area";
import { isEmpty } from "./cell-match";
import type { InsertRequest, InsertResult } from "./contracts";
import { excelMessage, type ExcelRunner } from "./excel-runner";
import { planTable, toExcelInput, type TablePlan } from "./plan-table";
import { writeSourceLine } from "./write-source-line";
import { loadRegistrySetting, nextTableName, readLoadedRegistry, REGISTRY_KEY, writeRegistry, type RegistryEntry } from "./registry";
import { qualified, rangeAddress } from "./a1";

/** An insert that would overwrite the user's cells; its message names them. */
export class InsertBlockedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InsertBlockedError";
  }
}

const TABLE_STYLE = "TableStyleMedium2";

/**
 * Inserts a report table at the active cell in two round trips: one reads the cells the table
 * would occupy, the cell for its source line, the workbook's tables and the registry; one writes
 * the table, its formats, the source line and the registry entry (which also records the dataset
 * used as the workbook's `lastDataset`). If any occupied cell is not empty
 * nothing is written and the error names the blocking cells.
 */
export async function insertTable(runner: ExcelRunner, store: DatasetStore, request: InsertRequest): Promise<InsertResult> {
  const state = store.current;
  const plan = planTable(state, request);
  try {
    return await runner.run(async (context) => {
      const workbook = context.workbook;
      const { active, sheet, area } = loadActiveArea(workbook, plan.rows, plan.cols);
      const below = active.getOffsetRange(plan.rows, 0);
      below.load("values,formulas");
      const setting = loadRegistrySetting(workbook);
      workbook.tables.load("items/name");
      await context.sync();

      const { row, col } = { row: active.rowIndex, col: active.columnIndex };
      const blocking = occupiedCells(area, row, col);
      if (blocking.length > 0) {
        throw new InsertBlockedError(
          `Nothing was inserted: ${cellsInTheWay(sheet.name, blocking)} not empty. ` +
            `Select a cell with ${plan.rows} free rows and ${plan.cols} free columns from it, or clear ${blocking.length === 1 ? "that cell" : "those cells"}.`,
        );
      }
      const { registry } = readLoadedRegistry(setting);
      const taken = [...workbook.tables.items.map((t) => t.name), ...registry.entries.map((e) => e.name)];
      const name = nextTableName(request.mode === "spill" ? `${request.tableId}_spill` : request.tableId, taken);
      const address = rangeAddress(row, col, plan.rows, plan.cols);

      writeBody(area, active, plan);
      if (request.mode !== "spill") {
        const table = sheet.tables.add(area, true);
        table.name = name;
        table.style = TABLE_STYLE;
        area.format.autofitColumns();
      }
      const notes: string[] = [];
      let sourceLine: RegistryEntry["sourceLine"];
      const sourceAddress = rangeAddress(row + plan.rows, col, 1, 1);
      if (isEmpty(below.values[0]![0], below.formulas[0]![0])) {
        writeSourceLine(below, plan.sourceLine);
        sourceLine = { address: sourceAddress, text: plan.sourceLine };
      } else {
        notes.push(`The source line was not placed because ${qualified(sheet.name, sourceAddress)} is not empty.`);
      }

      const entry: RegistryEntry = {
        name,
        tableId: plan.request.tableId,
        mode: request.mode,
        options: { language: request.language, currency: request.currency, scale: request.scale, bound: request.bound },
        sheet: sheet.name,
        address,
        headers: plan.headers,
        written: plan.written,
        shown: request.mode === "spill" ? [] : plan.shown,
        sourceLine,
        datasetVersion: state.version,
        datasetHash: state.hash,
        insertedAt: new Date().toISOString(),
      };
      registry.entries.push(entry);
      const dataset = { version: state.version, hash: state.hash };
      registry.lastDataset = dataset;
      workbook.settings.add(REGISTRY_KEY, writeRegistry(registry));
      await context.sync();
      return { name, address: qualified(sheet.name, address), sourceLineAddress: sourceLine && qualified(sheet.name, sourceLine.address), notes, dataset };
    });
  } catch (e) {
    if (e instanceof InsertBlockedError) throw e;
    throw new Error(`Excel did not insert the table: ${excelMessage(e)}`);
  }
}

function writeBody(area: Excel.Range, active: Excel.Range, plan: TablePlan): void {
  if (plan.request.mode === "spill") {
    active.formulas = [[plan.written[0]![0]!]];
    return;
  }
  const matrix = [plan.headers.map(toExcelInput), ...plan.written];
  if (plan.request.mode === "live") area.formulas = matrix;
  else area.values = matrix;
  if (plan.rows > 1) {
    const body = area.getOffsetRange(1, 0).getResizedRange(-1, 0);
    body.numberFormat = plan.written.map(() => plan.numberFormats);
  }
  area.getRow(0).format.font.bold = true;
}

/** A1 addresses of the non-empty cells of a block whose top-left is (row, col). */
