import { AddressError, MAX_COLUMNS, MAX_ROWS, formatAddress, parseAddress, type RangeAddress } from "./address";
import { simError } from "./errors";
import { checkSheetName } from "./names";
import { recalculate, type FormulaEvaluator } from "./recalculate";
import { SimSheet, type CellBlock } from "./sim-sheet";
import { liveTables, tableBlock, type SimTableModel } from "./table-model";
import type { SimChartModel } from "./chart-model";

export interface Selection {
  sheet: SimSheet;
  block: CellBlock;
  /** The active cell, inside the block. */
  row: number;
  column: number;
}

/**
 * The workbook's state and the rules shared by the user side (SimWorkbook) and the Office.js
 * proxies. Settings are stored as JSON text so that what comes back is a copy, as from Excel.
 */
export class WorkbookModel {
  readonly sheets: SimSheet[] = [];
  readonly tables: SimTableModel[] = [];
  readonly settings = new Map<string, string>();
  activeSheet: SimSheet;
  selection: Selection;
  evaluator: FormulaEvaluator | undefined;
  dirty = false;
  /** Application.calculationMode; in "Manual" the API side recalculates only on Application.calculate. */
  calculationMode: "Automatic" | "AutomaticExceptTables" | "Manual" = "Automatic";
  nextSheetId = 1;
  nextTableId = 1;
  /** Charts of every sheet (chart-model.ts); a chart holds its sheet, so a rename carries over. */
  readonly charts: SimChartModel[] = [];
  nextChartId = 1;

  constructor(sheetNames: readonly string[]) {
    if (sheetNames.length === 0) throw new Error("A workbook needs at least one sheet.");
    for (const name of sheetNames) this.addSheet(name, "Workbook");
    this.activeSheet = this.sheets[0]!;
    this.selection = { sheet: this.activeSheet, block: { row: 0, column: 0, rowCount: 1, columnCount: 1 }, row: 0, column: 0 };
  }

  newTableId(): string {
    return String(this.nextTableId++);
  }

  addSheet(name: unknown, location: string): SimSheet {
    const chosen = name === undefined || name === null ? this.defaultSheetName() : name;
    const checked = checkSheetName(chosen, this.sheets.map((s) => s.name), location);
    const n = this.nextSheetId++;
    const sheet = new SimSheet(checked, `{00000000-${String(n).padStart(4, "0")}-0000-C000-000000000046}`);
    this.sheets.push(sheet);
    this.dirty = true;
    return sheet;
  }

  private defaultSheetName(): string {
    const taken = new Set(this.sheets.map((s) => s.name.toLowerCase()));
    let n = 1;
    while (taken.has(`sheet${n}`)) n++;
    return `Sheet${n}`;
  }

  findSheet(key: string): SimSheet | undefined {
    const lower = key.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower || s.id === key);
  }

  findTable(key: string): SimTableModel | undefined {
    const lower = key.toLowerCase();
    return liveTables(this.tables).find((t) => t.name.toLowerCase() === lower || t.id === key);
  }

  /** Parses an address for an API call or a user edit; errors become InvalidArgument. */
  parse(address: unknown, location: string): RangeAddress {
    if (typeof address !== "string") throw simError("InvalidArgument", `An address must be text; got ${JSON.stringify(address)}.`, location);
    try {
      return parseAddress(address);
    } catch (e) {
      if (e instanceof AddressError) throw simError("InvalidArgument", e.message, location);
      throw e;
    }
  }

  /** The sheet an address names, or `fallback` when it names none. */
  sheetFor(address: RangeAddress, fallback: SimSheet, location: string): SimSheet {
    if (address.sheet === undefined) return fallback;
    const sheet = this.findSheet(address.sheet);
    if (!sheet) throw simError("ItemNotFound", `There is no sheet named ${JSON.stringify(address.sheet)}.`, location);
    return sheet;
  }

  /** "B2:F11" or "Sheet1!B2:F11" on `fallback` (the active sheet by default) -> sheet and block. */
  locate(address: unknown, location: string, fallback: SimSheet = this.activeSheet): { sheet: SimSheet; block: CellBlock } {
    const parsed = this.parse(address, location);
    return { sheet: this.sheetFor(parsed, fallback, location), block: { row: parsed.row, column: parsed.column, rowCount: parsed.rowCount, columnCount: parsed.columnCount } };
  }

  select(sheet: SimSheet, block: CellBlock): void {
    this.activeSheet = sheet;
    this.selection = { sheet, block: { ...block }, row: block.row, column: block.column };
  }

  /**
   * The used range as Excel defines it: every cell with a value or a formula (and, unless
   * `valuesOnly`, every formatted cell and every table), spilled values included. Undefined when
   * the sheet is empty.
   */
  usedBlock(sheet: SimSheet, valuesOnly: boolean): CellBlock | undefined {
    let top = MAX_ROWS;
    let left = MAX_COLUMNS;
    let bottom = -1;
    let right = -1;
    const take = (r: number, c: number, rows = 1, cols = 1) => {
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r + rows - 1);
      right = Math.max(right, c + cols - 1);
    };
    for (const [r, c, cell] of sheet.entries()) {
      if (!valuesOnly || cell.value !== "" || cell.formula !== undefined) take(r, c);
    }
    for (const [r, c] of sheet.spilledEntries()) take(r, c);
    if (!valuesOnly) {
      for (const t of liveTables(this.tables)) if (t.sheet === sheet) take(t.row, t.column, t.rowCount, t.columnCount);
    }
    if (bottom < 0) return undefined;
    return { row: top, column: left, rowCount: bottom - top + 1, columnCount: right - left + 1 };
  }

  recalculate(): void {
    recalculate(this, this.evaluator);
    this.dirty = false;
  }

  recalculateIfDirty(): void {
    if (this.dirty && this.calculationMode !== "Manual") this.recalculate();
  }

  tablesOn(sheet: SimSheet): SimTableModel[] {
    return liveTables(this.tables).filter((t) => t.sheet === sheet);
  }

  address(sheet: SimSheet, block: CellBlock): string {
    return formatAddress({ sheet: sheet.name, ...block });
  }

  tableAddress(table: SimTableModel): string {
    return this.address(table.sheet, tableBlock(table));
  }
}
