import { formatAddress } from "./address";
import { formatCellText } from "./cell-text";
import type { CellValue, EvaluatedValue } from "./cell-value";
import { simError } from "./errors";
import { checkSheetName } from "./names";
import { clearRange, writeContents } from "./range-ops";
import type { EvaluateResult, FormulaLocation } from "./recalculate";
import { extendTableRight, removeTable, renameTable } from "./table-ops";
import { tableAddress, tableHeaders, type SimTableModel } from "./table-model";
import { WorkbookModel } from "./workbook-model";
import { modelFromJson, modelToJson, type SimWorkbookJson } from "./workbook-json";
import { SimEventRegistry } from "./sim-events";

/** Computes a formula's value: one value, an error (`{ error: "#N/A", message }`) or a 2-D array that spills. */
export type Evaluator = (formula: string, workbook: SimWorkbook, location: FormulaLocation) => EvaluateResult;

export interface SimWorkbookOptions {
  evaluate?: Evaluator;
  /** The sheets a new workbook starts with; ["Sheet1"] by default. */
  sheets?: readonly string[];
}

/** A cell as the user sees it. `value` of an error cell is `{ error, message? }`. */
export interface SimCell {
  value: EvaluatedValue;
  formula?: string;
  numberFormat: string;
  text: string;
  bold: boolean;
  horizontalAlignment: string;
  /** True when the value was spilled here by a dynamic-array formula in another cell. */
  spilled: boolean;
}

export interface SimCellEntry extends SimCell {
  row: number;
  column: number;
  address: string;
}

export interface SimTableInfo {
  name: string;
  id: string;
  sheet: string;
  /** "Sheet1!B2:F11", header row included. */
  address: string;
  headers: string[];
  dataRowCount: number;
  style: string;
}

export type SimWorkbookEvent =
  | { kind: "sync"; syncCount: number; failed: boolean }
  | { kind: "edit"; action: string }
  | { kind: "recalculate" };

export type SimWorkbookListener = (event: SimWorkbookEvent) => void;

/**
 * An in-memory Excel workbook for tests and the preview page. Methods here are the user's side:
 * they apply at once, recalculate, and notify subscribers. The add-in's side goes through
 * `createExcelApi(workbook)`, whose writes apply only at `context.sync()`.
 */
export class SimWorkbook {
  /** The state shared with the Office.js proxies; not for tests or the preview. */
  readonly model: WorkbookModel;
  private readonly listeners = new Set<SimWorkbookListener>();
  private syncs = 0;
  /** Handlers of Workbook.onSelectionChanged; they hear every change of the selection (user or API). */
  readonly selectionChanged = new SimEventRegistry<unknown>();
  private selectionKey = "";

  constructor(options: SimWorkbookOptions = {}, model?: WorkbookModel) {
    this.model = model ?? new WorkbookModel(options.sheets ?? ["Sheet1"]);
    const evaluate = options.evaluate;
    this.model.evaluator = evaluate ? (formula, location) => evaluate(formula, this, location) : undefined;
    this.model.recalculate();
    this.selectionKey = this.currentSelectionKey();
  }

  /** Round trips made by the add-in: every `context.sync()` that carried work. */
  get syncCount(): number {
    return this.syncs;
  }

  get sheetNames(): string[] {
    return this.model.sheets.map((s) => s.name);
  }

  get activeSheetName(): string {
    return this.model.activeSheet.name;
  }

  /** "Sheet1!B2". */
  get activeCellAddress(): string {
    const s = this.model.selection;
    return formatAddress({ sheet: s.sheet.name, row: s.row, column: s.column, rowCount: 1, columnCount: 1 });
  }

  get selectedAddress(): string {
    const s = this.model.selection;
    return this.model.address(s.sheet, s.block);
  }

  /** Types into a cell (or every cell of a range): "=..." is a formula, "'..." text, "12" a number. */
  setCell(address: string, input: CellValue): void {
    const { sheet, block } = this.model.locate(address, "SimWorkbook.setCell");
    writeContents(this.model, sheet, block, input, "SimWorkbook.setCell");
    this.edited("setCell");
  }

  getCell(address: string): SimCell {
    const { sheet, block } = this.model.locate(address, "SimWorkbook.getCell");
    const cell = sheet.cell(block.row, block.column);
    const value = sheet.valueAt(block.row, block.column);
    const numberFormat = cell?.numberFormat ?? "General";
    const result: SimCell = {
      value,
      numberFormat,
      text: formatCellText(value, numberFormat),
      bold: cell?.bold === true,
      horizontalAlignment: cell?.horizontalAlignment ?? "General",
      spilled: !sheet.hasContent(block.row, block.column) && sheet.spilledAt(block.row, block.column) !== undefined,
    };
    if (cell?.formula !== undefined) result.formula = cell.formula;
    return result;
  }

  /** What a range shows, row by row (errors as `{ error }` objects). */
  getValues(address: string): EvaluatedValue[][] {
    const { sheet, block } = this.model.locate(address, "SimWorkbook.getValues");
    const rows: EvaluatedValue[][] = [];
    for (let r = block.row; r < block.row + block.rowCount; r++) {
      const row: EvaluatedValue[] = [];
      for (let c = block.column; c < block.column + block.columnCount; c++) row.push(sheet.valueAt(r, c));
      rows.push(row);
    }
    return rows;
  }

  /** Deletes the contents of a cell or range (formats stay), like the Delete key. */
  clearCell(address: string): void {
    const { sheet, block } = this.model.locate(address, "SimWorkbook.clearCell");
    clearRange(this.model, sheet, block, "Contents", "SimWorkbook.clearCell");
    this.edited("clearCell");
  }

  select(address: string): void {
    const { sheet, block } = this.model.locate(address, "SimWorkbook.select");
    this.model.select(sheet, block);
    this.selectionMoved();
    this.notify({ kind: "edit", action: "select" });
  }

  addSheet(name: string): void {
    this.model.addSheet(name, "SimWorkbook.addSheet");
    this.edited("addSheet");
  }

  /** The user renames a sheet (double-click on its tab). Formulas that name it are not rewritten (see README). */
  renameSheet(oldName: string, newName: string): void {
    const sheet = this.sheet(oldName);
    sheet.name = checkSheetName(newName, this.model.sheets.filter((s) => s !== sheet).map((s) => s.name), "SimWorkbook.renameSheet");
    this.model.dirty = true;
    this.edited("renameSheet");
  }

  /**
   * The user deletes a sheet, with its tables and charts; the last sheet cannot be deleted, as in
   * Excel. The selection moves to the first sheet left when it was on the deleted one.
   */
  deleteSheet(name: string): void {
    const sheet = this.sheet(name);
    if (this.model.sheets.length === 1) throw simError("InvalidOperation", "A workbook must contain at least one visible worksheet.", "SimWorkbook.deleteSheet");
    for (const table of this.model.tables.filter((t) => t.sheet === sheet)) removeTable(this.model, table, true, "SimWorkbook.deleteSheet");
    for (const chart of this.model.charts) if (chart.sheet === sheet) chart.deleted = true;
    this.model.sheets.splice(this.model.sheets.indexOf(sheet), 1);
    this.model.dirty = true;
    if (this.model.activeSheet === sheet) {
      this.model.activeSheet = this.model.sheets[0]!;
      this.model.selection = { sheet: this.model.activeSheet, block: { row: 0, column: 0, rowCount: 1, columnCount: 1 }, row: 0, column: 0 };
    }
    this.edited("deleteSheet");
  }

  renameTable(oldName: string, newName: string): void {
    renameTable(this.model, this.table(oldName, "SimWorkbook.renameTable"), newName, "SimWorkbook.renameTable");
    this.edited("renameTable");
  }

  /** The user removes a table but keeps its cells (Excel's "Convert to Range"). */
  deleteTable(name: string): void {
    removeTable(this.model, this.table(name, "SimWorkbook.deleteTable"), true, "SimWorkbook.deleteTable");
    this.edited("deleteTable");
  }

  /** The user types a header right of a table, which grows by that column; `values` fill its data rows from the top. */
  addTableColumn(tableName: string, header: string, values: readonly CellValue[] = []): void {
    extendTableRight(this.model, this.table(tableName, "SimWorkbook.addTableColumn"), header, values, "SimWorkbook.addTableColumn");
    this.edited("addTableColumn");
  }

  get tables(): SimTableInfo[] {
    return this.model.tables.filter((t) => !t.deleted).map(tableInfo);
  }

  getTable(name: string): SimTableInfo | undefined {
    const table = this.model.findTable(name);
    return table && tableInfo(table);
  }

  /** A setting's value as stored by the add-in (a fresh copy), or undefined. */
  getSetting(key: string): unknown {
    const json = this.model.settings.get(key);
    return json === undefined ? undefined : JSON.parse(json);
  }

  get settingKeys(): string[] {
    return [...this.model.settings.keys()];
  }

  /** "Sheet1!B2:F11", or null for an empty sheet. Formats and tables count unless `valuesOnly`. */
  usedRange(sheetName: string = this.activeSheetName, valuesOnly = false): string | null {
    const sheet = this.sheet(sheetName);
    const block = this.model.usedBlock(sheet, valuesOnly);
    return block ? this.model.address(sheet, block) : null;
  }

  /** Every cell that holds or shows something or has a format, row by row: what the preview draws. */
  cells(sheetName: string = this.activeSheetName): SimCellEntry[] {
    const sheet = this.sheet(sheetName);
    const keys = new Map<string, [number, number]>();
    for (const [r, c] of sheet.entries()) keys.set(`${r},${c}`, [r, c]);
    for (const [r, c] of sheet.spilledEntries()) keys.set(`${r},${c}`, [r, c]);
    return [...keys.values()]
      .sort((a, b) => a[0] - b[0] || a[1] - b[1])
      .map(([row, column]) => {
        const address = formatAddress({ row, column, rowCount: 1, columnCount: 1 });
        return { row, column, address, ...this.getCell(formatAddress({ sheet: sheet.name, row, column, rowCount: 1, columnCount: 1 })) };
      });
  }

  /** Column width in points (Excel's default is 48). */
  columnWidth(sheetName: string, column: number): number {
    return this.sheet(sheetName).columnWidth(column);
  }

  rowHeight(sheetName: string, row: number): number {
    return this.sheet(sheetName).rowHeight(row);
  }

  recalculate(): void {
    this.model.recalculate();
    this.notify({ kind: "recalculate" });
  }

  /** Calls `listener` after every sync and every user edit; the returned function unsubscribes. */
  subscribe(listener: SimWorkbookListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Everything a saved workbook keeps: sheets, cells, formats, tables, settings, selection. */
  toJSON(): SimWorkbookJson {
    return modelToJson(this.model);
  }

  /** Reopens a saved workbook; formulas are recalculated with `options.evaluate`. */
  static fromJSON(json: unknown, options: Omit<SimWorkbookOptions, "sheets"> = {}): SimWorkbook {
    return new SimWorkbook(options, modelFromJson(json));
  }

  /** Called by the request context after each round trip. */
  recordSync(failed: boolean): void {
    this.syncs += 1;
    this.selectionMoved();
    this.notify({ kind: "sync", syncCount: this.syncs, failed });
  }

  private currentSelectionKey(): string {
    const s = this.model.selection;
    return `${s.sheet.id}|${s.block.row},${s.block.column},${s.block.rowCount},${s.block.columnCount}|${s.row},${s.column}`;
  }

  /** Fires onSelectionChanged when the selection differs from the last one seen (as Excel does). */
  private selectionMoved(): void {
    const key = this.currentSelectionKey();
    if (key === this.selectionKey) return;
    this.selectionKey = key;
    this.selectionChanged.fire();
  }

  private edited(action: string): void {
    this.model.recalculate();
    this.notify({ kind: "edit", action });
  }

  /** Every listener hears the event; the first listener error is rethrown after all were called. */
  private notify(event: SimWorkbookEvent): void {
    const failures: unknown[] = [];
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (e) {
        failures.push(e);
      }
    }
    if (failures.length > 0) throw failures[0];
  }

  private table(name: string, location: string): SimTableModel {
    const table = this.model.findTable(name);
    if (!table) throw simError("ItemNotFound", `There is no table named ${JSON.stringify(name)}.`, location);
    return table;
  }

  private sheet(name: string) {
    const sheet = this.model.findSheet(name);
    if (!sheet) throw simError("ItemNotFound", `There is no sheet named ${JSON.stringify(name)}.`, "SimWorkbook");
    return sheet;
  }
}

function tableInfo(table: SimTableModel): SimTableInfo {
  return {
    name: table.name,
    id: table.id,
    sheet: table.sheet.name,
    address: tableAddress(table),
    headers: tableHeaders(table),
    dataRowCount: table.rowCount - 1,
    style: table.style,
  };
}
