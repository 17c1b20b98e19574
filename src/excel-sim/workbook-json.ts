import { formatAddress, parseAddress } from "./address";
import { isSimError, type CellValue } from "./cell-value";
import type { SimSheet } from "./sim-sheet";
import type { SimTableModel } from "./table-model";
import { WorkbookModel } from "./workbook-model";
import { chartFromJson, chartToJson, liveCharts, type ChartJson } from "./chart-model";

/** A saved workbook. Formula values are not saved: reopening recalculates them. */
export interface SimWorkbookJson {
  format: "aimarket-excel-sim";
  version: 1;
  sheets: SheetJson[];
  tables: TableJson[];
  /** Setting key -> value, as the add-in stored it. */
  settings: Record<string, unknown>;
  activeSheet: string;
  /** "Sheet1!B2:C3". */
  selection: string;
  /** "Sheet1!B2". */
  activeCell: string;
  nextTableId: number;
  nextSheetId: number;
  /** Added later: a workbook saved before charts existed has none. */
  charts?: ChartJson[];
  nextChartId?: number;
}

interface SheetJson {
  name: string;
  id: string;
  cells: CellJson[];
  columnWidths: Record<string, number>;
  rowHeights: Record<string, number>;
}

interface CellJson {
  address: string;
  value?: CellValue;
  formula?: string;
  numberFormat?: string;
  bold?: boolean;
  horizontalAlignment?: string;
}

interface TableJson {
  id: string;
  name: string;
  /** "Sheet1!B2:F11". */
  address: string;
  style: string;
  showBandedRows: boolean;
  showBandedColumns: boolean;
  showFilterButton: boolean;
  highlightFirstColumn: boolean;
  highlightLastColumn: boolean;
  columnIds: number[];
  nextColumnId: number;
}

const cellAddress = (row: number, column: number) => formatAddress({ row, column, rowCount: 1, columnCount: 1 });

export function modelToJson(model: WorkbookModel): SimWorkbookJson {
  const settings: Record<string, unknown> = {};
  for (const [key, json] of model.settings) settings[key] = JSON.parse(json);
  const s = model.selection;
  return {
    format: "aimarket-excel-sim",
    version: 1,
    sheets: model.sheets.map(sheetToJson),
    tables: model.tables.filter((t) => !t.deleted).map(tableToJson),
    settings,
    activeSheet: model.activeSheet.name,
    selection: model.address(s.sheet, s.block),
    activeCell: formatAddress({ sheet: s.sheet.name, row: s.row, column: s.column, rowCount: 1, columnCount: 1 }),
    nextTableId: model.nextTableId,
    nextSheetId: model.nextSheetId,
    charts: liveCharts(model).map(chartToJson),
    nextChartId: model.nextChartId,
  };
}

function sheetToJson(sheet: SimSheet): SheetJson {
  const cells: CellJson[] = [];
  for (const [r, c, cell] of sheet.entries()) {
    const json: CellJson = { address: cellAddress(r, c) };
    if (cell.formula !== undefined) json.formula = cell.formula;
    else if (cell.value !== "" && !isSimError(cell.value)) json.value = cell.value;
    if (cell.numberFormat !== undefined) json.numberFormat = cell.numberFormat;
    if (cell.bold) json.bold = true;
    if (cell.horizontalAlignment !== undefined) json.horizontalAlignment = cell.horizontalAlignment;
    cells.push(json);
  }
  return {
    name: sheet.name,
    id: sheet.id,
    cells,
    columnWidths: Object.fromEntries([...sheet.columnWidths].map(([k, v]) => [String(k), v])),
    rowHeights: Object.fromEntries([...sheet.rowHeights].map(([k, v]) => [String(k), v])),
  };
}

function tableToJson(t: SimTableModel): TableJson {
  return {
    id: t.id,
    name: t.name,
    address: formatAddress({ sheet: t.sheet.name, row: t.row, column: t.column, rowCount: t.rowCount, columnCount: t.columnCount }),
    style: t.style,
    showBandedRows: t.showBandedRows,
    showBandedColumns: t.showBandedColumns,
    showFilterButton: t.showFilterButton,
    highlightFirstColumn: t.highlightFirstColumn,
    highlightLastColumn: t.highlightLastColumn,
    columnIds: [...t.columnIds],
    nextColumnId: t.nextColumnId,
  };
}

function fail(what: string): never {
  throw new Error(`Not a saved Excel stand-in workbook: ${what}.`);
}

/** Rebuilds a model from `modelToJson` output; throws on anything that is not one. */
export function modelFromJson(input: unknown): WorkbookModel {
  const json = input as SimWorkbookJson;
  if (typeof json !== "object" || json === null || json.format !== "aimarket-excel-sim") fail('"format" is not "aimarket-excel-sim"');
  if (json.version !== 1) fail(`version ${JSON.stringify(json.version)} is not 1`);
  if (!Array.isArray(json.sheets) || json.sheets.length === 0) fail("it has no sheets");
  const model = new WorkbookModel(json.sheets.map((s) => s.name));
  json.sheets.forEach((saved, i) => {
    const sheet = model.sheets[i]!;
    (sheet as { id: string }).id = saved.id;
    for (const cell of saved.cells) {
      const at = parseAddress(cell.address);
      const stored = sheet.ensure(at.row, at.column);
      if (cell.formula !== undefined) stored.formula = cell.formula;
      else if (cell.value !== undefined) stored.value = cell.value;
      if (cell.numberFormat !== undefined) stored.numberFormat = cell.numberFormat;
      if (cell.bold) stored.bold = true;
      if (cell.horizontalAlignment !== undefined) stored.horizontalAlignment = cell.horizontalAlignment;
    }
    for (const [k, v] of Object.entries(saved.columnWidths ?? {})) sheet.columnWidths.set(Number(k), v);
    for (const [k, v] of Object.entries(saved.rowHeights ?? {})) sheet.rowHeights.set(Number(k), v);
  });
  for (const t of json.tables ?? []) {
    const at = parseAddress(t.address);
    const sheet = model.findSheet(at.sheet ?? "") ?? fail(`table ${JSON.stringify(t.name)} is on a missing sheet`);
    model.tables.push({
      id: t.id,
      name: t.name,
      sheet,
      row: at.row,
      column: at.column,
      rowCount: at.rowCount,
      columnCount: at.columnCount,
      style: t.style,
      showBandedRows: t.showBandedRows,
      showBandedColumns: t.showBandedColumns,
      showFilterButton: t.showFilterButton,
      highlightFirstColumn: t.highlightFirstColumn,
      highlightLastColumn: t.highlightLastColumn,
      columnIds: [...t.columnIds],
      nextColumnId: t.nextColumnId,
      deleted: false,
    });
  }
  for (const [key, value] of Object.entries(json.settings ?? {})) model.settings.set(key, JSON.stringify(value));
  const active = model.findSheet(json.activeSheet) ?? model.sheets[0]!;
  const selection = parseAddress(json.selection);
  const activeCell = parseAddress(json.activeCell);
  const selSheet = model.findSheet(selection.sheet ?? "") ?? active;
  model.activeSheet = active;
  model.selection = { sheet: selSheet, block: { row: selection.row, column: selection.column, rowCount: selection.rowCount, columnCount: selection.columnCount }, row: activeCell.row, column: activeCell.column };
  model.nextTableId = json.nextTableId;
  model.nextSheetId = json.nextSheetId;
  for (const chart of json.charts ?? []) model.charts.push(chartFromJson(model, chart, fail));
  if (typeof json.nextChartId === "number") model.nextChartId = json.nextChartId;
  return model;
}
