import { columnLetters, formatAddress, parseAddress } from "../excel-sim/address";
import { isSimError } from "../excel-sim/cell-value";
import type { SimCellEntry, SimWorkbook } from "../excel-sim/sim-workbook";
import { h } from "../taskpane/dom";

/** Rows and columns the grid always shows, beyond what the sheet uses. */
const MIN_ROWS = 24;
const MIN_COLUMNS = 10;
const MARGIN = 3;

export const cellId = (address: string): string => `sim-cell-${address}`;

interface TableEdges {
  name: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * The active sheet as a grid: column letters, row numbers, what each cell shows (always as text),
 * tables outlined with their header row shaded, spilled values tinted, the active cell marked.
 * A formula shows on hover (title) and, for the active cell, in the formula bar.
 */
export function renderGrid(workbook: SimWorkbook): HTMLElement {
  const sheet = workbook.activeSheetName;
  const cells = new Map<string, SimCellEntry>();
  let lastRow = 0;
  let lastColumn = 0;
  for (const cell of workbook.cells(sheet)) {
    cells.set(`${cell.row},${cell.column}`, cell);
    lastRow = Math.max(lastRow, cell.row);
    lastColumn = Math.max(lastColumn, cell.column);
  }
  const tables: TableEdges[] = workbook.tables
    .filter((t) => t.sheet === sheet)
    .map((t) => {
      const a = parseAddress(t.address);
      lastRow = Math.max(lastRow, a.row + a.rowCount - 1);
      lastColumn = Math.max(lastColumn, a.column + a.columnCount - 1);
      return { name: t.name, top: a.row, left: a.column, bottom: a.row + a.rowCount - 1, right: a.column + a.columnCount - 1 };
    });
  const active = parseAddress(workbook.activeCellAddress);
  const rows = Math.max(MIN_ROWS, lastRow + 1 + MARGIN, active.row + 1 + MARGIN);
  const columns = Math.max(MIN_COLUMNS, lastColumn + 1 + MARGIN, active.column + 1 + MARGIN);

  const header = h(
    "tr",
    {},
    h("th", { class: "sim-corner", "aria-label": sheet }),
    ...Array.from({ length: columns }, (_, c) => h("th", { scope: "col", class: "sim-col-head" }, columnLetters(c))),
  );
  const body = Array.from({ length: rows }, (_, r) =>
    h(
      "tr",
      {},
      h("th", { scope: "row", class: "sim-row-head" }, String(r + 1)),
      ...Array.from({ length: columns }, (_, c) => gridCell(r, c, cells.get(`${r},${c}`), tables, active.row === r && active.column === c)),
    ),
  );
  return h(
    "table",
    {
      id: "sim-grid",
      class: "sim-grid",
      role: "grid",
      tabindex: 0,
      "aria-label": `Sheet ${sheet} (simulated)`,
      "aria-activedescendant": cellId(formatAddress({ ...active, sheet: undefined })),
      "data-sheet": sheet,
    },
    h("thead", {}, header),
    h("tbody", {}, ...body),
  );
}

function gridCell(row: number, column: number, cell: SimCellEntry | undefined, tables: TableEdges[], active: boolean): HTMLElement {
  const address = `${columnLetters(column)}${row + 1}`;
  const classes = ["sim-cell"];
  let tableName: string | undefined;
  for (const t of tables) {
    if (row < t.top || row > t.bottom || column < t.left || column > t.right) continue;
    tableName = t.name;
    classes.push("sim-in-table");
    if (row === t.top) classes.push("sim-table-header", "sim-edge-top");
    if (row === t.bottom) classes.push("sim-edge-bottom");
    if (column === t.left) classes.push("sim-edge-left");
    if (column === t.right) classes.push("sim-edge-right");
  }
  if (cell?.spilled) classes.push("sim-spilled");
  if (cell?.formula !== undefined) classes.push("sim-formula");
  if (cell && typeof cell.value === "number") classes.push("sim-number");
  if (cell && isSimError(cell.value)) classes.push("sim-error");
  if (cell?.bold) classes.push("sim-bold");
  if (active) classes.push("sim-active");

  const hover = [
    address,
    tableName ? `table ${tableName}` : "",
    cell?.formula ?? "",
    cell && isSimError(cell.value) && cell.value.message ? cell.value.message : "",
    cell?.spilled ? "spilled" : "",
  ].filter(Boolean);
  return h(
    "td",
    {
      id: cellId(address),
      class: classes.join(" "),
      role: "gridcell",
      "data-address": address,
      "data-formula": cell?.formula,
      "data-table": tableName,
      "aria-selected": active ? "true" : undefined,
      title: hover.length > 1 ? hover.join("\n") : undefined,
    },
    cell ? cell.text : "",
  );
}
