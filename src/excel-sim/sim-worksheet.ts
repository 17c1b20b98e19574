import { MAX_COLUMNS, MAX_ROWS } from "./address";
import { SimClientObject } from "./client-object";
import { simError } from "./errors";
import { checkSheetName } from "./names";
import type { SimRequestContext } from "./request-context";
import { SimCollection } from "./sim-collection";
import { SimRange, onGrid, type RangeTarget } from "./sim-range";
import type { SimSheet } from "./sim-sheet";
import { SimTableCollection } from "./sim-table";
import { SimChartCollection } from "./sim-chart";

/** Excel.Worksheet. */
export class SimWorksheet extends SimClientObject<SimSheet> {
  constructor(context: SimRequestContext, resolver: () => SimSheet | null, nullable: boolean) {
    super(context, "Worksheet", resolver, nullable);
  }

  protected loadableProperties(): readonly string[] {
    return ["name", "id", "position", "visibility"];
  }

  protected readProperty(sheet: SimSheet, property: string): unknown {
    const model = this._context._workbook.model;
    if (property === "name") return sheet.name;
    if (property === "id") return sheet.id;
    if (property === "position") return model.sheets.indexOf(sheet);
    return "Visible";
  }

  protected override goneReason(sheet: SimSheet): string | undefined {
    return this._context._workbook.model.sheets.includes(sheet) ? undefined : `The sheet "${sheet.name}" was deleted.`;
  }

  protected override navigation(name: string): SimClientObject<unknown> | undefined {
    if (name === "charts") return this.charts;
    return name === "tables" ? this.tables : undefined;
  }

  get name(): string {
    return this.getProperty("name") as string;
  }
  set name(name: string) {
    this.setProperty("name", name, (sheet, location) => {
      if (name === sheet.name) return;
      const others = this._context._workbook.model.sheets.filter((s) => s !== sheet).map((s) => s.name);
      sheet.name = checkSheetName(name, others, location);
    });
  }

  get id(): string {
    return this.getProperty("id") as string;
  }
  get position(): number {
    return this.getProperty("position") as number;
  }
  get visibility(): string {
    return this.getProperty("visibility") as string;
  }

  get tables(): SimTableCollection {
    return this.nav("tables", () => new SimTableCollection(this._context, () => this._resolve(), this._nullable));
  }

  get charts(): SimChartCollection {
    return this.nav("charts", () => new SimChartCollection(this._context, () => this._resolve(), this._nullable));
  }

  private range(resolve: (sheet: SimSheet, location: string) => RangeTarget | null, name: string, nullable = this._nullable): SimRange {
    const location = `Worksheet.${name}`;
    return new SimRange(
      this._context,
      () => {
        const sheet = this._resolve();
        return sheet === null ? null : resolve(sheet, location);
      },
      nullable,
    );
  }

  /** The range at `address` on this sheet; the whole sheet without one. */
  getRange(address?: string): SimRange {
    return this.range((sheet, location) => {
      if (address === undefined || address === "") return { sheet, block: { row: 0, column: 0, rowCount: MAX_ROWS, columnCount: MAX_COLUMNS } };
      const model = this._context._workbook.model;
      const parsed = model.parse(address, location);
      if (parsed.sheet !== undefined && model.findSheet(parsed.sheet) !== sheet) {
        throw simError("InvalidArgument", `The address ${JSON.stringify(address)} names another sheet than "${sheet.name}".`, location);
      }
      return { sheet, block: { row: parsed.row, column: parsed.column, rowCount: parsed.rowCount, columnCount: parsed.columnCount } };
    }, "getRange");
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): SimRange {
    return this.range((sheet, location) => ({ sheet, block: onGrid({ row: startRow, column: startColumn, rowCount, columnCount }, location) }), "getRangeByIndexes");
  }

  getCell(row: number, column: number): SimRange {
    return this.range((sheet, location) => ({ sheet, block: onGrid({ row, column, rowCount: 1, columnCount: 1 }, location) }), "getCell");
  }

  /** The used range; "A1" when the sheet is empty, as in Excel. */
  getUsedRange(valuesOnly?: boolean): SimRange {
    return this.range((sheet) => {
      const model = this._context._workbook.model;
      model.recalculateIfDirty();
      return { sheet, block: model.usedBlock(sheet, valuesOnly === true) ?? { row: 0, column: 0, rowCount: 1, columnCount: 1 } };
    }, "getUsedRange");
  }

  /** The used range, or a null object when the sheet is empty. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): SimRange {
    return this.range(
      (sheet) => {
        const model = this._context._workbook.model;
        model.recalculateIfDirty();
        const block = model.usedBlock(sheet, valuesOnly === true);
        return block ? { sheet, block } : null;
      },
      "getUsedRangeOrNullObject",
      true,
    );
  }

  activate(): void {
    this.queueCall("Worksheet.activate", (sheet) => {
      const model = this._context._workbook.model;
      if (model.activeSheet !== sheet) model.select(sheet, { row: 0, column: 0, rowCount: 1, columnCount: 1 });
    });
  }
}

/** Excel.WorksheetCollection. Sheet names match ignoring case, as in Excel. */
export class SimWorksheetCollection extends SimCollection<true, SimSheet, SimWorksheet> {
  constructor(context: SimRequestContext) {
    super(context, "WorksheetCollection", () => true, false);
  }

  protected itemsOf(): SimSheet[] {
    return [...this._context._workbook.model.sheets];
  }

  protected proxyFor(sheet: SimSheet): SimWorksheet {
    return new SimWorksheet(this._context, () => sheet, false);
  }

  protected override hasCount(): boolean {
    return false;
  }

  protected itemProperties(): readonly string[] {
    return ["name", "id", "position", "visibility"];
  }

  getActiveWorksheet(): SimWorksheet {
    return new SimWorksheet(this._context, () => this._context._workbook.model.activeSheet, false);
  }

  getItem(key: string): SimWorksheet {
    return new SimWorksheet(
      this._context,
      () => {
        const sheet = this._context._workbook.model.findSheet(key);
        if (!sheet) throw simError("ItemNotFound", `There is no sheet named ${JSON.stringify(key)}.`, "WorksheetCollection.getItem");
        return sheet;
      },
      false,
    );
  }

  getItemOrNullObject(key: string): SimWorksheet {
    return new SimWorksheet(this._context, () => this._context._workbook.model.findSheet(key) ?? null, true);
  }

  /** Adds a sheet ("Sheet<n>" without a name); the sheet does not become active, as in Excel. */
  add(name?: string): SimWorksheet {
    let created: SimSheet | undefined;
    this.queueCall("WorksheetCollection.add", (_t, location) => {
      created = this._context._workbook.model.addSheet(name, location);
    });
    return new SimWorksheet(
      this._context,
      () => {
        if (!created) throw simError("ItemNotFound", "The sheet was not created: WorksheetCollection.add failed.", "WorksheetCollection.add");
        return created;
      },
      false,
    );
  }
}
