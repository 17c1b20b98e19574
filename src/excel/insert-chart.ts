import { CHART_PRESETS, chartPresetsFor, chartTexts, findChartPreset, presetColumnIndexes, type ChartPreset } from "../core/chart-presets";
import type { DatasetState, DatasetStore } from "../core/dataset-store";
import type { Language } from "../core/query-options";
import type { NumericTable } from "../core/schema";
import { isEmpty } from "./cell-match";
import type { InsertChartRequest, InsertChartResult } from "./contracts";
import { excelMessage, type ExcelRunner } from "./excel-runner";
import { loadRegistrySetting, readLoadedRegistry, REGISTRY_KEY, writeRegistry, type ChartRecord, type Registry, type RegistryEntry } from "./registry";
import { parseRange, rangeAddress } from "./a1";

/** A chart that cannot be made as asked; its message says why and what to do. */
export class ChartRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ChartRequestError";
  }
}

/** The cells a chart covers: 8 default columns by 18 rows, about 384 × 270 points. */
export const CHART_COLUMNS = 8;
export const CHART_ROWS = 18;
/** How far right of the table a free place for the chart is looked for (one gap column first). */
const SEARCH_COLUMNS = 48;
/** The source line is the title's second, smaller line. */
const SOURCE_FONT_SIZE = 9;

/**
 * The source line on a chart: the report (by its own title), the section and the dataset version,
 * the facts of the table's own source line. It is shorter than the table's (no English rendering
 * of the title, no "inserted by") because Excel keeps at most 255 characters of a chart title.
 */
export function chartSourceLine(state: DatasetState, table: NumericTable, language: Language): string {
  const meta = state.index.dataset.meta;
  return language === "zh"
    ? `来源:${meta.title.zh},第${table.section}节;数据集 ${meta.id} v${state.version}`
    : `Source: ${meta.title.zh}, section ${table.section}; dataset ${meta.id} v${state.version}`;
}

/** The chart's title: the preset's title, and the source line as a second line. */
export function chartTitle(state: DatasetState, preset: ChartPreset, table: NumericTable, language: Language): { text: string; sourceStart: number; sourceLength: number } {
  const first = preset.title[language];
  const source = chartSourceLine(state, table, language);
  return { text: `${first}\n${source}`, sourceStart: first.length + 1, sourceLength: source.length };
}

/** Writes a chart's title with its source line as a smaller italic second line. */
export function writeChartTitle(chart: Excel.Chart, title: { text: string; sourceStart: number; sourceLength: number }): void {
  chart.title.text = title.text;
  const source = chart.title.getSubstring(title.sourceStart, title.sourceLength).font;
  source.size = SOURCE_FONT_SIZE;
  source.italic = true;
}

/**
 * Inserts a chart of a tracked table in two round trips: one reads the registry, the table (its
 * place, header row and sheet), the charts of its sheet and the cells right of it; one adds the
 * chart, binds its categories to the table's name column and each series to a value column of the
 * table's body (columns found by the headers the add-in wrote, wherever they are now), titles it
 * with the source line as a smaller second line, places it right of the table over free cells,
 * and records it in the table's registry entry so a refresh keeps it bound.
 */
export async function insertChart(runner: ExcelRunner, store: DatasetStore, request: InsertChartRequest): Promise<InsertChartResult> {
  const state = store.current;
  try {
    return await runner.run(async (context) => {
      const workbook = context.workbook;
      const setting = loadRegistrySetting(workbook);
      const table = workbook.tables.getItemOrNullObject(request.tableName);
      const range = table.getRange();
      range.load("rowIndex,columnIndex,rowCount,columnCount");
      const header = table.getHeaderRowRange();
      header.load("values");
      const sheet = table.worksheet;
      sheet.load("name");
      sheet.charts.load("items/name");
      // The cells right of the table, from its top row (the first column stays free as a gap).
      const right = range.getLastColumn().getRow(0).getOffsetRange(0, 1).getResizedRange(CHART_ROWS - 1, SEARCH_COLUMNS - 1);
      right.load("values,formulas");
      await context.sync();

      const { registry } = readLoadedRegistry(setting);
      const { entry, preset } = checkRequest(state, registry, request, table.isNullObject);
      const numeric = state.index.tables.get(entry.tableId) as NumericTable;
      const columns = findColumns(entry, preset, numeric, header.values[0]!.map(String));
      const dataRows = range.rowCount - 1;

      const texts = chartTexts(state.index, preset, numeric, { language: request.language, currency: entry.options.currency, scale: entry.options.scale });
      const title = chartTitle(state, preset, numeric, request.language);
      const taken = new Set([...sheet.charts.items.map((c) => c.name.toLowerCase()), ...registry.entries.flatMap((e) => (e.charts ?? []).map((c) => c.name.toLowerCase()))]);
      const name = nextChartName(`${entry.name}_${preset.id}`, taken);
      const notes: string[] = [];
      const rightOf = range.columnIndex + range.columnCount;
      const offset = freeOffset(right.values, right.formulas, avoid(registry, sheet.name, range.rowIndex, rightOf));
      if (offset === undefined) notes.push(`No free area of ${CHART_ROWS} rows by ${CHART_COLUMNS} columns was found right of ${entry.name}; the chart was placed beside it and may cover cells (they are kept).`);
      const anchor = rangeAddress(range.rowIndex, rightOf + (offset ?? 1), CHART_ROWS, CHART_COLUMNS);

      const body = (col: number) => sheet.getRangeByIndexes(range.rowIndex + 1, range.columnIndex + col, dataRows, 1);
      const categories = body(columns.category);
      const chart = sheet.charts.add(preset.chartType, body(columns.series[0]!), "Columns");
      chart.name = name;
      columns.series.forEach((col, i) => {
        const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(texts.seriesNames[i]);
        if (i === 0) series.name = texts.seriesNames[0]!;
        else series.setValues(body(col));
        series.setXAxisValues(categories);
      });
      writeChartTitle(chart, title);
      chart.axes.valueAxis.title.text = texts.valueAxisTitle;
      chart.legend.visible = columns.series.length > 1;
      chart.legend.position = "Bottom";
      const { row, col, rows, cols } = parseRange(anchor);
      chart.setPosition(sheet.getRangeByIndexes(row, col, 1, 1), sheet.getRangeByIndexes(row + rows - 1, col + cols - 1, 1, 1));

      const record: ChartRecord = {
        name,
        chartId: preset.id,
        language: request.language,
        categoryHeader: entry.headers[0]!,
        seriesHeaders: columns.headers,
        title: title.text,
        anchor,
        insertedAt: new Date().toISOString(),
      };
      entry.charts = [...(entry.charts ?? []), record];
      workbook.settings.add(REGISTRY_KEY, writeRegistry(registry));
      await context.sync();
      return { name, sheet: sheet.name, notes };
    });
  } catch (e) {
    if (e instanceof ChartRequestError) throw e;
    throw new Error(`Excel did not insert the chart: ${excelMessage(e)}`);
  }
}

/** The tracked entry and the preset a request names, or a ChartRequestError saying what is wrong and what to do. */
function checkRequest(state: DatasetState, registry: Registry, request: InsertChartRequest, tableMissing: boolean): { entry: RegistryEntry; preset: ChartPreset } {
  const { tableName, chartId } = request;
  const entry = registry.entries.find((e) => e.name === tableName);
  if (!entry) {
    const names = registry.entries.filter((e) => e.mode !== "spill" && chartPresetsFor(e.tableId).length > 0).map((e) => e.name);
    throw new ChartRequestError(
      `No chart was inserted: "${tableName}" is not a table this add-in inserted. ` +
        (names.length > 0 ? `Choose one of ${names.join(", ")}.` : "Insert vendor_revenue or vendor_metrics as a live or snapshot table first."),
    );
  }
  const presets = chartPresetsFor(entry.tableId);
  const offer = presets.length > 0 ? `Charts for ${entry.tableId}: ${presets.map((p) => p.id).join(", ")}.` : `${entry.tableId} has no charts; charts exist for ${[...new Set(chartPresetsForAll())].join(", ")}.`;
  const preset = findChartPreset(chartId);
  if (!preset) throw new ChartRequestError(`No chart was inserted: there is no chart "${chartId}". ${offer}`);
  if (preset.tableId !== entry.tableId) {
    throw new ChartRequestError(`No chart was inserted: the chart "${chartId}" is for the report table ${preset.tableId}, but ${tableName} holds ${entry.tableId}. ${offer}`);
  }
  if (entry.mode === "spill") {
    throw new ChartRequestError(
      `No chart was inserted: ${tableName} is a spill formula, and a chart needs an Excel table to follow. Insert ${entry.tableId} as a live or snapshot table, then add the chart.`,
    );
  }
  if (tableMissing) {
    throw new ChartRequestError(`No chart was inserted: the table ${tableName} is no longer in the workbook (deleted or renamed). Insert ${entry.tableId} again to chart it.`);
  }
  const table = state.index.tables.get(entry.tableId);
  if (!table || table.kind !== "numeric" || entry.headers.length < table.columns.length + 1) {
    throw new ChartRequestError(`No chart was inserted: the data in use no longer has ${entry.tableId} as ${tableName} was written. Refresh the table (or insert it again), then add the chart.`);
  }
  return { entry, preset };
}

function chartPresetsForAll(): string[] {
  return CHART_PRESETS.map((p) => p.tableId);
}

/**
 * Where the category column and each series' column are in the table now (offsets from its first
 * column), found by the headers the add-in wrote: columns the user added or moved do not matter.
 */
function findColumns(entry: RegistryEntry, preset: ChartPreset, table: NumericTable, header: string[]): { category: number; series: number[]; headers: string[] } {
  const headers = presetColumnIndexes(preset, table).map((i) => entry.headers[i + 1]!);
  const at = (h: string): number => {
    const i = header.indexOf(h);
    if (i < 0) throw new ChartRequestError(`No chart was inserted: the column "${h}" of ${entry.name} was renamed or removed. Rename it back, or insert the table again.`);
    return i;
  };
  return { category: at(entry.headers[0]!), series: headers.map(at), headers };
}

export function nextChartName(base: string, taken: Set<string>): string {
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}_${n}`.toLowerCase())) return `${base}_${n}`;
}

/** Blocks (relative to the searched area) the chart must not cover: the add-in's other charts and tables on the sheet. */
function avoid(registry: Registry, sheetName: string, top: number, left: number): { row: number; col: number; rows: number; cols: number }[] {
  const out: { row: number; col: number; rows: number; cols: number }[] = [];
  for (const e of registry.entries) {
    if (e.sheet !== sheetName) continue;
    const blocks = [e.address, ...(e.charts ?? []).map((c) => c.anchor)];
    for (const address of blocks) {
      const b = parseRange(address);
      out.push({ row: b.row - top, col: b.col - left, rows: b.rows, cols: b.cols });
    }
  }
  return out;
}

/**
 * The first column offset from the column right of the table (1 at the least, to leave a gap)
 * where CHART_COLUMNS columns of CHART_ROWS rows hold nothing and none of the add-in's blocks;
 * undefined when there is none.
 */
function freeOffset(values: unknown[][], formulas: unknown[][], blocks: { row: number; col: number; rows: number; cols: number }[]): number | undefined {
  const width = values[0]?.length ?? 0;
  const used = (r: number, c: number) =>
    !isEmpty(values[r]?.[c], formulas[r]?.[c]) || blocks.some((b) => r >= b.row && r < b.row + b.rows && c >= b.col && c < b.col + b.cols);
  for (let k = 1; k + CHART_COLUMNS <= width; k++) {
    let free = true;
    for (let c = k; c < k + CHART_COLUMNS && free; c++) for (let r = 0; r < values.length && free; r++) if (used(r, c)) free = false;
    if (free) return k;
  }
  return undefined;
}

