import { MAX_COLUMNS, MAX_ROWS, formatAddress, rangesOverlap } from "./address";
import { interpretInput } from "./cell-input";
import { headerInput, storeInput } from "./cell-write";
import { shapeMismatch, simError } from "./errors";
import { checkTableName } from "./names";
import { clearRange } from "./range-ops";
import type { CellBlock, SimSheet } from "./sim-sheet";
import { checkNoOverlap, fixHeaders, liveTables, shiftRegion, tableAddress, tableBlock, type SimTableModel } from "./table-model";

export interface TableStore {
  readonly tables: SimTableModel[];
  newTableId(): string;
}

function names(store: TableStore, except?: SimTableModel): string[] {
  return liveTables(store.tables)
    .filter((t) => t !== except)
    .map((t) => t.name);
}

/** Excel numbers new tables by a counter that does not reuse numbers: Table1, Table2, ... */
function defaultName(store: TableStore, id: string): string {
  const taken = new Set(names(store).map((n) => n.toLowerCase()));
  let n = Number(id);
  while (taken.has(`table${n}`)) n++;
  return `Table${n}`;
}

/**
 * TableCollection.add. With headers, the first row becomes the header row (unique text); a
 * one-row range gets an empty data row below, as Excel adds one. Without headers, Excel inserts a
 * header row above the data, shifting the cells below down within the table's columns.
 */
export function createTable(store: TableStore, sheet: SimSheet, block: CellBlock, hasHeaders: boolean, location: string): SimTableModel {
  if (typeof hasHeaders !== "boolean") throw simError("InvalidArgument", "hasHeaders must be true or false.", location);
  let geometry = { ...block };
  if (hasHeaders) {
    if (geometry.rowCount === 1) geometry.rowCount = 2;
  } else {
    geometry.rowCount += 1;
  }
  if (geometry.row + geometry.rowCount > MAX_ROWS) throw simError("InvalidArgument", "The table would extend past the last row of the sheet.", location);
  checkNoOverlap(store.tables, sheet, geometry, undefined, location);
  if (!hasHeaders) {
    const below: CellBlock = { row: block.row, column: block.column, rowCount: MAX_ROWS - block.row, columnCount: block.columnCount };
    shiftRegion(store.tables, sheet, below, 1, 0, undefined, location);
  }
  const id = store.newTableId();
  const table: SimTableModel = {
    id,
    name: defaultName(store, id),
    sheet,
    ...geometry,
    style: "TableStyleMedium2",
    showBandedRows: true,
    showBandedColumns: false,
    showFilterButton: true,
    highlightFirstColumn: false,
    highlightLastColumn: false,
    columnIds: [...Array(geometry.columnCount).keys()].map((i) => i + 1),
    nextColumnId: geometry.columnCount + 1,
    deleted: false,
  };
  store.tables.push(table);
  fixHeaders(table);
  return table;
}

export function renameTable(store: TableStore, table: SimTableModel, name: unknown, location: string): void {
  if (name === table.name) return;
  table.name = checkTableName(name, names(store, table), location);
}

/**
 * Table.resize: the header row stays where it is, the new range overlaps the old one, keeps a data
 * row, and overlaps no other table. Cells left outside stay as plain cells; new header cells get
 * unique names.
 */
export function resizeTable(store: TableStore, table: SimTableModel, sheet: SimSheet, block: CellBlock, location: string): void {
  const target = formatAddress({ sheet: sheet.name, ...block });
  if (sheet !== table.sheet) throw simError("InvalidArgument", `The new range ${target} must be on the table's sheet, "${table.sheet.name}".`, location);
  if (block.row !== table.row) {
    throw simError("InvalidArgument", `The header row of table "${table.name}" must stay in row ${table.row + 1}; ${target} starts in row ${block.row + 1}.`, location);
  }
  if (block.rowCount < 2) throw simError("InvalidArgument", `A table needs a header row and at least one data row; ${target} has one row.`, location);
  if (!rangesOverlap(block, tableBlock(table))) {
    throw simError("InvalidArgument", `The new range ${target} must overlap the table's current range, ${tableAddress(table)}.`, location);
  }
  checkNoOverlap(store.tables, sheet, block, table, location);
  const oldIds = table.columnIds;
  const ids: number[] = [];
  const added: number[] = [];
  for (let j = 0; j < block.columnCount; j++) {
    const old = block.column + j - table.column;
    if (old >= 0 && old < table.columnCount) ids.push(oldIds[old]!);
    else {
      ids.push(table.nextColumnId++);
      added.push(j);
    }
  }
  Object.assign(table, block);
  table.columnIds = ids;
  fixHeaders(table, added);
}

/** Table.delete clears the table's cells (contents and formats); the user's "convert to range" and Table.convertToRange keep them. */
export function removeTable(store: TableStore, table: SimTableModel, keepCells: boolean, location: string): void {
  table.deleted = true;
  const i = store.tables.indexOf(table);
  if (i >= 0) store.tables.splice(i, 1);
  if (!keepCells) clearRange(store, table.sheet, tableBlock(table), "All", location);
}

function columnInput(values: unknown, rowCount: number, location: string): unknown[] {
  if (values === undefined || values === null) return Array<unknown>(rowCount).fill(null);
  if (!Array.isArray(values)) return Array<unknown>(rowCount).fill(values);
  if (values.length !== rowCount || !values.every((row) => Array.isArray(row) && row.length === 1)) throw shapeMismatch(location);
  return values.map((row) => (row as unknown[])[0]);
}

/**
 * TableColumnCollection.add: inserts a column at `index` (the end when undefined, null or -1),
 * shifting cells to its right within the table's rows. `values` covers the header and every data
 * row (one entry per row); `name`, when given, is the header.
 */
export function insertTableColumn(store: TableStore, table: SimTableModel, index: unknown, values: unknown, name: unknown, location: string): number {
  const at = index === undefined || index === null || index === -1 ? table.columnCount : index;
  if (typeof at !== "number" || !Number.isInteger(at) || at < 0 || at > table.columnCount) {
    throw simError("InvalidArgument", `Column index ${JSON.stringify(index)} is outside 0..${table.columnCount} for table "${table.name}".`, location);
  }
  if (name !== undefined && name !== null && typeof name !== "string") throw simError("InvalidArgument", "A column name must be text.", location);
  const entries = columnInput(values, table.rowCount, location);
  const column = table.column + at;
  const interpreted = entries.map((raw, i) => interpretInput(raw, table.sheet.cell(table.row + i, column)?.numberFormat ?? "General", location));
  const region: CellBlock = { row: table.row, column, rowCount: table.rowCount, columnCount: MAX_COLUMNS - column };
  shiftRegion(store.tables, table.sheet, region, 0, 1, table, location);
  table.columnCount += 1;
  const id = table.nextColumnId++;
  table.columnIds.splice(at, 0, id);
  interpreted.forEach((input, i) => {
    if (!input) return;
    if (i === 0) {
      const cell = table.sheet.ensure(table.row, column);
      cell.value = headerInput(input);
      delete cell.formula;
    } else storeInput(table.sheet, table.row + i, column, input);
  });
  if (typeof name === "string") {
    const cell = table.sheet.ensure(table.row, column);
    cell.value = name;
    delete cell.formula;
  }
  fixHeaders(table, [at]);
  return id;
}

/** TableColumn.delete: removes the column's cells and shifts the cells to its right, within the table's rows, left. */
export function deleteTableColumn(store: TableStore, table: SimTableModel, id: number, location: string): void {
  const at = table.columnIds.indexOf(id);
  if (at < 0) throw simError("ItemNotFound", `Table "${table.name}" has no column with id ${id}.`, location);
  if (table.columnCount === 1) throw simError("InvalidOperation", `Table "${table.name}" must keep at least one column.`, location);
  const column = table.column + at;
  for (const [r, c] of [...table.sheet.entriesIn({ row: table.row, column, rowCount: table.rowCount, columnCount: 1 })]) table.sheet.deleteCell(r, c);
  table.columnIds.splice(at, 1);
  table.columnCount -= 1;
  const region: CellBlock = { row: table.row, column: column + 1, rowCount: table.rowCount, columnCount: MAX_COLUMNS - column - 1 };
  shiftRegion(store.tables, table.sheet, region, 0, -1, table, location);
}

function rowsInput(values: unknown, columnCount: number, location: string): unknown[][] {
  if (values === undefined || values === null) return [Array<unknown>(columnCount).fill(null)];
  if (!Array.isArray(values)) return [Array<unknown>(columnCount).fill(values)];
  if (values.length === 0 || !values.every((row) => Array.isArray(row) && row.length === columnCount)) throw shapeMismatch(location);
  return values as unknown[][];
}

/**
 * TableRowCollection.add: inserts data rows at `index` (the end when undefined, null or -1),
 * shifting the cells below down within the table's columns. With `alwaysInsert` false, rows added
 * at the end take the cells below the table instead (they must not belong to another table).
 */
export function insertTableRows(store: TableStore, table: SimTableModel, index: unknown, values: unknown, alwaysInsert: unknown, location: string): number {
  const dataRows = table.rowCount - 1;
  const at = index === undefined || index === null || index === -1 ? dataRows : index;
  if (typeof at !== "number" || !Number.isInteger(at) || at < 0 || at > dataRows) {
    throw simError("InvalidArgument", `Row index ${JSON.stringify(index)} is outside 0..${dataRows} for table "${table.name}".`, location);
  }
  const rows = rowsInput(values, table.columnCount, location);
  const row = table.row + 1 + at;
  if (row + rows.length > MAX_ROWS) throw simError("InvalidArgument", "The table would extend past the last row of the sheet.", location);
  const interpreted = rows.map((entries, i) => entries.map((raw, j) => interpretInput(raw, table.sheet.cell(row + i, table.column + j)?.numberFormat ?? "General", location)));
  const block: CellBlock = { row, column: table.column, rowCount: rows.length, columnCount: table.columnCount };
  if (alwaysInsert === false && at === dataRows) {
    checkNoOverlap(store.tables, table.sheet, block, table, location);
    clearRange(store, table.sheet, block, "Contents", location);
  } else {
    shiftRegion(store.tables, table.sheet, { row, column: table.column, rowCount: MAX_ROWS - row, columnCount: table.columnCount }, rows.length, 0, table, location);
  }
  table.rowCount += rows.length;
  interpreted.forEach((entries, i) => entries.forEach((input, j) => input && storeInput(table.sheet, row + i, table.column + j, input)));
  return at;
}

/** Deletes data rows, shifting the cells below up within the table's columns; a table keeps one (empty) data row. */
export function deleteTableRows(store: TableStore, table: SimTableModel, index: unknown, count: unknown, location: string): void {
  const dataRows = table.rowCount - 1;
  const n = count === undefined || count === null ? 1 : count;
  if (typeof index !== "number" || !Number.isInteger(index) || index < 0 || index >= dataRows) {
    throw simError("InvalidArgument", `Row index ${JSON.stringify(index)} is outside 0..${dataRows - 1} for table "${table.name}".`, location);
  }
  if (typeof n !== "number" || !Number.isInteger(n) || n < 1 || index + n > dataRows) {
    throw simError("InvalidArgument", `Cannot delete ${JSON.stringify(count)} rows from row ${index} of table "${table.name}", which has ${dataRows} data rows.`, location);
  }
  const row = table.row + 1 + index;
  const block: CellBlock = { row, column: table.column, rowCount: n, columnCount: table.columnCount };
  for (const [r, c] of [...table.sheet.entriesIn(block)]) table.sheet.deleteCell(r, c);
  const removed = n === dataRows ? n - 1 : n;
  const below = row + n;
  shiftRegion(store.tables, table.sheet, { row: below, column: table.column, rowCount: MAX_ROWS - below, columnCount: table.columnCount }, -removed, 0, table, location);
  table.rowCount -= removed;
}

/**
 * The user types a header in the cell to the right of a table's header row: Excel extends the
 * table by that column (cells are taken over, not shifted). `values` fill the data rows from the top.
 */
export function extendTableRight(store: TableStore, table: SimTableModel, header: string, values: readonly unknown[], location: string): void {
  const column = table.column + table.columnCount;
  if (column >= MAX_COLUMNS) throw simError("InvalidArgument", `Table "${table.name}" already reaches the last column.`, location);
  if (values.length > table.rowCount - 1) {
    throw simError("InvalidArgument", `Table "${table.name}" has ${table.rowCount - 1} data rows; ${values.length} values were given.`, location);
  }
  const block: CellBlock = { row: table.row, column, rowCount: table.rowCount, columnCount: 1 };
  checkNoOverlap(store.tables, table.sheet, block, table, location);
  const interpreted = values.map((raw, i) => interpretInput(raw, table.sheet.cell(table.row + 1 + i, column)?.numberFormat ?? "General", location));
  const headerCell = table.sheet.ensure(table.row, column);
  headerCell.value = header;
  delete headerCell.formula;
  interpreted.forEach((input, i) => input && storeInput(table.sheet, table.row + 1 + i, column, input));
  table.columnCount += 1;
  table.columnIds.push(table.nextColumnId++);
  fixHeaders(table, [table.columnCount - 1]);
}
