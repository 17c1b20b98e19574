import { simError } from "./errors";
import { CHART_TYPES, DEFAULT_CHART_HEIGHT, DEFAULT_CHART_WIDTH, LEGEND_POSITIONS, columnLeft, rowTop, type ChartSource, type SimChartModel, type SimChartType, type SimSeriesModel } from "./chart-model";
import type { CellBlock, SimSheet } from "./sim-sheet";
import type { WorkbookModel } from "./workbook-model";

/** Excel limits a series name (documented) and a chart title to 255 characters. */
export const MAX_CHART_TEXT = 255;

export function checkChartType(type: unknown, location: string): SimChartType {
  const known = CHART_TYPES.find((t) => t === type);
  if (!known) throw simError("InvalidArgument", `Unknown chart type ${JSON.stringify(type)}; use an Excel.ChartType such as "ColumnClustered".`, location);
  return known;
}

export function checkLegendPosition(position: unknown, location: string): string {
  const known = LEGEND_POSITIONS.find((p) => p === position);
  if (!known) throw simError("InvalidArgument", `Unknown legend position ${JSON.stringify(position)}; use ${LEGEND_POSITIONS.join(", ")}.`, location);
  return known;
}

export function checkText(text: unknown, what: string, location: string): string {
  if (typeof text !== "string") throw simError("InvalidArgument", `${what} must be text; got ${JSON.stringify(text)}.`, location);
  if (text.length > MAX_CHART_TEXT) throw simError("InvalidArgument", `${what} is ${text.length} characters long; at most ${MAX_CHART_TEXT} are allowed.`, location);
  return text;
}

export function checkBoolean(value: unknown, what: string, location: string): boolean {
  if (typeof value !== "boolean") throw simError("InvalidArgument", `${what} must be true or false; got ${JSON.stringify(value)}.`, location);
  return value;
}

/** A position (top, left: at least 0) or a size (width, height: more than 0), in points. */
export function checkPoints(value: unknown, what: string, positive: boolean, location: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || (positive && value === 0)) {
    throw simError("InvalidArgument", `${what} must be a number of points ${positive ? "above" : "of at least"} 0; got ${JSON.stringify(value)}.`, location);
  }
  return value;
}

/** Series values and categories come from one row or one column of cells. */
export function checkOneDimensional(source: ChartSource, what: string, location: string): ChartSource {
  if (source.block.rowCount !== 1 && source.block.columnCount !== 1) {
    throw simError("InvalidArgument", `${what} must be a single row or a single column of cells; got ${source.block.rowCount} rows by ${source.block.columnCount} columns.`, location);
  }
  return { sheet: source.sheet, block: { ...source.block } };
}

const isLabel = (sheet: SimSheet, row: number, column: number): boolean => {
  const v = sheet.valueAt(row, column);
  return typeof v === "string" && v !== "";
};

/**
 * The series Excel makes from a source range: by columns when `seriesBy` says so, or ("Auto")
 * when the range has at least as many rows as columns; a first row (column) of text gives the
 * series names, a first column (row) of text the categories. A simplification of Excel's guess.
 */
export function seriesFromSource(source: ChartSource, seriesBy: string): SimSeriesModel[] {
  const { sheet, block } = source;
  const byColumns = seriesBy === "Columns" || (seriesBy === "Auto" && block.rowCount >= block.columnCount);
  // Index helpers over the "series axis" (s) and the "point axis" (p), so rows and columns share one rule.
  const seriesCount = byColumns ? block.columnCount : block.rowCount;
  const pointCount = byColumns ? block.rowCount : block.columnCount;
  const at = (s: number, p: number): [number, number] => (byColumns ? [block.row + p, block.column + s] : [block.row + s, block.column + p]);
  const labelsFirst = seriesCount > 1 && pointCount > 1 && [...Array(pointCount - 1).keys()].every((p) => isLabel(sheet, ...at(0, p + 1)));
  const namesFirst = pointCount > 1 && [...Array(seriesCount - (labelsFirst ? 1 : 0)).keys()].every((s) => isLabel(sheet, ...at(s + (labelsFirst ? 1 : 0), 0)));
  const firstPoint = namesFirst ? 1 : 0;
  const run = (s: number): CellBlock => {
    const [row, column] = at(s, firstPoint);
    return byColumns ? { row, column, rowCount: pointCount - firstPoint, columnCount: 1 } : { row, column, rowCount: 1, columnCount: pointCount - firstPoint };
  };
  const series: SimSeriesModel[] = [];
  for (let s = labelsFirst ? 1 : 0; s < seriesCount; s++) {
    const name = namesFirst ? String(sheet.valueAt(...at(s, 0))) : `Series${series.length + 1}`;
    const one: SimSeriesModel = { name, values: { sheet, block: run(s) } };
    if (labelsFirst) one.xValues = { sheet, block: run(0) };
    series.push(one);
  }
  return series;
}

/** A new chart from `source`, placed at the top right of its data, Excel's default size. */
export function createChart(model: WorkbookModel, sheet: SimSheet, type: SimChartType, source: ChartSource, seriesBy: string, location: string): SimChartModel {
  if (!["Auto", "Columns", "Rows"].includes(seriesBy)) throw simError("InvalidArgument", `Unknown seriesBy ${JSON.stringify(seriesBy)}; use "Auto", "Columns" or "Rows".`, location);
  const n = model.nextChartId++;
  const series = seriesFromSource(source, seriesBy);
  const chart: SimChartModel = {
    id: `{5A1C0000-${String(n).padStart(4, "0")}-4C3E-9A55-000000000C4A}`,
    name: `Chart ${n}`,
    sheet,
    chartType: type,
    title: { text: series.length === 1 ? series[0]!.name : "", visible: series.length === 1, runs: [] },
    top: rowTop(sheet, source.sheet === sheet ? source.block.row : 0),
    left: columnLeft(sheet, source.sheet === sheet ? source.block.column + source.block.columnCount + 1 : 0),
    width: DEFAULT_CHART_WIDTH,
    height: DEFAULT_CHART_HEIGHT,
    legend: { visible: series.length > 1, position: "Right" },
    categoryAxis: { titleText: "", titleVisible: false, visible: true },
    valueAxis: { titleText: "", titleVisible: false, visible: true },
    series,
    deleted: false,
  };
  model.charts.push(chart);
  return chart;
}

/** Moves (and with `end`, sizes) a chart to cover cells of its sheet, as Chart.setPosition does. */
export function positionChart(chart: SimChartModel, start: ChartSource, end: ChartSource | undefined, location: string): void {
  if (start.sheet !== chart.sheet || (end && end.sheet !== chart.sheet)) {
    throw simError("InvalidArgument", `A chart is positioned by cells of its own sheet ("${chart.sheet.name}").`, location);
  }
  const sheet = chart.sheet;
  const top = rowTop(sheet, start.block.row);
  const left = columnLeft(sheet, start.block.column);
  if (end) {
    const bottom = rowTop(sheet, end.block.row + end.block.rowCount);
    const right = columnLeft(sheet, end.block.column + end.block.columnCount);
    if (bottom <= top || right <= left) throw simError("InvalidArgument", "The end cell must lie below and right of the start cell.", location);
    chart.width = right - left;
    chart.height = bottom - top;
  }
  chart.top = top;
  chart.left = left;
}
