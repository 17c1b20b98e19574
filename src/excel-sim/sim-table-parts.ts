import { SimClientObject } from "./client-object";
import { simError } from "./errors";
import { readRange, writeContents } from "./range-ops";
import type { SimRequestContext } from "./request-context";
import { SimCollection } from "./sim-collection";
import { SimRange } from "./sim-range";
import type { CellBlock } from "./sim-sheet";
import { tableHeaders, type SimTableModel } from "./table-model";
import { deleteTableColumn, deleteTableRows, insertTableColumn, insertTableRows } from "./table-ops";

export interface ColumnTarget {
  table: SimTableModel;
  id: number;
}

function columnBlock(c: ColumnTarget): CellBlock {
  const at = c.table.columnIds.indexOf(c.id);
  return { row: c.table.row, column: c.table.column + at, rowCount: c.table.rowCount, columnCount: 1 };
}

/** Excel.TableColumn: `values` covers the header and every data row. */
export class SimTableColumn extends SimClientObject<ColumnTarget> {
  constructor(context: SimRequestContext, resolver: () => ColumnTarget | null, nullable: boolean) {
    super(context, "TableColumn", resolver, nullable);
  }

  protected loadableProperties(): readonly string[] {
    return ["id", "index", "name", "values"];
  }

  protected readProperty(c: ColumnTarget, property: string): unknown {
    const index = c.table.columnIds.indexOf(c.id);
    if (property === "id") return c.id;
    if (property === "index") return index;
    if (property === "name") return tableHeaders(c.table)[index];
    return readRange(c.table.sheet, columnBlock(c), "values", "TableColumn.values");
  }

  protected override goneReason(c: ColumnTarget): string | undefined {
    if (c.table.deleted) return `The table "${c.table.name}" was deleted.`;
    return c.table.columnIds.includes(c.id) ? undefined : `The column was deleted from table "${c.table.name}".`;
  }

  get id(): number {
    return this.getProperty("id") as number;
  }
  get index(): number {
    return this.getProperty("index") as number;
  }

  get name(): string {
    return this.getProperty("name") as string;
  }
  set name(name: string) {
    this.setProperty("name", name, (c, location) => {
      if (typeof name !== "string") throw simError("InvalidArgument", "A column name must be text.", location);
      const block = columnBlock(c);
      writeContents(this._context._workbook.model, c.table.sheet, { ...block, rowCount: 1 }, [[name === "" ? "" : `'${name}`]], location);
    });
  }

  get values(): unknown[][] {
    return this.getProperty("values") as unknown[][];
  }
  set values(values: unknown[][]) {
    this.setProperty("values", values, (c, location) => writeContents(this._context._workbook.model, c.table.sheet, columnBlock(c), values, location));
  }

  private part(f: (block: CellBlock) => CellBlock): SimRange {
    return new SimRange(
      this._context,
      () => {
        const c = this._resolve();
        return c === null ? null : { sheet: c.table.sheet, block: f(columnBlock(c)) };
      },
      this._nullable,
    );
  }

  getRange(): SimRange {
    return this.part((b) => b);
  }

  getHeaderRowRange(): SimRange {
    return this.part((b) => ({ ...b, rowCount: 1 }));
  }

  getDataBodyRange(): SimRange {
    return this.part((b) => ({ ...b, row: b.row + 1, rowCount: b.rowCount - 1 }));
  }

  delete(): void {
    this.queueCall("TableColumn.delete", (c, location) => deleteTableColumn(this._context._workbook.model, c.table, c.id, location));
  }
}

/** Excel.TableColumnCollection. */
export class SimTableColumnCollection extends SimCollection<SimTableModel, ColumnTarget, SimTableColumn> {
  constructor(context: SimRequestContext, resolver: () => SimTableModel | null, nullable: boolean) {
    super(context, "TableColumnCollection", resolver, nullable);
  }

  protected itemsOf(table: SimTableModel): ColumnTarget[] {
    return table.columnIds.map((id) => ({ table, id }));
  }

  protected proxyFor(item: ColumnTarget): SimTableColumn {
    return new SimTableColumn(this._context, () => item, false);
  }

  protected itemProperties(): readonly string[] {
    return ["id", "index", "name", "values"];
  }

  protected override goneReason(table: SimTableModel): string | undefined {
    return table.deleted ? `The table "${table.name}" was deleted.` : undefined;
  }

  /** Inserts a column (at the end by default); `values` has one entry per table row, header first. */
  add(index?: number | null, values?: unknown, name?: string | null): SimTableColumn {
    let created: ColumnTarget | undefined;
    this.queueCall("TableColumnCollection.add", (table, location) => {
      created = { table, id: insertTableColumn(this._context._workbook.model, table, index, values, name, location) };
    });
    return new SimTableColumn(
      this._context,
      () => {
        if (!created) throw simError("ItemNotFound", "The column was not added: TableColumnCollection.add failed.", "TableColumnCollection.add");
        return created;
      },
      false,
    );
  }

  private lookup(key: number | string, nullable: boolean, location: string): SimTableColumn {
    return new SimTableColumn(
      this._context,
      () => {
        const table = this._resolve();
        if (table === null) return null;
        const id = typeof key === "number" ? key : table.columnIds[tableHeaders(table).findIndex((h) => h.toLowerCase() === key.toLowerCase())];
        if (id !== undefined && table.columnIds.includes(id)) return { table, id };
        if (nullable) return null;
        throw simError("ItemNotFound", `Table "${table.name}" has no column ${JSON.stringify(key)}.`, location);
      },
      nullable || this._nullable,
    );
  }

  getItem(key: number | string): SimTableColumn {
    return this.lookup(key, false, "TableColumnCollection.getItem");
  }

  getItemOrNullObject(key: number | string): SimTableColumn {
    return this.lookup(key, true, "TableColumnCollection.getItemOrNullObject");
  }

  getItemAt(index: number): SimTableColumn {
    return new SimTableColumn(
      this._context,
      () => {
        const table = this._resolve();
        if (table === null) return null;
        const id = table.columnIds[index];
        if (id === undefined) throw simError("ItemNotFound", `Table "${table.name}" has no column at index ${index}.`, "TableColumnCollection.getItemAt");
        return { table, id };
      },
      this._nullable,
    );
  }
}

export interface RowTarget {
  table: SimTableModel;
  /** Data-row index: like Office.js TableRow, a row object stays at its position, not with its data. */
  index: number;
}

function rowBlock(r: RowTarget): CellBlock {
  return { row: r.table.row + 1 + r.index, column: r.table.column, rowCount: 1, columnCount: r.table.columnCount };
}

/** Excel.TableRow. */
export class SimTableRow extends SimClientObject<RowTarget> {
  constructor(context: SimRequestContext, resolver: () => RowTarget | null, nullable: boolean) {
    super(context, "TableRow", resolver, nullable);
  }

  protected loadableProperties(): readonly string[] {
    return ["index", "values"];
  }

  protected readProperty(r: RowTarget, property: string): unknown {
    return property === "index" ? r.index : readRange(r.table.sheet, rowBlock(r), "values", "TableRow.values");
  }

  protected override goneReason(r: RowTarget): string | undefined {
    if (r.table.deleted) return `The table "${r.table.name}" was deleted.`;
    return r.index < r.table.rowCount - 1 ? undefined : `Table "${r.table.name}" no longer has a data row ${r.index}.`;
  }

  get index(): number {
    return this.getProperty("index") as number;
  }

  get values(): unknown[][] {
    return this.getProperty("values") as unknown[][];
  }
  set values(values: unknown[][]) {
    this.setProperty("values", values, (r, location) => writeContents(this._context._workbook.model, r.table.sheet, rowBlock(r), values, location));
  }

  getRange(): SimRange {
    return new SimRange(
      this._context,
      () => {
        const r = this._resolve();
        return r === null ? null : { sheet: r.table.sheet, block: rowBlock(r) };
      },
      this._nullable,
    );
  }

  delete(): void {
    this.queueCall("TableRow.delete", (r, location) => deleteTableRows(this._context._workbook.model, r.table, r.index, 1, location));
  }
}

/** Excel.TableRowCollection (data rows only). */
export class SimTableRowCollection extends SimCollection<SimTableModel, RowTarget, SimTableRow> {
  constructor(context: SimRequestContext, resolver: () => SimTableModel | null, nullable: boolean) {
    super(context, "TableRowCollection", resolver, nullable);
  }

  protected itemsOf(table: SimTableModel): RowTarget[] {
    return [...Array(table.rowCount - 1).keys()].map((index) => ({ table, index }));
  }

  protected proxyFor(item: RowTarget): SimTableRow {
    return new SimTableRow(this._context, () => item, false);
  }

  protected itemProperties(): readonly string[] {
    return ["index", "values"];
  }

  protected override goneReason(table: SimTableModel): string | undefined {
    return table.deleted ? `The table "${table.name}" was deleted.` : undefined;
  }

  /** Inserts data rows (at the end by default); `values` has one row per new row, as wide as the table. */
  add(index?: number | null, values?: unknown, alwaysInsert?: boolean): SimTableRow {
    let created: RowTarget | undefined;
    this.queueCall("TableRowCollection.add", (table, location) => {
      created = { table, index: insertTableRows(this._context._workbook.model, table, index, values, alwaysInsert, location) };
    });
    return new SimTableRow(
      this._context,
      () => {
        if (!created) throw simError("ItemNotFound", "The rows were not added: TableRowCollection.add failed.", "TableRowCollection.add");
        return created;
      },
      false,
    );
  }

  getItemAt(index: number): SimTableRow {
    return new SimTableRow(
      this._context,
      () => {
        const table = this._resolve();
        if (table === null) return null;
        if (!Number.isInteger(index) || index < 0 || index >= table.rowCount - 1) {
          throw simError("ItemNotFound", `Table "${table.name}" has no data row ${index}.`, "TableRowCollection.getItemAt");
        }
        return { table, index };
      },
      this._nullable,
    );
  }

  deleteRowsAt(index: number, count?: number): void {
    this.queueCall("TableRowCollection.deleteRowsAt", (table, location) => deleteTableRows(this._context._workbook.model, table, index, count, location));
  }
}
