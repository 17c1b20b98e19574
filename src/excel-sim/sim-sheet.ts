import { MAX_COLUMNS, type RangeAddress } from "./address";
import type { EvaluatedValue } from "./cell-value";

/** One stored cell. `value` of a formula cell is its last calculated result. */
export interface StoredCell {
  value: EvaluatedValue;
  formula?: string;
  numberFormat?: string;
  bold?: boolean;
  horizontalAlignment?: string;
}

/** A block of cells on one sheet, zero-based. */
export interface CellBlock {
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;

function keyOf(row: number, column: number): number {
  return row * MAX_COLUMNS + column;
}

/**
 * A worksheet: a sparse grid of stored cells, column widths and row heights (in points, as
 * Office.js reports them), and the values spilled by dynamic-array formulas, which live apart
 * from the stored cells because they are not content (writing over one blocks the spill).
 */
export class SimSheet {
  name: string;
  readonly id: string;
  private readonly cells = new Map<number, StoredCell>();
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  /** Spilled values by cell key, and each spilling anchor's block. */
  readonly spilled = new Map<number, EvaluatedValue>();
  readonly spills = new Map<number, CellBlock>();

  constructor(name: string, id: string) {
    this.name = name;
    this.id = id;
  }

  cell(row: number, column: number): StoredCell | undefined {
    return this.cells.get(keyOf(row, column));
  }

  /** The stored cell, created empty when missing. */
  ensure(row: number, column: number): StoredCell {
    const key = keyOf(row, column);
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { value: "" };
      this.cells.set(key, cell);
    }
    return cell;
  }

  /** Forgets a cell that holds nothing and has no format. */
  prune(row: number, column: number): void {
    const key = keyOf(row, column);
    const cell = this.cells.get(key);
    if (cell && cell.value === "" && cell.formula === undefined && cell.numberFormat === undefined && !cell.bold && cell.horizontalAlignment === undefined) {
      this.cells.delete(key);
    }
  }

  /** True when the cell holds a value or a formula of its own (a spilled value does not count). */
  hasContent(row: number, column: number): boolean {
    const cell = this.cells.get(keyOf(row, column));
    return cell !== undefined && (cell.value !== "" || cell.formula !== undefined);
  }

  /** What the cell shows: its own value, or the value spilled into it, or "". */
  valueAt(row: number, column: number): EvaluatedValue {
    const key = keyOf(row, column);
    const cell = this.cells.get(key);
    if (cell && (cell.value !== "" || cell.formula !== undefined)) return cell.value;
    return this.spilled.get(key) ?? "";
  }

  /** Every spilled value, as [row, column, value]. */
  *spilledEntries(): Generator<[number, number, EvaluatedValue]> {
    for (const [key, value] of this.spilled) yield [Math.floor(key / MAX_COLUMNS), key % MAX_COLUMNS, value];
  }

  spilledAt(row: number, column: number): EvaluatedValue | undefined {
    return this.spilled.get(keyOf(row, column));
  }

  setSpilled(row: number, column: number, value: EvaluatedValue): void {
    this.spilled.set(keyOf(row, column), value);
  }

  spillOf(row: number, column: number): CellBlock | undefined {
    return this.spills.get(keyOf(row, column));
  }

  setSpill(row: number, column: number, block: CellBlock): void {
    this.spills.set(keyOf(row, column), block);
  }

  /** The anchor whose spill covers the cell (the anchor itself included). */
  spillParentOf(row: number, column: number): { row: number; column: number } | undefined {
    for (const [key, block] of this.spills) {
      if (row >= block.row && row < block.row + block.rowCount && column >= block.column && column < block.column + block.columnCount) {
        return { row: Math.floor(key / MAX_COLUMNS), column: key % MAX_COLUMNS };
      }
    }
    return undefined;
  }

  /** Every stored cell, row by row. */
  *entries(): Generator<[number, number, StoredCell]> {
    const keys = [...this.cells.keys()].sort((a, b) => a - b);
    for (const key of keys) yield [Math.floor(key / MAX_COLUMNS), key % MAX_COLUMNS, this.cells.get(key)!];
  }

  /** Stored cells inside a block, row by row. */
  *entriesIn(block: CellBlock): Generator<[number, number, StoredCell]> {
    if (block.rowCount * block.columnCount <= this.cells.size) {
      for (let r = block.row; r < block.row + block.rowCount; r++) {
        for (let c = block.column; c < block.column + block.columnCount; c++) {
          const cell = this.cells.get(keyOf(r, c));
          if (cell) yield [r, c, cell];
        }
      }
      return;
    }
    for (const entry of this.entries()) {
      const [r, c] = entry;
      if (r >= block.row && r < block.row + block.rowCount && c >= block.column && c < block.column + block.columnCount) yield entry;
    }
  }

  /** Moves every stored cell in `block` by (dRows, dColumns); cells moved onto are replaced. */
  moveCells(block: CellBlock, dRows: number, dColumns: number): void {
    const moving = [...this.entriesIn(block)];
    for (const [r, c] of moving) this.cells.delete(keyOf(r, c));
    for (const [r, c, cell] of moving) this.cells.set(keyOf(r + dRows, c + dColumns), cell);
  }

  deleteCell(row: number, column: number): void {
    this.cells.delete(keyOf(row, column));
  }

  columnWidth(column: number): number {
    return this.columnWidths.get(column) ?? DEFAULT_COLUMN_WIDTH;
  }

  rowHeight(row: number): number {
    return this.rowHeights.get(row) ?? DEFAULT_ROW_HEIGHT;
  }

  get storedCellCount(): number {
    return this.cells.size;
  }
}

export function blockOf(range: RangeAddress): CellBlock {
  return { row: range.row, column: range.column, rowCount: range.rowCount, columnCount: range.columnCount };
}
