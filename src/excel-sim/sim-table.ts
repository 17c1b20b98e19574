import { SimClientObject } from "./client-object";
import { simError } from "./errors";
import type { SimRequestContext } from "./request-context";
import { SimCollection } from "./sim-collection";
import { SimRange, type RangeTarget } from "./sim-range";
import type { CellBlock, SimSheet } from "./sim-sheet";
import { SimTableColumnCollection, SimTableRowCollection } from "./sim-table-parts";
import { SimWorksheet } from "./sim-worksheet";
import { liveTables, tableBlock, type SimTableModel } from "./table-model";
import { createTable, removeTable, renameTable, resizeTable } from "./table-ops";

const STYLE = /^TableStyle(Light([1-9]|1\d|2[01])|Medium([1-9]|1\d|2[0-8])|Dark([1-9]|1[01]))$/;
const FLAGS = ["showBandedRows", "showBandedColumns", "showFilterButton", "highlightFirstColumn", "highlightLastColumn"] as const;
type Flag = (typeof FLAGS)[number];

/** Excel.Table. Tables here always show their header row and never a totals row. */
export class SimTable extends SimClientObject<SimTableModel> {
  constructor(context: SimRequestContext, resolver: () => SimTableModel | null, nullable: boolean) {
    super(context, "Table", resolver, nullable);
  }

  protected loadableProperties(): readonly string[] {
    return ["name", "id", "legacyId", "showHeaders", "showTotals", "style", ...FLAGS];
  }

  protected readProperty(table: SimTableModel, property: string): unknown {
    switch (property) {
      case "name":
        return table.name;
      case "id":
      case "legacyId":
        return table.id;
      case "showHeaders":
        return true;
      case "showTotals":
        return false;
      case "style":
        return table.style;
      default:
        return table[property as Flag];
    }
  }

  protected override goneReason(table: SimTableModel): string | undefined {
    return table.deleted ? `The table "${table.name}" was deleted.` : undefined;
  }

  protected override navigation(name: string): SimClientObject<unknown> | undefined {
    if (name === "columns") return this.columns;
    if (name === "rows") return this.rows;
    if (name === "worksheet") return this.worksheet;
    return undefined;
  }

  get name(): string {
    return this.getProperty("name") as string;
  }
  set name(name: string) {
    this.setProperty("name", name, (table, location) => renameTable(this._context._workbook.model, table, name, location));
  }

  get id(): string {
    return this.getProperty("id") as string;
  }
  get legacyId(): string {
    return this.getProperty("legacyId") as string;
  }

  get style(): string {
    return this.getProperty("style") as string;
  }
  set style(style: string) {
    this.setProperty("style", style, (table, location) => {
      if (typeof style !== "string" || (style !== "" && !STYLE.test(style))) {
        throw simError("InvalidArgument", `Unknown table style ${JSON.stringify(style)}: use TableStyleLight1-21, TableStyleMedium1-28 or TableStyleDark1-11.`, location);
      }
      table.style = style;
    });
  }

  get showHeaders(): boolean {
    return this.getProperty("showHeaders") as boolean;
  }
  set showHeaders(show: boolean) {
    this.setProperty("showHeaders", show, (_t, location) => {
      if (show !== true) throw simError("NotImplemented", "The Excel stand-in does not model tables without a header row.", location);
    });
  }

  get showTotals(): boolean {
    return this.getProperty("showTotals") as boolean;
  }
  set showTotals(show: boolean) {
    this.setProperty("showTotals", show, (_t, location) => {
      if (show !== false) throw simError("NotImplemented", "The Excel stand-in does not model totals rows.", location);
    });
  }

  get showBandedRows(): boolean {
    return this.getProperty("showBandedRows") as boolean;
  }
  set showBandedRows(v: boolean) {
    this.setFlag("showBandedRows", v);
  }
  get showBandedColumns(): boolean {
    return this.getProperty("showBandedColumns") as boolean;
  }
  set showBandedColumns(v: boolean) {
    this.setFlag("showBandedColumns", v);
  }
  get showFilterButton(): boolean {
    return this.getProperty("showFilterButton") as boolean;
  }
  set showFilterButton(v: boolean) {
    this.setFlag("showFilterButton", v);
  }
  get highlightFirstColumn(): boolean {
    return this.getProperty("highlightFirstColumn") as boolean;
  }
  set highlightFirstColumn(v: boolean) {
    this.setFlag("highlightFirstColumn", v);
  }
  get highlightLastColumn(): boolean {
    return this.getProperty("highlightLastColumn") as boolean;
  }
  set highlightLastColumn(v: boolean) {
    this.setFlag("highlightLastColumn", v);
  }

  private setFlag(flag: Flag, value: boolean): void {
    this.setProperty(flag, value, (table, location) => {
      if (typeof value !== "boolean") throw simError("InvalidArgument", `${flag} must be true or false.`, location);
      table[flag] = value;
    });
  }

  get columns(): SimTableColumnCollection {
    return this.nav("columns", () => new SimTableColumnCollection(this._context, () => this._resolve(), this._nullable));
  }

  get rows(): SimTableRowCollection {
    return this.nav("rows", () => new SimTableRowCollection(this._context, () => this._resolve(), this._nullable));
  }

  get worksheet(): SimWorksheet {
    return this.nav("worksheet", () => new SimWorksheet(this._context, () => this._resolve()?.sheet ?? null, this._nullable));
  }

  private part(name: string, f: (table: SimTableModel, location: string) => CellBlock): SimRange {
    const location = `Table.${name}`;
    return new SimRange(
      this._context,
      () => {
        const table = this._resolve();
        return table === null ? null : { sheet: table.sheet, block: f(table, location) };
      },
      this._nullable,
    );
  }

  getRange(): SimRange {
    return this.part("getRange", (t) => tableBlock(t));
  }

  getHeaderRowRange(): SimRange {
    return this.part("getHeaderRowRange", (t) => ({ ...tableBlock(t), rowCount: 1 }));
  }

  getDataBodyRange(): SimRange {
    return this.part("getDataBodyRange", (t) => ({ ...tableBlock(t), row: t.row + 1, rowCount: t.rowCount - 1 }));
  }

  getTotalRowRange(): SimRange {
    return this.part("getTotalRowRange", (_t, location) => {
      throw simError("InvalidOperation", "The table has no totals row.", location);
    });
  }

  /** New range as an address on the table's sheet ("B2:H20" or "Sheet1!B2:H20") or a Range. */
  resize(newRange: SimRange | string): void {
    const range = typeof newRange === "string" ? undefined : this.own(newRange);
    this.queueCall("Table.resize", (table, location) => {
      const model = this._context._workbook.model;
      const target: RangeTarget = range ? range._target(location) : model.locate(newRange, location, table.sheet);
      resizeTable(model, table, target.sheet, target.block, location);
    });
  }

  /** Deletes the table and clears its cells. */
  delete(): void {
    this.queueCall("Table.delete", (table, location) => removeTable(this._context._workbook.model, table, false, location));
  }

  /** Removes the table and keeps its cells; returns the range it covered. */
  convertToRange(): SimRange {
    let covered: RangeTarget | undefined;
    this.queueCall("Table.convertToRange", (table, location) => {
      covered = { sheet: table.sheet, block: tableBlock(table) };
      removeTable(this._context._workbook.model, table, true, location);
    });
    return new SimRange(
      this._context,
      () => {
        if (!covered) throw simError("ItemNotFound", "The table was not converted: Table.convertToRange failed.", "Table.convertToRange");
        return covered;
      },
      false,
    );
  }

  clearFilters(): void {
    this.queueCall("Table.clearFilters", () => undefined);
  }

  reapplyFilters(): void {
    this.queueCall("Table.reapplyFilters", () => undefined);
  }
}

/** Excel.TableCollection, of the workbook (`true`) or of one sheet. Names match ignoring case; ids match exactly. */
export class SimTableCollection extends SimCollection<SimSheet | true, SimTableModel, SimTable> {
  constructor(context: SimRequestContext, resolver: () => SimSheet | true | null, nullable: boolean) {
    super(context, "TableCollection", resolver, nullable);
  }

  protected itemsOf(scope: SimSheet | true): SimTableModel[] {
    const tables = liveTables(this._context._workbook.model.tables);
    return scope === true ? tables : tables.filter((t) => t.sheet === scope);
  }

  protected proxyFor(table: SimTableModel): SimTable {
    return new SimTable(this._context, () => table, false);
  }

  protected itemProperties(): readonly string[] {
    return ["name", "id", "legacyId", "showHeaders", "showTotals", "style", ...FLAGS];
  }

  private find(scope: SimSheet | true, key: string): SimTableModel | undefined {
    const lower = key.toLowerCase();
    return this.itemsOf(scope).find((t) => t.name.toLowerCase() === lower || t.id === key);
  }

  /** A table over `address` ("B2:F11" on this collection's sheet or the active sheet, or "Sheet1!B2:F11") or a Range. */
  add(address: SimRange | string, hasHeaders: boolean): SimTable {
    const range = typeof address === "string" ? undefined : this.own(address);
    let created: SimTableModel | undefined;
    this.queueCall("TableCollection.add", (scope, location) => {
      const model = this._context._workbook.model;
      const target: RangeTarget = range ? range._target(location) : model.locate(address, location, scope === true ? model.activeSheet : scope);
      created = createTable(model, target.sheet, target.block, hasHeaders, location);
    });
    return new SimTable(
      this._context,
      () => {
        if (!created) throw simError("ItemNotFound", "The table was not created: TableCollection.add failed.", "TableCollection.add");
        return created;
      },
      false,
    );
  }

  getItem(key: string): SimTable {
    return new SimTable(
      this._context,
      () => {
        const scope = this._resolve();
        if (scope === null) return null;
        const table = this.find(scope, key);
        if (!table) throw simError("ItemNotFound", `There is no table named ${JSON.stringify(key)}.`, "TableCollection.getItem");
        return table;
      },
      this._nullable,
    );
  }

  getItemOrNullObject(key: string): SimTable {
    return new SimTable(
      this._context,
      () => {
        const scope = this._resolve();
        return scope === null ? null : (this.find(scope, key) ?? null);
      },
      true,
    );
  }

  getItemAt(index: number): SimTable {
    return new SimTable(
      this._context,
      () => {
        const scope = this._resolve();
        if (scope === null) return null;
        const table = this.itemsOf(scope)[index];
        if (!table) throw simError("ItemNotFound", `There is no table at index ${index}.`, "TableCollection.getItemAt");
        return table;
      },
      this._nullable,
    );
  }
}
