import { SimClientObject } from "./client-object";
import { SimEventHandlers } from "./sim-events";
import { simError } from "./errors";
import type { SimRequestContext } from "./request-context";
import { SimRange } from "./sim-range";
import { SimSettingCollection } from "./sim-settings";
import { SimTableCollection } from "./sim-table";
import { SimWorksheetCollection } from "./sim-worksheet";

/** Excel.Workbook. */
export class SimWorkbookProxy extends SimClientObject<true> {
  constructor(context: SimRequestContext) {
    super(context, "Workbook", () => true, false);
  }

  protected loadableProperties(): readonly string[] {
    return ["name"];
  }

  protected readProperty(): unknown {
    return "Book1.xlsx";
  }

  protected override navigation(name: string): SimClientObject<unknown> | undefined {
    if (name === "worksheets") return this.worksheets;
    if (name === "tables") return this.tables;
    if (name === "settings") return this.settings;
    if (name === "application") return this.application;
    return undefined;
  }

  get name(): string {
    return this.getProperty("name") as string;
  }

  private selectionHandlers: SimEventHandlers<unknown> | undefined;

  /** Occurs when the selection changes (ExcelApi 1.2); the handler gets `{ workbook }` (Excel.SelectionChangedEventArgs). */
  get onSelectionChanged(): SimEventHandlers<unknown> {
    this.selectionHandlers ??= new SimEventHandlers(this._context, "Workbook.onSelectionChanged", this._context._workbook.selectionChanged, () => ({ workbook: this }));
    return this.selectionHandlers;
  }

  get worksheets(): SimWorksheetCollection {
    return this.nav("worksheets", () => new SimWorksheetCollection(this._context));
  }

  get tables(): SimTableCollection {
    return this.nav("tables", () => new SimTableCollection(this._context, () => true, false));
  }

  get settings(): SimSettingCollection {
    return this.nav("settings", () => new SimSettingCollection(this._context));
  }

  get application(): SimApplication {
    return this.nav("application", () => new SimApplication(this._context));
  }

  getActiveCell(): SimRange {
    return new SimRange(
      this._context,
      () => {
        const s = this._context._workbook.model.selection;
        return { sheet: s.sheet, block: { row: s.row, column: s.column, rowCount: 1, columnCount: 1 } };
      },
      false,
    );
  }

  getSelectedRange(): SimRange {
    return new SimRange(
      this._context,
      () => {
        const s = this._context._workbook.model.selection;
        return { sheet: s.sheet, block: { ...s.block } };
      },
      false,
    );
  }
}

const MODES = ["Automatic", "AutomaticExceptTables", "Manual"] as const;

/** Excel.Application: calculation mode and recalculation; suspending calls are accepted and do nothing. */
export class SimApplication extends SimClientObject<true> {
  constructor(context: SimRequestContext) {
    super(context, "Application", () => true, false);
  }

  protected loadableProperties(): readonly string[] {
    return ["calculationMode"];
  }

  protected readProperty(): unknown {
    return this._context._workbook.model.calculationMode;
  }

  get calculationMode(): string {
    return this.getProperty("calculationMode") as string;
  }
  set calculationMode(mode: string) {
    this.setProperty("calculationMode", mode, (_t, location) => {
      const known = MODES.find((m) => m === mode);
      if (!known) throw simError("InvalidArgument", `Unknown calculation mode ${JSON.stringify(mode)}.`, location);
      this._context._workbook.model.calculationMode = known;
    });
  }

  calculate(_calculationType?: string): void {
    this.queueCall("Application.calculate", () => this._context._workbook.model.recalculate());
  }

  suspendApiCalculationUntilNextSync(): void {
    this.queueCall("Application.suspendApiCalculationUntilNextSync", () => undefined);
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this.queueCall("Application.suspendScreenUpdatingUntilNextSync", () => undefined);
  }
}
