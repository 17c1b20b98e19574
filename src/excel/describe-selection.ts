import { numericHeader, type Cell } from "../core/build-table";
import type { DatasetIndex } from "../core/dataset-index";
import type { DatasetStore } from "../core/dataset-store";
import { normalizeName } from "../core/normalize-name";
import { FUNCTION_PARAMETERS, parseFormulaCall, type FormulaArg, type FormulaCall, type FunctionName } from "../core/parse-formula-call";
import { isNotesHeader, provenanceOfCall, provenanceOfTableCell, type AnswerOptions, type ArgValue, type Provenance } from "../core/provenance";
import type { Table, Text } from "../core/schema";
import { parseRange, qualified } from "./a1";
import type { InsertMode } from "./contracts";
import { excelMessage, type ExcelRunner } from "./excel-runner";
import { loadRegistrySetting, readLoadedRegistry, type RegistryEntry } from "./registry";

/** One argument of the call in the cell, as written and as the pane read it. */
export interface ArgumentView {
  /** The parameter's name (src/functions/functions.ts), e.g. "vendor". */
  name: string;
  /** As written in the formula; "" when left out. */
  written: string;
  /** The value the function gets: the constant, or the value of the referenced cell (null: empty). */
  value?: ArgValue;
  /** The cell a reference points at, sheet-qualified. */
  from?: string;
  /** Why the pane cannot tell the value (an expression, a range, a cell showing an error). */
  unreadable?: Text;
}

/** What the active cell holds, as far as the add-in knows it. */
export interface SelectionInfo {
  /** Sheet-qualified address of the active cell. */
  address: string;
  /** The cell's formula, when it has one. */
  formula?: string;
  /** The value as the cell shows it, formatted (Range.text). */
  text: string;
  value: unknown;
  /**
   * `formula`: the cell holds an AIMARKET call; `spill`: it shows part of a spilled AIMARKET
   * array; `table`: it lies in a table the add-in inserted; `empty`; `other`: anything else.
   */
  kind: "formula" | "spill" | "table" | "empty" | "other";
  /** The AIMARKET call that computes the cell (its own, or its spill's anchor). */
  call?: {
    fn: FunctionName;
    written: string;
    args: ArgumentView[];
    /** The call is the cell's whole formula (or wrapped only in IFNA/IFERROR with a constant). */
    whole: boolean;
    /** Sheet-qualified address of the spill's anchor, for a cell of a spill. */
    anchor?: string;
    /** The 0-based cell of the call's array the selected cell shows (row 0: header row). */
    at?: { row: number; column: number };
  };
  /** The inserted table the cell lies in. */
  table?: { name: string; mode: InsertMode; tableId: string; title: Text };
  provenance?: Provenance;
  /** What the pane should say besides: what it could not tell, and why. One sentence each. */
  notes: Text[];
}

interface LoadedTable {
  entry: RegistryEntry;
  range: Excel.Range;
  sheet: Excel.Worksheet;
}

/**
 * Reads the active cell and tells what the add-in knows of it, in at most two round trips: the
 * first reads the cell (address, formula, value, text), the anchor of a spill it lies in and the
 * registry of inserted tables; the second, only when needed, reads the cells the AIMARKET call
 * refers to and the inserted tables (where they are now, their header rows and row labels). A cell
 * of an inserted table is placed by its row's label and its column's header, not by position, so
 * sorted rows and added columns are told correctly; what cannot be told is said in `notes`.
 */
export async function describeSelection(runner: ExcelRunner, store: DatasetStore): Promise<SelectionInfo> {
  try {
    return await describeOnce(runner, store, true);
  } catch (e) {
    // Range.getSpillParentOrNullObject is ExcelApi 1.12; an older Excel rejects the whole batch.
    if (!isApiNotFound(e)) throw new Error(`Excel could not read the selected cell: ${excelMessage(e)}`);
  }
  try {
    const info = await describeOnce(runner, store, false);
    info.notes.push({
      en: "This version of Excel cannot tell which spilled array a cell belongs to (ExcelApi 1.12), so cells inside spills are not described.",
      zh: "此版本的 Excel 无法判断单元格属于哪个溢出数组(需要 ExcelApi 1.12),因此不说明溢出区域内的单元格。",
    });
    return info;
  } catch (e) {
    throw new Error(`Excel could not read the selected cell: ${excelMessage(e)}`);
  }
}

function isApiNotFound(e: unknown): boolean {
  return !!e && typeof e === "object" && (e as { code?: unknown }).code === "ApiNotFound";
}

async function describeOnce(runner: ExcelRunner, store: DatasetStore, withSpill: boolean): Promise<SelectionInfo> {
  const { index } = store.current;
  return await runner.run(async (context) => {
    const workbook = context.workbook;
    const cell = workbook.getActiveCell();
    cell.load("address,formulas,values,text,rowIndex,columnIndex");
    const sheet = cell.worksheet;
    sheet.load("name");
    const parent = withSpill ? cell.getSpillParentOrNullObject() : undefined;
    parent?.load("address,formulas,rowIndex,columnIndex");
    const setting = loadRegistrySetting(workbook);
    await context.sync();

    const formula = cell.formulas[0]![0];
    const value = cell.values[0]![0];
    const info: SelectionInfo = {
      address: cell.address,
      text: String(cell.text[0]![0] ?? ""),
      value,
      kind: value === "" && (formula === "" || formula === null) ? "empty" : "other",
      notes: [],
    };
    if (typeof formula === "string" && formula.startsWith("=")) info.formula = formula;

    let parsed = parseFormulaCall(formula);
    let anchor: { address: string; at: { row: number; column: number } } | undefined;
    if (parsed.kind !== "call" && parent && !parent.isNullObject && parent.address !== cell.address) {
      const anchorParsed = parseFormulaCall(parent.formulas[0]![0]);
      if (anchorParsed.kind === "call") {
        parsed = anchorParsed;
        anchor = { address: parent.address, at: { row: cell.rowIndex - parent.rowIndex, column: cell.columnIndex - parent.columnIndex } };
      }
    }
    if (parsed.kind === "unknown-function") {
      info.notes.push({
        en: `${parsed.written} is not an AIMARKET function: the add-in has REVENUE, METRIC, TABLE, TABLES, ENTITIES, METRICS, SOURCE and INFO.`,
        zh: `${parsed.written} 不是 AIMARKET 函数:加载项提供 REVENUE、METRIC、TABLE、TABLES、ENTITIES、METRICS、SOURCE 和 INFO。`,
      });
    }
    const call = parsed.kind === "call" ? parsed.call : undefined;

    const { registry } = readLoadedRegistry(setting);
    const tables: LoadedTable[] = registry.entries
      .filter((e) => e.mode !== "spill")
      .map((entry) => {
        const table = workbook.tables.getItemOrNullObject(entry.name);
        const range = table.getRange();
        range.load("address,values,rowIndex,columnIndex,rowCount,columnCount");
        const tableSheet = table.worksheet;
        tableSheet.load("name");
        return { entry, range, sheet: tableSheet };
      });
    const refs = call ? queueReferences(workbook, sheet, call.args) : [];
    if (tables.length > 0 || refs.length > 0) await context.sync();

    if (call) {
      const args = readArguments(call, refs, sheet.name);
      const at = anchor?.at ?? (call.index ? { row: call.index.row - 1, column: call.index.column - 1 } : undefined);
      info.kind = anchor ? "spill" : "formula";
      info.call = { fn: call.fn, written: call.written, args, whole: call.whole, ...(anchor ? { anchor: anchor.address } : {}), ...(at ? { at } : {}) };
      if (!call.whole && !anchor) {
        info.notes.push({
          en: "The cell's formula does more than call AIMARKET: the details below are of the AIMARKET call in it, not of the cell's result.",
          zh: "该单元格的公式不只是调用 AIMARKET:以下说明的是其中的 AIMARKET 调用,而不是单元格的最终结果。",
        });
      }
      if (call.others > 0) {
        info.notes.push({ en: "The formula holds more than one AIMARKET call; the first is described.", zh: "公式中有多个 AIMARKET 调用,这里说明第一个。" });
      }
      const unreadable = args.filter((a) => a.unreadable);
      if (unreadable.length > 0) info.notes.push(...unreadable.map((a) => a.unreadable!));
      else info.provenance = provenanceOfCall(index, call.fn, args.map((a) => a.value ?? null), at);
    }

    const spill = anchor ?? (call?.fn === "TABLE" && call.whole ? { address: cell.address } : undefined);
    // The anchor is on the active sheet: compare the sheet by name and the cell by position (a
    // quoted address would depend on which sheet names Excel quotes).
    const at0 = spill && parseRange(spill.address);
    const tracked = at0 && registry.entries.find((e) => {
      if (e.mode !== "spill" || e.sheet !== sheet.name) return false;
      const own = parseRange(e.address);
      return own.row === at0.row && own.col === at0.col;
    });
    if (tracked) {
      const table = index.tables.get(tracked.tableId);
      if (table) info.table = { name: tracked.name, mode: tracked.mode, tableId: table.id, title: table.title };
    }

    const inTable = tables.find((t) => !t.range.isNullObject && t.sheet.name === sheet.name && contains(t.range, cell.rowIndex, cell.columnIndex));
    if (inTable) describeTableCell(index, info, inTable, cell.rowIndex - inTable.range.rowIndex, cell.columnIndex - inTable.range.columnIndex, call);
    return info;
  });
}

function contains(range: Excel.Range, row: number, column: number): boolean {
  return row >= range.rowIndex && row < range.rowIndex + range.rowCount && column >= range.columnIndex && column < range.columnIndex + range.columnCount;
}

interface QueuedReference {
  arg: number;
  address: string;
  range: Excel.Range;
}

/** Queues a read of every single-cell reference among the arguments (another sheet through a null object, as it may not exist). */
function queueReferences(workbook: Excel.Workbook, sheet: Excel.Worksheet, args: FormulaArg[]): QueuedReference[] {
  const out: QueuedReference[] = [];
  args.forEach((arg, i) => {
    if (arg.kind !== "reference") return;
    const range = arg.sheet === undefined ? sheet.getRange(arg.address) : workbook.worksheets.getItemOrNullObject(arg.sheet).getRange(arg.address);
    range.load("values,valueTypes");
    out.push({ arg: i, address: arg.sheet === undefined ? arg.address : qualified(arg.sheet, arg.address), range });
  });
  return out;
}

function readArguments(call: FormulaCall, refs: QueuedReference[], sheetName: string): ArgumentView[] {
  const names: readonly string[] = FUNCTION_PARAMETERS[call.fn];
  return call.args.slice(0, names.length).map((arg, i): ArgumentView => {
    const name = names[i]!;
    switch (arg.kind) {
      case "omitted":
        return { name, written: "", value: null };
      case "string":
      case "number":
      case "boolean":
        return { name, written: arg.kind === "string" ? `"${arg.value.replace(/"/g, '""')}"` : String(arg.value).toUpperCase(), value: arg.value };
      case "expression":
        return {
          name,
          written: arg.text,
          unreadable: {
            en: `The ${name} argument, ${arg.text}, is an expression the pane cannot read; put the value in a cell, or write it in the formula.`,
            zh: `参数 ${name}(${arg.text})是窗格无法读取的表达式;请把值放在单元格中,或直接写在公式里。`,
          },
        };
      case "reference": {
        const ref = refs.find((r) => r.arg === i)!;
        const from = ref.address.includes("!") ? ref.address : qualified(sheetName, ref.address);
        if (ref.range.isNullObject) {
          return {
            name,
            written: arg.text,
            from,
            unreadable: { en: `The ${name} argument refers to ${arg.text}, on a sheet this workbook does not have.`, zh: `参数 ${name} 引用的 ${arg.text} 所在工作表不存在。` },
          };
        }
        const shown = ref.range.values[0]![0];
        if (ref.range.valueTypes[0]![0] === "Error") {
          return {
            name,
            written: arg.text,
            from,
            unreadable: { en: `The ${name} argument refers to ${from}, which shows ${String(shown)}; Excel does not call the function then.`, zh: `参数 ${name} 引用的 ${from} 显示 ${String(shown)},此时 Excel 不会调用该函数。` },
          };
        }
        // An empty cell reaches a custom function as an omitted argument would (null).
        const value: ArgValue = shown === "" || shown === null || shown === undefined ? null : (shown as ArgValue);
        return { name, written: arg.text, from, value };
      }
    }
  });
}

/**
 * Places the cell in the report table an inserted table shows: the column by its header (the
 * header the add-in wrote, or the one the data in use would write), the row by its label cell.
 */
function describeTableCell(index: DatasetIndex, info: SelectionInfo, loaded: LoadedTable, row: number, column: number, call: FormulaCall | undefined): void {
  const { entry } = loaded;
  const table = index.tables.get(entry.tableId);
  if (!table) {
    info.kind = info.kind === "formula" ? "formula" : "table";
    info.notes.push({
      en: `This cell is in ${entry.name}, which shows the report table "${entry.tableId}"; the data in use has no such table.`,
      zh: `该单元格属于 ${entry.name},其内容为报告表格“${entry.tableId}”,但所用数据中没有该表格。`,
    });
    return;
  }
  info.table = { name: entry.name, mode: entry.mode, tableId: table.id, title: table.title };
  if (info.kind !== "formula") info.kind = "table";
  const values = loaded.range.values as Cell[][];
  const options: AnswerOptions = {
    language: entry.options.language,
    currency: entry.options.currency,
    scale: entry.options.scale,
    bound: entry.options.bound,
  };
  const header = values[0]!.map((h) => String(h));
  // The header the data in use would write (percent headers, as an inserted table has them).
  const written = table.kind === "numeric" ? numericHeader(index, table, options, true) : table.header.map((cell) => cell[options.language]);
  const placeOfHeader = (text: string): number | "notes" | undefined => {
    if (isNotesHeader(text)) return "notes";
    const byEntry = entry.headers.indexOf(text);
    if (byEntry >= 0) return byEntry;
    const byData = written.indexOf(text);
    return byData >= 0 ? byData : undefined;
  };
  const reportColumn = placeOfHeader(header[column] ?? "");
  if (reportColumn === undefined) {
    info.notes.push({
      en: `The column "${header[column]}" is not one the add-in wrote (a column you added, or a header you renamed), so the pane cannot tell what it holds.`,
      zh: `列“${header[column]}”不是加载项写入的列(您添加的列或改过的标题),窗格无法判断其内容。`,
    });
    return;
  }
  if (row === 0) {
    if (!info.provenance || info.kind === "table") info.provenance = provenanceOfTableCell(index, table.id, options, 0, reportColumn === "notes" ? "notes" : reportColumn);
    if (info.provenance.kind === "table-cell" && info.provenance.table) info.provenance.table.part = "header";
    return;
  }
  const labelColumn = header.indexOf(entry.headers[0] ?? "") >= 0 ? header.indexOf(entry.headers[0]!) : 0;
  const label = values[row]?.[labelColumn];
  const reportRow = rowOfLabel(index, table, label);
  if (reportRow === undefined) {
    info.notes.push({
      en: `The row's label, "${String(label)}", is not a row of the report table, so the pane cannot tell which row this is.`,
      zh: `该行的标签“${String(label)}”不是报告表格中的行,窗格无法判断是哪一行。`,
    });
    return;
  }
  if (reportColumn === "notes") {
    info.provenance = provenanceOfTableCell(index, table.id, options, reportRow, "notes");
    return;
  }
  // A live cell's own formula says exactly what it computes; a snapshot cell (or one whose formula
  // was replaced) is told by its row and column.
  if (call && info.provenance && info.provenance.kind !== "error") {
    if (call.fn === "METRIC" && info.provenance.figure && table.kind === "numeric" && reportColumn > 0) {
      const expected = provenanceOfTableCell(index, table.id, options, reportRow, reportColumn);
      if (expected.figure && expected.figure.id !== info.provenance.figure.id) {
        info.notes.push({ en: "This cell's formula asks for another figure than its row and column show.", zh: "该单元格的公式所取数据与其所在行列不一致。" });
      }
      if (expected.table) info.provenance.table = expected.table;
    }
    return;
  }
  info.provenance = provenanceOfTableCell(index, table.id, options, reportRow, reportColumn);
  const answer = info.provenance.figure?.answer;
  if (entry.mode === "snapshot" && typeof answer === "number" && typeof info.value === "number" && Math.abs(answer - info.value) > 1e-9 * Math.max(1, Math.abs(answer))) {
    info.notes.push({
      en: `The cell shows ${info.value}, but the report's figure with this table's options is ${answer}: the cell was edited, or the table was written from other data (Refresh updates it).`,
      zh: `该单元格显示 ${info.value},而按此表格选项报告数据应为 ${answer}:单元格可能被修改过,或表格写入时使用了其他数据(刷新可更新)。`,
    });
  }
}

/** The 1-based row of the report table whose label (entity name, or the first cell as written) reads `label`. */
function rowOfLabel(index: DatasetIndex, table: Table, label: unknown): number | undefined {
  if (typeof label !== "string" || label.trim() === "") return undefined;
  const key = normalizeName(label);
  if (table.kind === "numeric") {
    const at = table.rows.findIndex((id) => {
      const e = index.entities.get(id);
      return !!e && [e.id, e.name.en, e.name.zh, ...e.aliases].some((n) => normalizeName(n) === key);
    });
    return at >= 0 ? at + 1 : undefined;
  }
  const at = table.rows.findIndex((cells) => normalizeName(cells[0]!.en) === key || normalizeName(cells[0]!.zh) === key);
  return at >= 0 ? at + 1 : undefined;
}

/**
 * Calls `listener` whenever the selection changes (Workbook.onSelectionChanged, ExcelApi 1.2).
 * Office.js removes a handler only through the request context it was added in, so the batch that
 * adds it stays open until the returned function is called; that function removes the handler and
 * resolves once Excel has done so. Rejects when Excel refuses the handler.
 */
export function onSelectionChanged(runner: ExcelRunner, listener: () => void): Promise<() => Promise<void>> {
  return new Promise((resolve, reject) => {
    let stop: () => void = () => undefined;
    const stopped = new Promise<void>((r) => (stop = r));
    let added = false;
    const done = runner.run(async (context) => {
      const registration = context.workbook.onSelectionChanged.add(async () => {
        listener();
      });
      await context.sync();
      added = true;
      resolve(async () => {
        stop();
        try {
          await done;
        } catch (e) {
          throw new Error(`Excel could not stop following the selection: ${excelMessage(e)}`);
        }
      });
      await stopped;
      registration.remove();
      await context.sync();
    });
    done.catch((e: unknown) => {
      if (!added) reject(new Error(`Excel could not follow the selection: ${excelMessage(e)}`));
    });
  });
}
