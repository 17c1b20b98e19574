import { formatAddress, parseAddress } from "./address";
import { formatCellText } from "./cell-text";
import type { EvaluatedValue } from "./cell-value";
import type { CellBlock, SimSheet } from "./sim-sheet";
import type { WorkbookModel } from "./workbook-model";

/** Excel.ChartType names (without "Invalid"), which `charts.add` and `chartType` accept. */
export const CHART_TYPES = [
  "ColumnClustered", "ColumnStacked", "ColumnStacked100", "3DColumnClustered", "3DColumnStacked", "3DColumnStacked100",
  "BarClustered", "BarStacked", "BarStacked100", "3DBarClustered", "3DBarStacked", "3DBarStacked100",
  "LineStacked", "LineStacked100", "LineMarkers", "LineMarkersStacked", "LineMarkersStacked100",
  "PieOfPie", "PieExploded", "3DPieExploded", "BarOfPie",
  "XYScatterSmooth", "XYScatterSmoothNoMarkers", "XYScatterLines", "XYScatterLinesNoMarkers",
  "AreaStacked", "AreaStacked100", "3DAreaStacked", "3DAreaStacked100", "DoughnutExploded",
  "RadarMarkers", "RadarFilled", "Surface", "SurfaceWireframe", "SurfaceTopView", "SurfaceTopViewWireframe",
  "Bubble", "Bubble3DEffect", "StockHLC", "StockOHLC", "StockVHLC", "StockVOHLC",
  "CylinderColClustered", "CylinderColStacked", "CylinderColStacked100", "CylinderBarClustered", "CylinderBarStacked", "CylinderBarStacked100", "CylinderCol",
  "ConeColClustered", "ConeColStacked", "ConeColStacked100", "ConeBarClustered", "ConeBarStacked", "ConeBarStacked100", "ConeCol",
  "PyramidColClustered", "PyramidColStacked", "PyramidColStacked100", "PyramidBarClustered", "PyramidBarStacked", "PyramidBarStacked100", "PyramidCol",
  "3DColumn", "Line", "3DLine", "3DPie", "Pie", "XYScatter", "3DArea", "Area", "Doughnut", "Radar",
  "Histogram", "Boxwhisker", "Pareto", "RegionMap", "Treemap", "Waterfall", "Sunburst", "Funnel",
] as const;
export type SimChartType = (typeof CHART_TYPES)[number];

export const LEGEND_POSITIONS = ["Top", "Bottom", "Left", "Right", "Corner", "Custom"] as const;

/** Cells a series reads; the sheet is held by reference, so its address follows a sheet rename. */
export interface ChartSource {
  sheet: SimSheet;
  block: CellBlock;
}

export interface SimSeriesModel {
  name: string;
  values?: ChartSource;
  xValues?: ChartSource;
}

/** Font settings on part of the title (ChartTitle.getSubstring(start, length).font). */
export interface TitleRun {
  start: number;
  length: number;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
}

export interface AxisModel {
  titleText: string;
  titleVisible: boolean;
  visible: boolean;
}

export interface SimChartModel {
  readonly id: string;
  name: string;
  sheet: SimSheet;
  chartType: SimChartType;
  title: { text: string; visible: boolean; runs: TitleRun[] };
  /** Points from the sheet's top-left corner, as Office.js gives them. */
  top: number;
  left: number;
  width: number;
  height: number;
  legend: { visible: boolean; position: string };
  categoryAxis: AxisModel;
  valueAxis: AxisModel;
  series: SimSeriesModel[];
  deleted: boolean;
}

/** Excel's size for a new chart: 5 × 3 inches. */
export const DEFAULT_CHART_WIDTH = 360;
export const DEFAULT_CHART_HEIGHT = 216;

export function liveCharts(model: WorkbookModel): SimChartModel[] {
  return model.charts.filter((c) => !c.deleted);
}

export function chartsOnSheet(model: WorkbookModel, sheet: SimSheet): SimChartModel[] {
  return liveCharts(model).filter((c) => c.sheet === sheet);
}

export function sourceAddress(source: ChartSource): string {
  return formatAddress({ sheet: source.sheet.name, ...source.block });
}

/** Points from the sheet's left edge to the left edge of `column`. */
export function columnLeft(sheet: SimSheet, column: number): number {
  let x = 0;
  for (let c = 0; c < column; c++) x += sheet.columnWidth(c);
  return x;
}

/** Points from the sheet's top edge to the top edge of `row`. */
export function rowTop(sheet: SimSheet, row: number): number {
  let y = 0;
  for (let r = 0; r < row; r++) y += sheet.rowHeight(r);
  return y;
}

/** The values of a source's cells in order (a 1-D run of cells). */
export function sourceValues(source: ChartSource): EvaluatedValue[] {
  const out: EvaluatedValue[] = [];
  const { sheet, block } = source;
  for (let r = block.row; r < block.row + block.rowCount; r++) {
    for (let c = block.column; c < block.column + block.columnCount; c++) out.push(sheet.valueAt(r, c));
  }
  return out;
}

/** The text each cell of a source shows (its number format applied). */
export function sourceTexts(source: ChartSource): string[] {
  const out: string[] = [];
  const { sheet, block } = source;
  for (let r = block.row; r < block.row + block.rowCount; r++) {
    for (let c = block.column; c < block.column + block.columnCount; c++) out.push(formatCellText(sheet.valueAt(r, c), sheet.cell(r, c)?.numberFormat ?? "General"));
  }
  return out;
}

/** A series of a chart as the user (the preview, a test) sees it. */
export interface SimSeriesInfo {
  name: string;
  /** "Sheet1!C3:C11", or undefined while the series has no values. */
  values?: string;
  /** The category (x-axis) cells, or undefined when Excel numbers the categories 1, 2, 3... */
  xValues?: string;
  /** What the value cells hold now; a non-number is not plotted. */
  data: EvaluatedValue[];
  /** The number format of the first value cell (Excel links the axis format to the source). */
  numberFormat: string;
  categories: string[];
}

export interface SimChartInfo {
  name: string;
  id: string;
  sheet: string;
  chartType: string;
  title: string;
  titleVisible: boolean;
  titleRuns: TitleRun[];
  top: number;
  left: number;
  width: number;
  height: number;
  legend: { visible: boolean; position: string };
  categoryAxisTitle?: string;
  valueAxisTitle?: string;
  series: SimSeriesInfo[];
}

function seriesInfo(series: SimSeriesModel): SimSeriesInfo {
  const data = series.values ? sourceValues(series.values) : [];
  const categories = series.xValues ? sourceTexts(series.xValues) : data.map((_, i) => String(i + 1));
  const first = series.values && series.values.sheet.cell(series.values.block.row, series.values.block.column);
  const info: SimSeriesInfo = { name: series.name, data, numberFormat: first?.numberFormat ?? "General", categories };
  if (series.values) info.values = sourceAddress(series.values);
  if (series.xValues) info.xValues = sourceAddress(series.xValues);
  return info;
}

export function chartInfo(chart: SimChartModel): SimChartInfo {
  const info: SimChartInfo = {
    name: chart.name,
    id: chart.id,
    sheet: chart.sheet.name,
    chartType: chart.chartType,
    title: chart.title.text,
    titleVisible: chart.title.visible,
    titleRuns: chart.title.runs.map((r) => ({ ...r })),
    top: chart.top,
    left: chart.left,
    width: chart.width,
    height: chart.height,
    legend: { ...chart.legend },
    series: chart.series.map(seriesInfo),
  };
  if (chart.categoryAxis.titleVisible) info.categoryAxisTitle = chart.categoryAxis.titleText;
  if (chart.valueAxis.titleVisible) info.valueAxisTitle = chart.valueAxis.titleText;
  return info;
}

/**
 * The charts of a workbook (of one sheet when named), as the user sees them: what the preview
 * draws and what tests assert a chart is bound to. Takes the workbook's model (`SimWorkbook.model`).
 */
export function simCharts(workbook: { model: WorkbookModel }, sheetName?: string): SimChartInfo[] {
  const { model } = workbook;
  const sheet = sheetName === undefined ? undefined : model.findSheet(sheetName);
  if (sheetName !== undefined && !sheet) return [];
  return liveCharts(model)
    .filter((c) => sheet === undefined || c.sheet === sheet)
    .map(chartInfo);
}

/** A saved chart (workbook-json.ts). */
export interface ChartJson {
  id: string;
  name: string;
  sheet: string;
  chartType: string;
  title: { text: string; visible: boolean; runs: TitleRun[] };
  top: number;
  left: number;
  width: number;
  height: number;
  legend: { visible: boolean; position: string };
  categoryAxis: AxisModel;
  valueAxis: AxisModel;
  series: { name: string; values?: string; xValues?: string }[];
}

export function chartToJson(chart: SimChartModel): ChartJson {
  return {
    id: chart.id,
    name: chart.name,
    sheet: chart.sheet.name,
    chartType: chart.chartType,
    title: { text: chart.title.text, visible: chart.title.visible, runs: chart.title.runs.map((r) => ({ ...r })) },
    top: chart.top,
    left: chart.left,
    width: chart.width,
    height: chart.height,
    legend: { ...chart.legend },
    categoryAxis: { ...chart.categoryAxis },
    valueAxis: { ...chart.valueAxis },
    series: chart.series.map((s) => ({
      name: s.name,
      ...(s.values ? { values: sourceAddress(s.values) } : {}),
      ...(s.xValues ? { xValues: sourceAddress(s.xValues) } : {}),
    })),
  };
}

/** Rebuilds a saved chart; `fail` throws for anything that is not one. */
export function chartFromJson(model: WorkbookModel, json: ChartJson, fail: (what: string) => never): SimChartModel {
  const sheet = model.findSheet(json.sheet) ?? fail(`chart ${JSON.stringify(json.name)} is on a missing sheet`);
  if (!(CHART_TYPES as readonly string[]).includes(json.chartType)) fail(`chart ${JSON.stringify(json.name)} has an unknown type`);
  const source = (address: string | undefined): ChartSource | undefined => {
    if (address === undefined) return undefined;
    const at = parseAddress(address);
    const on = model.findSheet(at.sheet ?? "") ?? fail(`a series of chart ${JSON.stringify(json.name)} reads a missing sheet`);
    return { sheet: on, block: { row: at.row, column: at.column, rowCount: at.rowCount, columnCount: at.columnCount } };
  };
  return {
    id: json.id,
    name: json.name,
    sheet,
    chartType: json.chartType as SimChartType,
    title: { text: json.title.text, visible: json.title.visible, runs: json.title.runs.map((r) => ({ ...r })) },
    top: json.top,
    left: json.left,
    width: json.width,
    height: json.height,
    legend: { ...json.legend },
    categoryAxis: { ...json.categoryAxis },
    valueAxis: { ...json.valueAxis },
    series: json.series.map((s) => {
      const series: SimSeriesModel = { name: s.name };
      const values = source(s.values);
      const xValues = source(s.xValues);
      if (values) series.values = values;
      if (xValues) series.xValues = xValues;
      return series;
    }),
    deleted: false,
  };
}
