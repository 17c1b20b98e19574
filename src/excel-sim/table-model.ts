import { MAX_COLUMNS, MAX_ROWS, formatAddress, rangesOverlap } from "./address";
import { headerTextOf } from "./cell-write";
import { SimOfficeError, tableOverlap } from "./errors";
import type { CellBlock, SimSheet } from "./sim-sheet";

/** An Excel table: its block includes the header row (tables here always show headers, never totals). */
export interface SimTableModel {
  readonly id: string;
  name: string;
  sheet: SimSheet;
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
  style: string;
  showBandedRows: boolean;
  showBandedColumns: boolean;
  showFilterButton: boolean;
  highlightFirstColumn: boolean;
  highlightLastColumn: boolean;
  /** Stable column ids (Office.js `TableColumn.id`), left to right. */
  columnIds: number[];
  nextColumnId: number;
  deleted: boolean;
}

export function tableBlock(table: SimTableModel): CellBlock {
  return { row: table.row, column: table.column, rowCount: table.rowCount, columnCount: table.columnCount };
}

export function tableAddress(table: SimTableModel): string {
  return formatAddress({ sheet: table.sheet.name, ...tableBlock(table) });
}

/** The column names, read from the header cells. */
export function tableHeaders(table: SimTableModel): string[] {
  const names: string[] = [];
  for (let i = 0; i < table.columnCount; i++) names.push(headerTextOf(table.sheet, table.row, table.column + i));
  return names;
}

export function liveTables(tables: readonly SimTableModel[]): SimTableModel[] {
  return tables.filter((t) => !t.deleted);
}

export function overlappingTable(tables: readonly SimTableModel[], sheet: SimSheet, block: CellBlock, except?: SimTableModel): SimTableModel | undefined {
  return liveTables(tables).find((t) => t !== except && t.sheet === sheet && rangesOverlap(tableBlock(t), block));
}

/** The table whose block contains the cell, if any. */
export function tableAt(tables: readonly SimTableModel[], sheet: SimSheet, row: number, column: number): SimTableModel | undefined {
  return overlappingTable(tables, sheet, { row, column, rowCount: 1, columnCount: 1 });
}

/**
 * Makes the header cells of the given columns (all when omitted) unique, non-empty text, as Excel
 * does: a blank header becomes "Column<n>", a duplicate (ignoring case) gets the smallest number
 * suffix that makes it unique ("Year" -> "Year2"). Columns not listed keep their names.
 */
export function fixHeaders(table: SimTableModel, changed?: Iterable<number>): void {
  const all = [...Array(table.columnCount).keys()];
  const todo = changed === undefined ? all : [...new Set(changed)].filter((i) => i >= 0 && i < table.columnCount).sort((a, b) => a - b);
  const pending = new Set(todo);
  const used = new Set(all.filter((i) => !pending.has(i)).map((i) => headerTextOf(table.sheet, table.row, table.column + i).toLowerCase()));
  for (const i of todo) {
    const text = headerTextOf(table.sheet, table.row, table.column + i);
    let name = text;
    if (name === "") {
      let k = i + 1;
      while (used.has(`column${k}`)) k++;
      name = `Column${k}`;
    } else if (used.has(name.toLowerCase())) {
      let k = 2;
      while (used.has(`${name}${k}`.toLowerCase())) k++;
      name = `${name}${k}`;
    }
    const cell = table.sheet.ensure(table.row, table.column + i);
    cell.value = name;
    delete cell.formula;
    used.add(name.toLowerCase());
  }
}

/**
 * Moves every cell of `region` by (dRows, dColumns), as Excel's insert/delete of cells does. Tables
 * wholly inside the region move along; one that would be cut in two refuses the move, and so does
 * content that would be pushed off the grid. `self` (the table being edited) is left to the caller.
 */
export function shiftRegion(
  tables: readonly SimTableModel[],
  sheet: SimSheet,
  region: CellBlock,
  dRows: number,
  dColumns: number,
  self: SimTableModel | undefined,
  location: string,
): void {
  if (region.rowCount <= 0 || region.columnCount <= 0) return;
  const moving: SimTableModel[] = [];
  for (const t of liveTables(tables)) {
    if (t === self || t.sheet !== sheet || !rangesOverlap(tableBlock(t), region)) continue;
    const inside = t.row >= region.row && t.column >= region.column && t.row + t.rowCount <= region.row + region.rowCount && t.column + t.columnCount <= region.column + region.columnCount;
    if (!inside) {
      throw new SimOfficeError(
        "InsertDeleteConflict",
        `This operation isn't allowed: it would shift cells of table "${t.name}" (${tableAddress(t)}) and cut it in two.`,
        location,
      );
    }
    moving.push(t);
  }
  const offGrid = [...sheet.entriesIn(region)].filter(([r, c]) => r + dRows < 0 || c + dColumns < 0 || r + dRows >= MAX_ROWS || c + dColumns >= MAX_COLUMNS);
  if (offGrid.some(([, , cell]) => cell.value !== "" || cell.formula !== undefined)) {
    throw new SimOfficeError("NonBlankCellOffSheet", "Microsoft Excel can't insert new cells because it would push non-empty cells off the end of the worksheet.", location);
  }
  for (const [r, c] of offGrid) sheet.deleteCell(r, c);
  sheet.moveCells(region, dRows, dColumns);
  for (const t of moving) {
    t.row += dRows;
    t.column += dColumns;
  }
}

export function checkNoOverlap(tables: readonly SimTableModel[], sheet: SimSheet, block: CellBlock, self: SimTableModel | undefined, location: string): void {
  if (overlappingTable(tables, sheet, block, self)) throw tableOverlap(location);
}
