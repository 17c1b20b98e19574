/**
 * describeSelection and onSelectionChanged against the Excel stand-in: AIMARKET formulas (with
 * constants, cell references, expressions), cells of inserted tables in every form (also after the
 * user sorted rows, added a column or overwrote a label), spills, the round trips each takes, and
 * following the selection.
 */
import type { InsertRequest } from "../../src/excel/contracts";
import { describeSelection, onSelectionChanged } from "../../src/excel/describe-selection";
import type { ExcelRunner } from "../../src/excel/excel-runner";
import { createExcelApi } from "../../src/excel-sim";
import { simSetup, type SimSetup } from "../helpers/sim-setup";

const request = (over: Partial<InsertRequest> = {}): InsertRequest => ({ tableId: "vendor_revenue", mode: "snapshot", language: "en", currency: "USD", scale: "B", bound: "mid", ...over });

async function describe_(s: SimSetup, address: string) {
  s.workbook.select(address);
  return s.measure(() => s.actions.describeSelection());
}

/** The address of the body cell of `table` whose first column reads `label`, in column `column` (0-based in the table). */
function cellOf(s: SimSetup, tableName: string, label: string, column: number): string {
  const t = s.workbook.getTable(tableName)!;
  const top = Number(/(\d+)/.exec(t.address)![1]);
  const left = /!\$?([A-Z]+)/.exec(t.address)![1]!.charCodeAt(0) - 65;
  for (let r = 1; r <= t.dataRowCount; r++) {
    const address = `${String.fromCharCode(65 + left)}${top + r}`;
    if (s.workbook.getCell(address).value === label) return `${String.fromCharCode(65 + left + column)}${top + r}`;
  }
  throw new Error(`No row ${label} in ${tableName}`);
}

describe("formulas", () => {
  test("an empty cell: nothing the add-in knows, in one round trip", async () => {
    const s = simSetup();
    const { result, syncs } = await describe_(s, "D4");
    expect(result).toEqual({ address: "Sheet1!D4", text: "", value: "", kind: "empty", notes: [] });
    expect(syncs).toBe(1);
  });

  test("a constant or another formula: kind other, no provenance", async () => {
    const s = simSetup();
    s.workbook.setCell("A1", "hello");
    expect((await describe_(s, "A1")).result).toMatchObject({ kind: "other", text: "hello" });
    expect((await describe_(s, "A1")).result.provenance).toBeUndefined();
  });

  test("=AIMARKET.REVENUE(\"字节跳动\",2026,\"USD\"): the figure, its source and its flags, in one round trip", async () => {
    const s = simSetup();
    s.workbook.setCell("B2", '=AIMARKET.REVENUE("字节跳动",2026,"USD")');
    const { result, syncs } = await describe_(s, "B2");
    expect(syncs).toBe(1);
    expect(result.kind).toBe("formula");
    expect(result.value).toBe(1900000000);
    expect(result.call).toMatchObject({ fn: "REVENUE", whole: true, args: [{ name: "vendor", written: '"字节跳动"', value: "字节跳动" }, { name: "year", value: 2026 }, { name: "currency", value: "USD" }] });
    const figure = result.provenance!.figure!;
    expect(figure.id).toBe("bytedance.revenue.2026");
    expect(figure.source.text).toBe("19亿美元(国内首位)");
    expect(result.provenance!.flags.map((f) => f.code)).toEqual(["contradicted_by_source", "unit_suspect"]);
  });

  test("cell references are read (other sheets too) in a second round trip; an empty cell is an omitted argument", async () => {
    const s = simSetup();
    s.workbook.addSheet("My sheet");
    s.workbook.setCell("'My sheet'!A1", "CNY");
    s.workbook.setCell("Sheet1!A1", "OpenAI");
    s.workbook.setCell("Sheet1!C1", "=AIMARKET.REVENUE(A1,$B$1,'My sheet'!A1)");
    const { result, syncs } = await describe_(s, "Sheet1!C1");
    expect(syncs).toBe(2);
    expect(result.call!.args).toEqual([
      { name: "vendor", written: "A1", from: "Sheet1!A1", value: "OpenAI" },
      { name: "year", written: "$B$1", from: "Sheet1!B1", value: null },
      { name: "currency", written: "'My sheet'!A1", from: "'My sheet'!A1", value: "CNY" },
    ]);
    expect(result.provenance!.figure!.conversions).toContainEqual(expect.objectContaining({ kind: "currency", from: "USD", to: "CNY", cnyPerUsd: 7.1338 }));
  });

  test.each([
    ["=AIMARKET.REVENUE(UPPER(A1))", /expression the pane cannot read/],
    ["=AIMARKET.REVENUE(Nowhere!A1)", /on a sheet this workbook does not have/],
  ])("%s: no provenance, and the reason", async (formula, reason) => {
    const s = simSetup();
    s.workbook.setCell("B2", formula);
    const { result } = await describe_(s, "B2");
    expect(result.provenance).toBeUndefined();
    expect(result.notes.map((n) => n.en).join(" ")).toMatch(reason);
    expect(result.notes.every((n) => /\p{Script=Han}/u.test(n.zh))).toBe(true);
  });

  test("a call inside a larger formula is described, with a note that the cell computes more", async () => {
    const s = simSetup();
    s.workbook.setCell("B2", '=ROUND(AIMARKET.METRIC("OpenAI","mau"),1)');
    const { result } = await describe_(s, "B2");
    expect(result.provenance!.figure!.id).toBe("openai.mau.2026");
    expect(result.notes[0]!.en).toMatch(/does more than call AIMARKET/);
  });

  test("a bad argument: the error the cell shows, with its message", async () => {
    const s = simSetup();
    s.workbook.setCell("B2", '=AIMARKET.REVENUE("OpenAl")');
    const { result } = await describe_(s, "B2");
    expect(result.provenance).toMatchObject({ kind: "error", error: { shows: "#N/A", message: 'Unknown vendor "OpenAl". Did you mean "OpenAI"?' } });
  });

  test("an unknown AIMARKET function is named", async () => {
    const s = simSetup();
    s.workbook.setCell("B2", "=AIMARKET.PRICE(1)");
    const { result } = await describe_(s, "B2");
    expect(result.kind).toBe("other");
    expect(result.provenance).toBeUndefined();
    expect(result.notes[0]!.en).toBe("AIMARKET.PRICE is not an AIMARKET function: the add-in has REVENUE, METRIC, TABLE, TABLES, ENTITIES, METRICS, SOURCE and INFO.");
  });
});

describe("cells of inserted tables", () => {
  test.each(["snapshot", "live"] as const)("%s numeric table: a figure cell by its row label and header, in two round trips", async (mode) => {
    const s = simSetup();
    s.workbook.select("B3");
    const inserted = await s.actions.insertTable(request({ mode }));
    const address = cellOf(s, inserted.name, "ByteDance", 2);
    const { result, syncs } = await describe_(s, address);
    expect(syncs).toBe(2);
    expect(result.table).toMatchObject({ name: inserted.name, mode, tableId: "vendor_revenue" });
    expect(result.kind).toBe(mode === "live" ? "formula" : "table");
    expect(result.provenance!.figure!.id).toBe("bytedance.revenue.2026");
    expect(result.provenance!.table).toMatchObject({ id: "vendor_revenue", part: "figure", rowLabel: { en: "ByteDance" }, bound: "mid" });
    expect(result.provenance!.flags.map((f) => f.code)).toContain("contradicted_by_source");
    expect(result.notes).toEqual([]);
  });

  test("rows sorted by the user: the row is told by its label, not its position", async () => {
    const s = simSetup();
    s.workbook.select("A1");
    const inserted = await s.actions.insertTable(request());
    // Swap the first two body rows (OpenAI, Google) as a sort would.
    const rows = s.workbook.getValues("A2:D3");
    s.workbook.setCell("A2", String(rows[1]![0]));
    s.workbook.setCell("A3", String(rows[0]![0]));
    for (let c = 1; c < 4; c++) {
      const col = String.fromCharCode(65 + c);
      s.workbook.setCell(`${col}2`, rows[1]![c] as number);
      s.workbook.setCell(`${col}3`, rows[0]![c] as number);
    }
    const { result } = await describe_(s, "B2");
    expect(s.workbook.getCell("A2").value).toBe("Google");
    expect(result.provenance!.figure!.id).toBe("google.revenue.2026");
    expect(result.table!.name).toBe(inserted.name);
  });

  test.each(["snapshot", "live"] as const)("%s: a column the user added is said plainly; the Notes column gives the row's flags", async (mode) => {
    const s = simSetup();
    s.workbook.select("A1");
    const inserted = await s.actions.insertTable(request({ mode }));
    expect(s.workbook.getCell("E1").value).toBe("Notes");
    s.workbook.addTableColumn(inserted.name, "My column");
    const mine = await describe_(s, "F6");
    expect(mine.result.provenance).toBeUndefined();
    expect(mine.result.notes[0]!.en).toMatch(/"My column" is not one the add-in wrote/);
    const notes = await describe_(s, cellOf(s, inserted.name, "ByteDance", 4));
    expect(notes.result.provenance!.table!.part).toBe("notes");
    expect(notes.result.provenance!.figures.map((f) => f.id)).toEqual(["bytedance.revenue.2026"]);
    expect(notes.result.provenance!.flags.map((f) => f.code)).toEqual(["contradicted_by_source", "unit_suspect"]);
  });

  test("a row whose label was overwritten: the pane says it cannot tell", async () => {
    const s = simSetup();
    s.workbook.select("A1");
    await s.actions.insertTable(request());
    s.workbook.setCell("A2", "Somebody");
    const { result } = await describe_(s, "C2");
    expect(result.provenance).toBeUndefined();
    expect(result.notes[0]!.en).toBe('The row\'s label, "Somebody", is not a row of the report table, so the pane cannot tell which row this is.');
  });

  test("header cells and label cells", async () => {
    const s = simSetup();
    s.workbook.select("A1");
    await s.actions.insertTable(request({ language: "zh" }));
    const header = await describe_(s, "C1");
    expect(header.result.provenance!.table).toMatchObject({ part: "header", column: 2 });
    expect(header.result.provenance!.note!.zh).toMatch(/营收/);
    const label = await describe_(s, "A2");
    expect(label.result.provenance!.table).toMatchObject({ part: "row-label", rowLabel: { zh: "OpenAI" } });
  });

  test("a snapshot cell the user edited: the report's figure, and a note that the cell differs", async () => {
    const s = simSetup();
    s.workbook.select("A1");
    await s.actions.insertTable(request());
    s.workbook.setCell("C2", 99);
    const { result } = await describe_(s, "C2");
    expect(result.provenance!.figure!.id).toBe("openai.revenue.2026");
    expect(result.notes[0]!.en).toMatch(/The cell shows 99, but the report's figure with this table's options is 33/);
  });

  test.each(["snapshot", "live"] as const)("%s table as written (vendors_china, Chinese): the cell's figures and the table's flags", async (mode) => {
    const s = simSetup();
    s.workbook.select("B2");
    const inserted = await s.actions.insertTable(request({ tableId: "vendors_china", mode, language: "zh" }));
    const address = cellOf(s, inserted.name, "字节跳动", 3);
    const { result } = await describe_(s, address);
    const p = result.provenance!;
    expect(p.kind).toBe("table-cell");
    expect(p.table).toMatchObject({ id: "vendors_china", part: "text", rowLabel: { zh: "字节跳动" }, columnLabel: { zh: "营收表现(2026年预测)" } });
    expect(p.figures.map((f) => f.id)).toEqual(["bytedance.revenue.2026"]);
    expect(p.flags.filter((f) => f.on === "table").map((f) => f.code)).toEqual(["period_unclear", "missing_in_source"]);
    expect(p.flags.filter((f) => f.on === "figure").map((f) => f.code)).toEqual(["contradicted_by_source", "unit_suspect"]);
  });
});

describe("spills", () => {
  test("a cell inside the add-in's spill: which cell of the table, and the tracked entry", async () => {
    const s = simSetup();
    s.workbook.select("B2");
    await s.actions.insertTable(request({ mode: "spill" }));
    const { result, syncs } = await describe_(s, "D7");
    expect(syncs).toBe(1);
    expect(result.kind).toBe("spill");
    expect(result.call).toMatchObject({ fn: "TABLE", anchor: "Sheet1!B2", at: { row: 5, column: 2 } });
    expect(result.table).toMatchObject({ mode: "spill", tableId: "vendor_revenue" });
    expect(result.provenance!.figure!.id).toBe("bytedance.revenue.2026");
  });

  test.each(["数据", "Q1 2026", "Bob's"])("the add-in's spill is found on a sheet named %s (names Excel quotes, or not)", async (sheet) => {
    const s = simSetup();
    s.workbook.addSheet(sheet);
    s.workbook.select(`'${sheet.replace(/'/g, "''")}'!B2`);
    await s.actions.insertTable(request({ mode: "spill" }));
    s.workbook.select(`'${sheet.replace(/'/g, "''")}'!D7`);
    const info = await s.actions.describeSelection();
    expect(info.table).toMatchObject({ mode: "spill", tableId: "vendor_revenue" });
    expect(info.provenance!.figure!.id).toBe("bytedance.revenue.2026");
  });

  test("a user-typed TABLE spill, no registry entry: one round trip", async () => {
    const s = simSetup();
    s.workbook.setCell("A1", '=AIMARKET.TABLE("vendor_metrics",,"CNY","亿")');
    const { result, syncs } = await describe_(s, "B3");
    expect(syncs).toBe(1);
    expect(result.provenance!.figure!.id).toBe("google.revenue.2026");
    expect(result.provenance!.figure!.conversions).toContainEqual(expect.objectContaining({ kind: "currency", from: "USD", to: "CNY" }));
  });

  test("the anchor of a spill is its header's first cell", async () => {
    const s = simSetup();
    s.workbook.setCell("A1", '=AIMARKET.TABLE("vendor_revenue")');
    const { result } = await describe_(s, "A1");
    expect(result.kind).toBe("formula");
    expect(result.provenance!.table).toMatchObject({ part: "header", row: 0, column: 0 });
  });
});

describe("following the selection", () => {
  test("the listener hears each change until the remover resolves; the handler is added and removed in one request context", async () => {
    const s = simSetup();
    const heard: string[] = [];
    const before = s.workbook.syncCount;
    const remove = await onSelectionChanged(createExcelApi(s.workbook) as unknown as ExcelRunner, () => heard.push(s.workbook.activeCellAddress));
    expect(s.workbook.syncCount - before).toBe(1);
    expect(s.workbook.selectionChanged.size).toBe(1);
    s.workbook.select("C3");
    expect(heard).toEqual([]);
    await new Promise((r) => setTimeout(r, 5));
    expect(heard).toEqual(["Sheet1!C3"]);
    await remove();
    expect(s.workbook.selectionChanged.size).toBe(0);
    s.workbook.select("D4");
    await new Promise((r) => setTimeout(r, 5));
    expect(heard).toEqual(["Sheet1!C3"]);
  });

  test("through ExcelActions", async () => {
    const s = simSetup();
    let calls = 0;
    const remove = await s.actions.onSelectionChanged(() => (calls += 1));
    s.workbook.select("B9");
    await new Promise((r) => setTimeout(r, 5));
    expect(calls).toBe(1);
    await remove();
  });

  test("a runner that fails: the promise rejects with one sentence", async () => {
    const runner: ExcelRunner = { run: () => Promise.reject(new Error("boom")) };
    await expect(onSelectionChanged(runner, () => undefined)).rejects.toThrow("Excel could not follow the selection: boom");
  });

  test("an Excel without getSpillParentOrNullObject (before ExcelApi 1.12): described without spills, and said so", async () => {
    const s = simSetup();
    s.workbook.setCell("A1", '=AIMARKET.REVENUE("OpenAI")');
    s.workbook.select("A1");
    const real = createExcelApi(s.workbook) as unknown as ExcelRunner;
    let calls = 0;
    const runner: ExcelRunner = {
      run: (batch) => (++calls === 1 ? Promise.reject(Object.assign(new Error("This API is not supported."), { code: "ApiNotFound" })) : real.run(batch)),
    };
    const info = await describeSelection(runner, s.store);
    expect(info.provenance!.figure!.id).toBe("openai.revenue.2026");
    expect(info.notes.map((n) => n.en)).toEqual([expect.stringMatching(/cannot tell which spilled array a cell belongs to \(ExcelApi 1\.12\)/)]);
  });

  test("describeSelection failing: one sentence", async () => {
    const runner: ExcelRunner = { run: () => Promise.reject(new Error("boom")) };
    const s = simSetup();
    await expect(describeSelection(runner, s.store)).rejects.toThrow("Excel could not read the selected cell: boom");
  });
});
