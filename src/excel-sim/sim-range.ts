import { MAX_COLUMNS, MAX_ROWS, formatAddress, rangesOverlap } from "./address";
import { SimClientObject } from "./client-object";
import { simError } from "./errors";
import { clearRange, readRange, writeContents, writeNumberFormat, type ClearApplyTo, type ReadKind } from "./range-ops";
import type { SimRequestContext } from "./request-context";
import { SimRangeFormat } from "./sim-range-format";
import type { CellBlock, SimSheet } from "./sim-sheet";
import { SimWorksheet } from "./sim-worksheet";

export interface RangeTarget {
  sheet: SimSheet;
  block: CellBlock;
}

const PROPERTIES = [
  "address",
  "addressLocal",
  "cellCount",
  "columnCount",
  "columnIndex",
  "rowCount",
  "rowIndex",
  "isEntireColumn",
  "isEntireRow",
  "values",
  "formulas",
  "formulasLocal",
  "numberFormat",
  "text",
  "valueTypes",
] as const;

const READS: Record<string, ReadKind> = { values: "values", formulas: "formulas", formulasLocal: "formulas", numberFormat: "numberFormat", text: "text", valueTypes: "valueTypes" };

/** Throws when a computed block leaves the grid (Excel rejects such ranges as InvalidArgument). */
export function onGrid(block: CellBlock, location: string): CellBlock {
  if (!Number.isInteger(block.row) || !Number.isInteger(block.column) || !Number.isInteger(block.rowCount) || !Number.isInteger(block.columnCount)) {
    throw simError("InvalidArgument", "Row and column numbers must be whole numbers.", location);
  }
  if (block.rowCount < 1 || block.columnCount < 1) throw simError("InvalidArgument", "A range needs at least one row and one column.", location);
  if (block.row < 0 || block.column < 0 || block.row + block.rowCount > MAX_ROWS || block.column + block.columnCount > MAX_COLUMNS) {
    throw simError("InvalidArgument", `The range would lie off the sheet (rows 1 to ${MAX_ROWS}, columns A to XFD).`, location);
  }
  return block;
}

/** Excel.Range. */
export class SimRange extends SimClientObject<RangeTarget> {
  constructor(context: SimRequestContext, resolver: () => RangeTarget | null, nullable: boolean) {
    super(context, "Range", resolver, nullable);
  }

  protected loadableProperties(): readonly string[] {
    return PROPERTIES;
  }

  protected readProperty(target: RangeTarget, property: string): unknown {
    const { sheet, block } = target;
    switch (property) {
      case "address":
      case "addressLocal":
        return formatAddress({ sheet: sheet.name, ...block });
      case "cellCount":
        return block.rowCount * block.columnCount;
      case "columnCount":
        return block.columnCount;
      case "columnIndex":
        return block.column;
      case "rowCount":
        return block.rowCount;
      case "rowIndex":
        return block.row;
      case "isEntireColumn":
        return block.row === 0 && block.rowCount === MAX_ROWS;
      case "isEntireRow":
        return block.column === 0 && block.columnCount === MAX_COLUMNS;
      default:
        return readRange(sheet, block, READS[property]!, `Range.${property}`);
    }
  }

  protected override navigation(name: string): SimClientObject<unknown> | undefined {
    if (name === "format") return this.format;
    if (name === "worksheet") return this.worksheet;
    return undefined;
  }

  get address(): string {
    return this.getProperty("address") as string;
  }
  get addressLocal(): string {
    return this.getProperty("addressLocal") as string;
  }
  get cellCount(): number {
    return this.getProperty("cellCount") as number;
  }
  get columnCount(): number {
    return this.getProperty("columnCount") as number;
  }
  get columnIndex(): number {
    return this.getProperty("columnIndex") as number;
  }
  get rowCount(): number {
    return this.getProperty("rowCount") as number;
  }
  get rowIndex(): number {
    return this.getProperty("rowIndex") as number;
  }
  get isEntireColumn(): boolean {
    return this.getProperty("isEntireColumn") as boolean;
  }
  get isEntireRow(): boolean {
    return this.getProperty("isEntireRow") as boolean;
  }
  get text(): string[][] {
    return this.getProperty("text") as string[][];
  }
  get valueTypes(): string[][] {
    return this.getProperty("valueTypes") as string[][];
  }

  get values(): unknown[][] {
    return this.getProperty("values") as unknown[][];
  }
  set values(input: unknown[][]) {
    this.setProperty("values", input, (t, location) => writeContents(this._context._workbook.model, t.sheet, t.block, input, location));
  }

  get formulas(): unknown[][] {
    return this.getProperty("formulas") as unknown[][];
  }
  set formulas(input: unknown[][]) {
    this.setProperty("formulas", input, (t, location) => writeContents(this._context._workbook.model, t.sheet, t.block, input, location));
  }

  get formulasLocal(): unknown[][] {
    return this.getProperty("formulasLocal") as unknown[][];
  }
  set formulasLocal(input: unknown[][]) {
    this.setProperty("formulasLocal", input, (t, location) => writeContents(this._context._workbook.model, t.sheet, t.block, input, location));
  }

  get numberFormat(): unknown[][] {
    return this.getProperty("numberFormat") as unknown[][];
  }
  set numberFormat(input: unknown[][]) {
    this.setProperty("numberFormat", input, (t, location) => writeNumberFormat(t.sheet, t.block, input, location));
  }

  get format(): SimRangeFormat {
    return this.nav("format", () => new SimRangeFormat(this._context, () => this._resolve(), this._nullable));
  }

  get worksheet(): SimWorksheet {
    return this.nav("worksheet", () => new SimWorksheet(this._context, () => this._resolve()?.sheet ?? null, this._nullable));
  }

  /** A range computed from this one when first used; `f` returns null for "no such range" (null objects). */
  private derive(name: string, f: (t: RangeTarget, location: string) => CellBlock | null, nullable = this._nullable): SimRange {
    const location = `Range.${name}`;
    return new SimRange(
      this._context,
      () => {
        const t = this._resolve();
        if (t === null) return null;
        const block = f(t, location);
        return block === null ? null : { sheet: t.sheet, block: onGrid(block, location) };
      },
      nullable,
    );
  }

  getCell(row: number, column: number): SimRange {
    return this.derive("getCell", (t) => ({ row: t.block.row + row, column: t.block.column + column, rowCount: 1, columnCount: 1 }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): SimRange {
    return this.derive("getOffsetRange", (t) => ({ ...t.block, row: t.block.row + rowOffset, column: t.block.column + columnOffset }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): SimRange {
    return this.derive("getResizedRange", (t) => ({ ...t.block, rowCount: t.block.rowCount + deltaRows, columnCount: t.block.columnCount + deltaColumns }));
  }

  getRow(row: number): SimRange {
    return this.derive("getRow", (t, location) => {
      inside(row, t.block.rowCount, "Row", location);
      return { ...t.block, row: t.block.row + row, rowCount: 1 };
    });
  }

  getColumn(column: number): SimRange {
    return this.derive("getColumn", (t, location) => {
      inside(column, t.block.columnCount, "Column", location);
      return { ...t.block, column: t.block.column + column, columnCount: 1 };
    });
  }

  getLastRow(): SimRange {
    return this.derive("getLastRow", (t) => ({ ...t.block, row: t.block.row + t.block.rowCount - 1, rowCount: 1 }));
  }

  getLastColumn(): SimRange {
    return this.derive("getLastColumn", (t) => ({ ...t.block, column: t.block.column + t.block.columnCount - 1, columnCount: 1 }));
  }

  getLastCell(): SimRange {
    return this.derive("getLastCell", (t) => ({ row: t.block.row + t.block.rowCount - 1, column: t.block.column + t.block.columnCount - 1, rowCount: 1, columnCount: 1 }));
  }

  getEntireColumn(): SimRange {
    return this.derive("getEntireColumn", (t) => ({ ...t.block, row: 0, rowCount: MAX_ROWS }));
  }

  getEntireRow(): SimRange {
    return this.derive("getEntireRow", (t) => ({ ...t.block, column: 0, columnCount: MAX_COLUMNS }));
  }

  /** The part of the sheet's used range inside this range. */
  getUsedRange(valuesOnly?: boolean): SimRange {
    return this.derive("getUsedRange", (t, location) => {
      const used = this.usedWithin(t, valuesOnly === true);
      if (!used) throw simError("ItemNotFound", "The range holds nothing, so it has no used range.", location);
      return used;
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): SimRange {
    return this.derive("getUsedRangeOrNullObject", (t) => this.usedWithin(t, valuesOnly === true) ?? null, true);
  }

  private usedWithin(t: RangeTarget, valuesOnly: boolean): CellBlock | null {
    const model = this._context._workbook.model;
    model.recalculateIfDirty();
    const used = model.usedBlock(t.sheet, valuesOnly);
    return used ? intersect(used, t.block) : null;
  }

  getIntersection(other: SimRange | string): SimRange {
    return this.combine("getIntersection", other, (a, b, location) => {
      const block = intersect(a, b);
      if (!block) throw simError("InvalidArgument", "The ranges do not intersect.", location);
      return block;
    }, this._nullable);
  }

  getIntersectionOrNullObject(other: SimRange | string): SimRange {
    return this.combine("getIntersectionOrNullObject", other, (a, b) => intersect(a, b), true);
  }

  getBoundingRect(other: SimRange | string): SimRange {
    return this.combine("getBoundingRect", other, (a, b) => {
      const row = Math.min(a.row, b.row);
      const column = Math.min(a.column, b.column);
      return { row, column, rowCount: Math.max(a.row + a.rowCount, b.row + b.rowCount) - row, columnCount: Math.max(a.column + a.columnCount, b.column + b.columnCount) - column };
    }, this._nullable);
  }

  private combine(name: string, other: SimRange | string, f: (a: CellBlock, b: CellBlock, location: string) => CellBlock | null, nullable: boolean): SimRange {
    const otherRange = typeof other === "string" ? undefined : this.own(other);
    return this.derive(
      name,
      (t, location) => {
        const model = this._context._workbook.model;
        const b = otherRange ? otherRange._target(location) : model.locate(other, location, t.sheet);
        if (b.sheet !== t.sheet) throw simError("InvalidArgument", "The ranges are on different sheets.", location);
        return f(t.block, b.block, location);
      },
      nullable,
    );
  }

  /** The range a dynamic array spills into, when this range's first cell is a spilling formula. */
  getSpillingToRangeOrNullObject(): SimRange {
    return this.derive("getSpillingToRangeOrNullObject", (t) => {
      this._context._workbook.model.recalculateIfDirty();
      return t.sheet.spillOf(t.block.row, t.block.column) ?? null;
    }, true);
  }

  /** The formula cell whose spill covers this single cell. */
  getSpillParentOrNullObject(): SimRange {
    return this.derive("getSpillParentOrNullObject", (t, location) => {
      if (t.block.rowCount * t.block.columnCount !== 1) throw simError("InvalidArgument", "getSpillParentOrNullObject needs a single cell.", location);
      this._context._workbook.model.recalculateIfDirty();
      const parent = t.sheet.spillParentOf(t.block.row, t.block.column);
      return parent ? { ...parent, rowCount: 1, columnCount: 1 } : null;
    }, true);
  }

  clear(applyTo: ClearApplyTo = "All"): void {
    this.queueCall("Range.clear", (t, location) => clearRange(this._context._workbook.model, t.sheet, t.block, applyTo, location));
  }

  select(): void {
    this.queueCall("Range.select", (t) => this._context._workbook.model.select(t.sheet, t.block));
  }
}

function inside(index: number, count: number, what: string, location: string): void {
  if (!Number.isInteger(index) || index < 0 || index >= count) throw simError("InvalidArgument", `${what} ${index} is outside the range (0 to ${count - 1}).`, location);
}

function intersect(a: CellBlock, b: CellBlock): CellBlock | null {
  if (!rangesOverlap(a, b)) return null;
  const row = Math.max(a.row, b.row);
  const column = Math.max(a.column, b.column);
  return { row, column, rowCount: Math.min(a.row + a.rowCount, b.row + b.rowCount) - row, columnCount: Math.min(a.column + a.columnCount, b.column + b.columnCount) - column };
}
