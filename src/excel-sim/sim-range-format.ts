import { SimClientObject } from "./client-object";
import { autofitColumns, readCellFormat, readColumnWidth, readRowHeight, writeCellFormat, writeColumnWidth, writeRowHeight } from "./range-format-ops";
import type { SimRequestContext } from "./request-context";
import type { RangeTarget } from "./sim-range";
import { DEFAULT_ROW_HEIGHT } from "./sim-sheet";

/** Excel.RangeFormat: column width and row height in points, horizontal alignment, autofit, and the font. */
export class SimRangeFormat extends SimClientObject<RangeTarget> {
  constructor(context: SimRequestContext, resolver: () => RangeTarget | null, nullable: boolean) {
    super(context, "RangeFormat", resolver, nullable);
  }

  protected loadableProperties(): readonly string[] {
    return ["columnWidth", "rowHeight", "horizontalAlignment"];
  }

  protected readProperty(target: RangeTarget, property: string): unknown {
    if (property === "columnWidth") return readColumnWidth(target.sheet, target.block);
    if (property === "rowHeight") return readRowHeight(target.sheet, target.block);
    return readCellFormat(target.sheet, target.block, "horizontalAlignment");
  }

  protected override navigation(name: string): SimClientObject<unknown> | undefined {
    return name === "font" ? this.font : undefined;
  }

  get columnWidth(): number {
    return this.getProperty("columnWidth") as number;
  }
  set columnWidth(width: number) {
    this.setProperty("columnWidth", width, (t, location) => writeColumnWidth(t.sheet, t.block, width, location));
  }

  get rowHeight(): number {
    return this.getProperty("rowHeight") as number;
  }
  set rowHeight(height: number) {
    this.setProperty("rowHeight", height, (t, location) => writeRowHeight(t.sheet, t.block, height, location));
  }

  get horizontalAlignment(): string {
    return this.getProperty("horizontalAlignment") as string;
  }
  set horizontalAlignment(alignment: string) {
    this.setProperty("horizontalAlignment", alignment, (t, location) => writeCellFormat(t.sheet, t.block, "horizontalAlignment", alignment, location));
  }

  get font(): SimRangeFont {
    return this.nav("font", () => new SimRangeFont(this._context, () => this._resolve(), this._nullable));
  }

  autofitColumns(): void {
    this.queueCall("RangeFormat.autofitColumns", (t) => {
      this._context._workbook.model.recalculateIfDirty();
      autofitColumns(t.sheet, t.block);
    });
  }

  /** Rows take the default height: the stand-in does not model wrapped text or font sizes. */
  autofitRows(): void {
    this.queueCall("RangeFormat.autofitRows", (t, location) => writeRowHeight(t.sheet, t.block, DEFAULT_ROW_HEIGHT, location));
  }
}

/** Excel.RangeFont: only `bold` is modelled. */
export class SimRangeFont extends SimClientObject<RangeTarget> {
  constructor(context: SimRequestContext, resolver: () => RangeTarget | null, nullable: boolean) {
    super(context, "RangeFont", resolver, nullable);
  }

  protected loadableProperties(): readonly string[] {
    return ["bold"];
  }

  protected readProperty(target: RangeTarget): unknown {
    return readCellFormat(target.sheet, target.block, "bold");
  }

  get bold(): boolean {
    return this.getProperty("bold") as boolean;
  }
  set bold(bold: boolean) {
    this.setProperty("bold", bold, (t, location) => writeCellFormat(t.sheet, t.block, "bold", bold, location));
  }
}
