import type { Cell } from "../core/build-table";
import type { DatasetState, DatasetStore } from "../core/dataset-store";
import { isEmpty, stillWritten } from "./cell-match";
import type { RefreshSummary, TableRefresh } from "./contracts";
import { excelMessage, type ExcelRunner } from "./excel-runner";
import { planTable, toExcelInput, type TablePlan } from "./plan-table";
import { writeSourceLine } from "./write-source-line";
import { loadRegistrySetting, readLoadedRegistry, REGISTRY_KEY, writeRegistry, type ChartRecord, type RegistryEntry } from "./registry";
import { parseRange, qualified, rangeAddress, sheetOf } from "./a1";
import { findChartPreset } from "../core/chart-presets";
import type { NumericTable } from "../core/schema";
import { chartTitle, writeChartTitle } from "./insert-chart";

/** Per tracked entry, what the second round trip loads. */
interface Loaded {
  entry: RegistryEntry;
  plan?: TablePlan;
  failure?: string;
  table?: Excel.Table;
  range?: Excel.Range;
  sheet?: Excel.Worksheet;
  growth?: Excel.Range;
  /** Where the source line moves when the table grows over it. */
  movedSourceCell?: Excel.Range;
  anchor?: Excel.Range;
  sourceCell?: Excel.Range;
  /** The table's recorded charts, looked up in the same round trip as the table. */
  charts?: { record: ChartRecord; chart: Excel.Chart }[];
}

/**
 * Refreshes tracked tables in three round trips however many there are: read the registry and the
 * workbook's table names; read every tracked table, the cells it would grow into and its source
 * line; write every change and the registry (with the dataset used as the workbook's `lastDataset`,
 * unless every table failed). A cell the user changed since the add-in wrote it is
 * kept; a table the user deleted or renamed is reported, not recreated; a table that would grow into
 * the user's cells is left as it is and reported.
 */
export async function refreshTables(runner: ExcelRunner, store: DatasetStore, names?: string[]): Promise<RefreshSummary> {
  const state = store.current;
  try {
    return await runner.run(async (context) => {
      const workbook = context.workbook;
      const setting = loadRegistrySetting(workbook);
      workbook.tables.load("items/name");
      workbook.worksheets.load("items/name");
      await context.sync();

      const { registry, problems } = readLoadedRegistry(setting);
      const wanted = names ? registry.entries.filter((e) => names.includes(e.name)) : registry.entries;
      const existing = new Set(workbook.tables.items.map((t) => t.name));
      const failed: RefreshSummary["failed"] = problems.map((reason) => ({ name: "(record)", reason }));
      for (const missing of (names ?? []).filter((n) => !registry.entries.some((e) => e.name === n))) {
        failed.push({ name: missing, reason: `${missing} is not a table this add-in inserted.` });
      }

      // A sheet the user renamed or deleted is not asked for by name: that would fail the whole batch.
      const sheets = new Set(workbook.worksheets.items.map((w) => w.name));
      const loaded: Loaded[] = wanted.map((entry) => loadEntry(workbook, state, entry, existing, sheets));
      const others = workbook.tables.items
        .filter((t) => !registry.entries.some((e) => e.name === t.name))
        .map((t) => {
          const range = t.getRange();
          range.load("address");
          return { table: t, range };
        });
      await context.sync();

      const refreshed: TableRefresh[] = [];
      for (const item of loaded) {
        const outcome: Outcome = item.failure ? { failure: item.failure } : applyEntry(item, state);
        if ("refresh" in outcome) refreshed.push(outcome.refresh);
        else failed.push({ name: item.entry.name, reason: "failure" in outcome ? outcome.failure : renamedOrDeleted(item.entry, others) });
      }
      // The workbook now uses this dataset unless every table it asked for failed.
      const nothingToDo = wanted.length === 0 && failed.length === 0;
      const lastDataset = refreshed.length > 0 || nothingToDo ? { version: state.version, hash: state.hash } : undefined;
      if (lastDataset) registry.lastDataset = lastDataset;
      workbook.settings.add(REGISTRY_KEY, writeRegistry(registry));
      await context.sync();
      return {
        refreshed,
        failed,
        cellsChanged: refreshed.reduce((n, r) => n + r.cellsChanged, 0),
        datasetVersion: state.version,
        ...(lastDataset ? { lastDataset } : {}),
      };
    });
  } catch (e) {
    throw new Error(`Excel did not refresh the tables: ${excelMessage(e)}`);
  }
}

function loadEntry(workbook: Excel.Workbook, state: DatasetState, entry: RegistryEntry, existing: Set<string>, sheets: Set<string>): Loaded {
  let plan: TablePlan;
  try {
    plan = planTable(state, { tableId: entry.tableId, mode: entry.mode, ...entry.options });
  } catch (e) {
    return { entry, failure: `${entry.name} cannot be refreshed: ${excelMessage(e)}` };
  }
  const item: Loaded = { entry, plan };
  const loadSourceCell = (sheet: Excel.Worksheet): void => {
    if (!entry.sourceLine) return;
    item.sourceCell = sheet.getRange(entry.sourceLine.address);
    item.sourceCell.load("values,formulas");
  };
  if (entry.mode === "spill") {
    if (!sheets.has(entry.sheet)) {
      return { entry, failure: `${entry.name} was on the sheet "${entry.sheet}", which was renamed or deleted, so it was not refreshed; insert it again to track it.` };
    }
    const sheet = workbook.worksheets.getItem(entry.sheet);
    item.sheet = sheet;
    loadSourceCell(sheet);
    const { row, col } = parseRange(entry.address);
    item.anchor = sheet.getRangeByIndexes(row, col, 1, 1);
    item.anchor.load("formulas");
    const { rows, cols } = parseRange(entry.address);
    if (plan.rows > rows || plan.cols > cols) {
      item.growth = sheet.getRangeByIndexes(row, col, plan.rows, plan.cols);
      item.growth.load("address,values,formulas");
      if (entry.sourceLine) {
        item.movedSourceCell = sheet.getRangeByIndexes(row + plan.rows, col, 1, 1);
        item.movedSourceCell.load("address,values,formulas");
      }
    }
    return item;
  }
  if (!existing.has(entry.name)) return item;
  if (plan.headers.length !== entry.headers.length) {
    return { entry, failure: `${entry.name} cannot be refreshed: the dataset now gives this table ${plan.headers.length} columns instead of ${entry.headers.length}. Insert it again.` };
  }
  item.table = workbook.tables.getItem(entry.name);
  item.range = item.table.getRange();
  item.range.load("address,rowIndex,columnIndex,rowCount,columnCount,values,formulas");
  // The table's own sheet, whatever it is called now; the source line and growth are read there.
  const sheet = item.table.worksheet;
  sheet.load("name");
  item.sheet = sheet;
  loadSourceCell(sheet);
  item.charts = (entry.charts ?? []).map((record) => {
    const chart = sheet.charts.getItemOrNullObject(record.name);
    chart.series.load("items/name");
    chart.title.load("text");
    return { record, chart };
  });
  const extra = plan.written.length - entry.written.length;
  if (extra > 0) {
    const { row, col, rows, cols } = parseRange(entry.address);
    item.growth = sheet.getRangeByIndexes(row + rows, col, extra, cols);
    item.growth.load("address,values,formulas");
    if (entry.sourceLine) {
      item.movedSourceCell = sheet.getRangeByIndexes(row + rows + extra, col, 1, 1);
      item.movedSourceCell.load("address,values,formulas");
    }
  }
  return item;
}

type Outcome = { refresh: TableRefresh } | { failure: string } | { missing: true };

function applyEntry(item: Loaded, state: DatasetState): Outcome {
  const { entry, plan } = item;
  if (!plan) return { failure: `${entry.name} cannot be refreshed.` };
  const refresh: TableRefresh = { name: entry.name, tableId: entry.tableId, mode: entry.mode, cellsChanged: 0, userEditsKept: 0, rowsAdded: 0, rowsRemoved: 0, notes: [] };
  if (entry.mode === "spill") {
    const formula = item.anchor!.formulas[0]![0];
    if (formula !== entry.written[0]![0]) {
      const anchor = entry.address.split(":")[0]!;
      return { failure: `${entry.name}: the formula in ${qualified(entry.sheet, anchor)} was changed or removed, so it is left as it is.` };
    }
    const old = parseRange(entry.address);
    if (item.growth) {
      const blocking = blockingCells(item, (r, c) => r >= old.rows || c >= old.cols);
      if (blocking) {
        return { failure: `${entry.name} now needs ${plan.rows} rows and ${plan.cols} columns to spill, but ${blocking} is not empty; clear it, then refresh.` };
      }
      moveSourceLine(item, plan, refresh, true);
    }
    entry.address = rangeAddress(old.row, old.col, plan.rows, plan.cols);
    finishEntry(item, state);
    return { refresh };
  }
  if (!item.range) return { missing: true };
  const range = item.range;
  const sheetName = item.sheet!.name;
  const rangeInfo = { row: range.rowIndex, col: range.columnIndex, rows: range.rowCount, cols: range.columnCount };
  const registered = parseRange(entry.address);
  const extra = plan.written.length - entry.written.length;
  // The growth rows were read on the table's own sheet at the recorded position: only a table that
  // now starts elsewhere was checked in the wrong place (a renamed sheet does not matter).
  if (extra > 0 && (rangeInfo.row !== registered.row || rangeInfo.col !== registered.col)) {
    entry.address = rangeAddress(rangeInfo.row, rangeInfo.col, rangeInfo.rows, rangeInfo.cols);
    entry.sheet = sheetName;
    return { failure: `${entry.name} was moved, so the rows it needs to grow into were not checked; refresh again.` };
  }
  if (item.growth) {
    const blocking = blockingCells(item, () => true);
    if (blocking) {
      return { failure: `${entry.name} needs ${extra} more row${extra === 1 ? "" : "s"}, but ${item.growth.address} is not empty; clear it or move the table, then refresh.` };
    }
  }

  const header = range.values[0]!.map(String);
  const columnOf = entry.headers.map((h) => header.indexOf(h));
  entry.headers.forEach((h, i) => {
    if (columnOf[i] === -1) refresh.notes.push(`The column "${h}" was renamed or removed in the workbook, so it was not refreshed.`);
  });

  const oldRows = entry.written.length;
  const newRows = plan.written.length;
  const ownedAddress = rangeAddress(rangeInfo.row, rangeInfo.col, newRows + 1, rangeInfo.cols);
  if (newRows !== oldRows) item.table!.resize(ownedAddress);
  moveSourceLine(item, plan, refresh, false);
  refresh.rowsAdded = Math.max(0, newRows - oldRows);
  refresh.rowsRemoved = Math.max(0, oldRows - newRows);

  const keptWritten: Cell[][] = [];
  for (let r = 0; r < newRows; r++) {
    const line: Cell[] = [];
    for (let i = 0; i < entry.headers.length; i++) {
      const next = plan.written[r]![i]!;
      const col = columnOf[i]!;
      if (r >= oldRows) {
        line.push(next);
        if (col < 0) continue;
        writeCell(range, r + 1, col, next);
        range.getCell(r + 1, col).numberFormat = [[plan.numberFormats[i]!]];
        refresh.cellsChanged++;
        continue;
      }
      const before = entry.written[r]![i]!;
      if (col < 0) {
        line.push(before);
        continue;
      }
      if (!stillWritten(before, range.values[r + 1]![col], range.formulas[r + 1]![col])) {
        refresh.userEditsKept++;
        line.push(before);
        continue;
      }
      const shownChanged = entry.mode === "live" && entry.shown[r]?.[i] !== plan.shown[r]![i];
      if (next !== before) writeCell(range, r + 1, col, next);
      if (next !== before || shownChanged) refresh.cellsChanged++;
      line.push(next);
    }
    keptWritten.push(line);
  }
  for (let r = newRows; r < oldRows; r++) {
    entry.headers.forEach((_, i) => {
      const col = columnOf[i]!;
      if (col >= 0 && stillWritten(entry.written[r]![i], range.values[r + 1]![col], range.formulas[r + 1]![col])) {
        range.getCell(r + 1, col).clear();
      }
    });
  }
  followCharts(item, refresh, state, { row: rangeInfo.row, col: rangeInfo.col, rows: newRows, resized: newRows !== oldRows, header });
  entry.address = ownedAddress;
  entry.sheet = sheetName;
  entry.written = keptWritten;
  entry.shown = plan.shown;
  finishEntry(item, state);
  return { refresh };
}

/**
 * The sheet address of the first cell in the loaded growth area that is not empty and is not the
 * add-in's own source line, among the cells `consider` selects; undefined when all are free.
 */
function blockingCells(item: Loaded, consider: (r: number, c: number) => boolean): string | undefined {
  const growth = item.growth!;
  const area = parseRange(growth.address);
  const sheet = growth.address.includes("!") ? growth.address.slice(0, growth.address.lastIndexOf("!")) : item.entry.sheet;
  const source = item.entry.sourceLine && parseRange(item.entry.sourceLine.address);
  for (let r = 0; r < growth.values.length; r++) {
    for (let c = 0; c < growth.values[r]!.length; c++) {
      const value = growth.values[r]![c];
      const formula = growth.formulas[r]![c];
      if (!consider(r, c) || isEmpty(value, formula)) continue;
      const own = source !== undefined && source.row === area.row + r && source.col === area.col + c && stillWritten(toExcelInput(item.entry.sourceLine!.text), value, formula);
      if (!own) return `${sheet}!${rangeAddress(area.row + r, area.col + c, 1, 1)}`;
    }
  }
  return undefined;
}

/** Moves the source line below a table or spill that grew over it, or drops it with a note. */
function moveSourceLine(item: Loaded, plan: TablePlan, refresh: TableRefresh, clearOld: boolean): void {
  const { entry } = item;
  if (!item.movedSourceCell || !entry.sourceLine) return;
  if (clearOld && item.sourceCell) item.sourceCell.clear();
  const target = item.movedSourceCell;
  if (isEmpty(target.values[0]![0], target.formulas[0]![0])) {
    writeSourceLine(target, plan.sourceLine);
    entry.sourceLine = { address: target.address.split("!").pop()!, text: plan.sourceLine };
  } else {
    refresh.notes.push(`The source line was removed because the table grew over it and ${target.address} is not empty.`);
    entry.sourceLine = undefined;
  }
}

function finishEntry(item: Loaded, state: DatasetState): void {
  const { entry, plan } = item;
  if (entry.sourceLine && item.sourceCell && plan) {
    const cell = item.sourceCell;
    if (stillWritten(toExcelInput(entry.sourceLine.text), cell.values[0]![0], cell.formulas[0]![0]) && plan.sourceLine !== entry.sourceLine.text) {
      cell.values = [[toExcelInput(plan.sourceLine)]];
      entry.sourceLine = { address: entry.sourceLine.address, text: plan.sourceLine };
    }
  }
  entry.datasetVersion = state.version;
  entry.datasetHash = state.hash;
  entry.refreshedAt = new Date().toISOString();
}

function writeCell(range: Excel.Range, r: number, c: number, input: Cell): void {
  const cell = range.getCell(r, c);
  if (typeof input === "string" && input.startsWith("=")) cell.formulas = [[input]];
  else cell.values = [[input]];
}

function renamedOrDeleted(entry: RegistryEntry, others: { table: Excel.Table; range: Excel.Range }[]): string {
  const registered = parseRange(entry.address);
  const match = others.find(({ range }) => {
    const r = parseRange(range.address);
    return sheetOf(range.address) === entry.sheet && r.row === registered.row && r.col === registered.col;
  });
  if (match) {
    return `${entry.name} was renamed to "${match.table.name}", so it is no longer refreshed; rename it back to ${entry.name} to refresh it.`;
  }
  return `${entry.name} was deleted from the workbook; it is not recreated. Insert the table again to track it.`;
}

/**
 * Keeps the table's charts with it: a chart the user deleted (or renamed) is reported and dropped
 * from the record, never recreated; when the table changed size, each series is bound again to
 * its column's rows (found by header) and the categories to the name column; a title still as the
 * add-in wrote it gets the source line of the data now shown.
 */
function followCharts(
  item: Loaded,
  refresh: TableRefresh,
  state: DatasetState,
  at: { row: number; col: number; rows: number; resized: boolean; header: string[] },
): void {
  const { entry } = item;
  if (!item.charts || item.charts.length === 0) return;
  const kept: ChartRecord[] = [];
  for (const { record, chart } of item.charts) {
    if (chart.isNullObject) {
      refresh.notes.push(`The chart "${record.name}" was deleted or renamed, so it is no longer kept with the table; it is not recreated.`);
      continue;
    }
    kept.push(record);
    if (at.resized) {
      const category = at.header.indexOf(record.categoryHeader);
      const columns = record.seriesHeaders.map((h) => at.header.indexOf(h));
      if (category < 0 || columns.some((c) => c < 0)) {
        refresh.notes.push(`The chart "${record.name}" still shows the old rows: a column it plots was renamed or removed.`);
      } else if (chart.series.items.length !== columns.length) {
        refresh.notes.push(`The chart "${record.name}" still shows the old rows: its series were changed by hand, so they were left as they are.`);
      } else {
        const body = (c: number) => item.sheet!.getRangeByIndexes(at.row + 1, at.col + c, at.rows, 1);
        const categories = body(category);
        columns.forEach((c, i) => {
          const series = chart.series.getItemAt(i);
          series.setValues(body(c));
          series.setXAxisValues(categories);
        });
        refresh.notes.push(`The chart "${record.name}" now shows the table's ${at.rows} rows.`);
      }
    }
    const preset = findChartPreset(record.chartId);
    const table = state.index.tables.get(entry.tableId);
    if (preset && table?.kind === "numeric" && chart.title.text === record.title) {
      const title = chartTitle(state, preset, table as NumericTable, record.language);
      if (title.text !== record.title) {
        writeChartTitle(chart, title);
        record.title = title.text;
      }
    }
  }
  entry.charts = kept;
}
