/**
 * src/excel against the in-memory Excel stand-in: inserting every table in every form, refreshing,
 * and each rule that protects the user's work, with the round trips counted.
 */
import { buildTable } from "../../src/core/build-table";
import type { InsertMode, InsertRequest } from "../../src/excel/contracts";
import type { Dataset } from "../../src/core/schema";
import type { ExcelRunner } from "../../src/excel/excel-runner";
import { REGISTRY_KEY } from "../../src/excel/registry";
import { createExcelApi } from "../../src/excel-sim";
import { bundledDataset } from "../helpers/bundled-dataset";
import { revisedDataset, simSetup } from "../helpers/sim-setup";

const dataset = bundledDataset();
const request = (over: Partial<InsertRequest> = {}): InsertRequest => ({ tableId: "vendor_revenue", mode: "snapshot", language: "en", currency: "USD", scale: "B", bound: "mid", ...over });
const valuesOf = (s: ReturnType<typeof simSetup>, address: string) => s.workbook.getValues(address);

describe.each<InsertMode>(["snapshot", "live"])("inserting every table as a %s table", (mode) => {
  test.each(dataset.tables.map((t) => t.id))("%s: an Excel table of the report's values, in at most 3 round trips", async (tableId) => {
    const s = simSetup();
    s.workbook.select("B3");
    const { result, syncs } = await s.measure(() => s.actions.insertTable(request({ tableId, mode, language: "zh", currency: "CNY", scale: "亿" })));
    expect(syncs).toBeLessThanOrEqual(3);
    const expected = buildTable(s.store.current.index, tableId, { language: "zh", currency: "CNY", scale: "亿", percentHeaders: true });
    const rows = expected.length;
    const cols = expected[0]!.length;
    const table = s.workbook.getTable(result.name)!;
    expect(result.name).toBe(`AIM_${tableId}_1`);
    expect(table.headers).toEqual(expected[0]);
    expect(table.dataRowCount).toBe(rows - 1);
    expect(result.address).toBe(table.address);
    const shown = valuesOf(s, table.address);
    expect(shown).toEqual(expected);
    const below = s.workbook.getCell(`B${3 + rows}`);
    expect(String(below.value)).toMatch(/^来源:2026年全球AI大模型产业全景报告/);
    expect(result.sourceLineAddress).toBe(`Sheet1!B${3 + rows}`);
    if (mode === "live") {
      const firstFigure = s.workbook.getCell("C4");
      expect(firstFigure.formula).toMatch(/^=(IFNA\(AIMARKET\.METRIC|INDEX\(AIMARKET\.TABLE)/);
    } else {
      expect(s.workbook.cells().every((c) => c.formula === undefined)).toBe(true);
    }
    expect(cols).toBe(table.headers.length);
  });
});

describe("inserting as a spill formula", () => {
  test.each(dataset.tables.map((t) => t.id))("%s: one TABLE formula whose array spills, no Excel table", async (tableId) => {
    const s = simSetup();
    s.workbook.select("A1");
    const { result, syncs } = await s.measure(() => s.actions.insertTable(request({ tableId, mode: "spill" })));
    expect(syncs).toBeLessThanOrEqual(3);
    expect(s.workbook.tables).toEqual([]);
    expect(s.workbook.getCell("A1").formula).toBe(`=AIMARKET.TABLE("${tableId}","en","USD","B","mid")`);
    const expected = buildTable(s.store.current.index, tableId, { currency: "USD", scale: "B" });
    expect(valuesOf(s, result.address)).toEqual(expected);
  });
});

test("formats: bold header, number formats by kind, percent header for shares", async () => {
  const s = simSetup();
  const { result } = await s.measure(() => s.actions.insertTable(request({ tableId: "vendor_metrics" })));
  const table = s.workbook.getTable(result.name)!;
  const share = table.headers.indexOf("Domestic chip share (%)");
  expect(share).toBeGreaterThan(0);
  expect(s.workbook.getCell("A1").bold).toBe(true);
  const col = String.fromCharCode(65 + share);
  expect(s.workbook.getCell(`${col}7`).numberFormat).toBe("0.0%");
  expect(s.workbook.getCell("B2").numberFormat).toBe("#,##0.00");
});

describe("rules that protect the user's work", () => {
  test("a non-empty cell in the way stops the insert, names it, and changes nothing", async () => {
    const s = simSetup();
    s.workbook.setCell("C5", "my note");
    s.workbook.setCell("D7", 12);
    const before = JSON.stringify(s.workbook.toJSON());
    await expect(s.actions.insertTable(request())).rejects.toThrow(
      "Nothing was inserted: Sheet1!C5, Sheet1!D7 are not empty. Select a cell with 10 free rows and 5 free columns from it, or clear those cells.",
    );
    expect(JSON.stringify(s.workbook.toJSON())).toBe(before);
  });

  test("a spill is stopped the same way when its area is not empty", async () => {
    const s = simSetup();
    s.workbook.setCell("B2", "=1");
    await expect(s.actions.insertTable(request({ mode: "spill" }))).rejects.toThrow("Nothing was inserted: Sheet1!B2 is not empty.");
  });

  test("the source line goes only where it overwrites nothing", async () => {
    const s = simSetup();
    s.workbook.setCell("A11", "keep me");
    const result = await s.actions.insertTable(request());
    expect(s.workbook.getCell("A11").value).toBe("keep me");
    expect(result.sourceLineAddress).toBeUndefined();
    expect(result.notes).toEqual(["The source line was not placed because Sheet1!A11 is not empty."]);
  });

  test("text that looks like a formula is written as text", async () => {
    const s = simSetup(revisedDataset((d) => {
      d.entities.find((e) => e.id === "openai")!.name.en = "=HYPERLINK(\"http://x\",\"click\")";
      d.entities.find((e) => e.id === "google")!.name.en = "+1 Google";
      d.entities.find((e) => e.id === "meta")!.name.en = "@Meta";
      d.entities.find((e) => e.id === "anthropic")!.name.en = "-Anthropic";
      d.entities.find((e) => e.id === "bytedance")!.name.en = "2026";
    }));
    for (const mode of ["snapshot", "live"] as const) {
      s.workbook.select(mode === "snapshot" ? "A1" : "G1");
      await s.actions.insertTable(request({ mode }));
      const col = mode === "snapshot" ? "A" : "G";
      const cells = [2, 3, 4, 5, 6].map((r) => s.workbook.getCell(`${col}${r}`));
      expect(cells.map((c) => [c.value, c.formula])).toEqual(["=HYPERLINK(\"http://x\",\"click\")", "+1 Google", "-Anthropic", "@Meta", "2026"].map((v) => [v, undefined]));
    }
  });

  test("refresh keeps cells the user changed, their formatting, widths and added columns", async () => {
    const s = simSetup();
    const { name } = await s.actions.insertTable(request());
    s.workbook.setCell("B2", 99);
    s.workbook.addTableColumn(name, "My notes", ["n1", "n2"]);
    const api = s.workbook;
    const widthBefore = api.columnWidth("Sheet1", 2);
    s.store.replace(revisedDataset());
    const { result, syncs } = await s.measure(() => s.actions.refresh());
    expect(syncs).toBeLessThanOrEqual(4);
    expect(result.refreshed).toEqual([expect.objectContaining({ name, userEditsKept: 1, cellsChanged: 4, rowsAdded: 0, notes: [] })]);
    expect(s.workbook.getCell("B2").value).toBe(99);
    expect(s.workbook.getCell("C2").value).toBe(34);
    expect(s.workbook.getCell("D4").value).toBe(28);
    expect(s.workbook.getTable(name)!.headers).toEqual(["Vendor", "Revenue 2026, low (USD billion)", "Revenue 2026, midpoint (USD billion)", "Revenue 2026, high (USD billion)", "Notes", "My notes"]);
    expect(s.workbook.getCell("F2").value).toBe("n1");
    expect(api.columnWidth("Sheet1", 2)).toBe(widthBefore);
    expect(result.datasetVersion).toBe("1.1.0");
  });

  test("live tables follow the data by themselves; refresh counts what moved", async () => {
    const s = simSetup();
    await s.actions.insertTable(request({ mode: "live" }));
    expect(s.workbook.getCell("B2").value).toBe(33);
    s.store.replace(revisedDataset());
    expect(s.workbook.getCell("B2").value).toBe(34);
    const summary = await s.actions.refresh();
    expect(summary.cellsChanged).toBe(5);
    expect(summary.refreshed[0]!.userEditsKept).toBe(0);
  });

  test("a refresh that would grow into the user's cells stops for that table and names them", async () => {
    const s = simSetup();
    const { name } = await s.actions.insertTable(request({ tableId: "model_specs" }));
    s.workbook.setCell("C5", "mine");
    s.store.replace(revisedDataset(addModel));
    const before = s.workbook.getTable(name)!;
    const summary = await s.actions.refresh();
    expect(summary.refreshed).toEqual([]);
    expect(summary.failed).toEqual([{ name, reason: `${name} needs 1 more row, but Sheet1!A5:H5 is not empty; clear it or move the table, then refresh.` }]);
    expect(s.workbook.getTable(name)).toEqual(before);
    expect(s.workbook.getCell("C5").value).toBe("mine");
  });

  test("a refresh grows a table into free rows", async () => {
    const s = simSetup();
    const { name } = await s.actions.insertTable(request({ tableId: "model_specs" }));
    s.store.replace(revisedDataset(addModel));
    const summary = await s.actions.refresh();
    expect(summary.failed).toEqual([]);
    expect(summary.refreshed[0]).toMatchObject({ name, rowsAdded: 1 });
    expect(s.workbook.getTable(name)!.dataRowCount).toBe(4);
    expect(s.workbook.getCell("A5").value).toBe("Test Model");
    expect(s.workbook.getCell("B5").numberFormat).toBe("#,##0.00");
    expect(String(s.workbook.getCell("A6").value)).toMatch(/^Source: .*v1\.1\.0/);
  });

  test("a deleted table is reported, not recreated; a renamed one is reported with its new name", async () => {
    const s = simSetup();
    const a = await s.actions.insertTable(request());
    s.workbook.select("H1");
    const b = await s.actions.insertTable(request({ tableId: "model_specs" }));
    s.workbook.deleteTable(a.name);
    s.workbook.renameTable(b.name, "MyModels");
    const summary = await s.actions.refresh();
    expect(summary.failed).toEqual([
      { name: a.name, reason: `${a.name} was deleted from the workbook; it is not recreated. Insert the table again to track it.` },
      { name: b.name, reason: `${b.name} was renamed to "MyModels", so it is no longer refreshed; rename it back to ${b.name} to refresh it.` },
    ]);
    expect(s.workbook.tables.map((t) => t.name)).toEqual(["MyModels"]);
  });
});

test("refreshing ten tracked tables takes at most 4 round trips", async () => {
  const s = simSetup();
  for (let i = 0; i < 10; i++) {
    s.workbook.select(`A${1 + i * 14}`);
    await s.actions.insertTable(request({ mode: i % 2 === 0 ? "snapshot" : "live" }));
  }
  s.store.replace(revisedDataset());
  const { result, syncs } = await s.measure(() => s.actions.refresh());
  expect(result.refreshed).toHaveLength(10);
  expect(result.failed).toEqual([]);
  expect(syncs).toBeLessThanOrEqual(4);
});

test("the registry survives save and reopen, and a reopened workbook refreshes", async () => {
  const s = simSetup();
  const { name } = await s.actions.insertTable(request());
  await s.actions.setRefreshOnOpen(true);
  const reopened = s.reopen();
  expect(await reopened.actions.listTracked()).toEqual([expect.objectContaining({ name, tableId: "vendor_revenue", mode: "snapshot", datasetVersion: "1.0.0", sheet: "Sheet1", address: "A1:E10" })]);
  expect(await reopened.actions.getRefreshOnOpen()).toBe(true);
  expect(typeof reopened.workbook.getSetting(REGISTRY_KEY)).toBe("string");
  reopened.store.replace(revisedDataset());
  const summary = await reopened.actions.refresh();
  expect(summary.refreshed[0]!.cellsChanged).toBe(5);
});

test("a spill whose formula the user replaced is reported and left alone", async () => {
  const s = simSetup();
  const { name } = await s.actions.insertTable(request({ mode: "spill" }));
  s.workbook.setCell("A1", "gone");
  const summary = await s.actions.refresh();
  expect(summary.failed).toEqual([{ name, reason: `${name}: the formula in Sheet1!A1 was changed or removed, so it is left as it is.` }]);
  expect(s.workbook.getCell("A1").value).toBe("gone");
});

function addModel(d: Dataset): void {
  d.entities.push({ id: "test-model", kind: "model", name: { en: "Test Model", zh: "测试模型" }, aliases: [] });
  d.figures.push({ ...d.figures.find((f) => f.id === "kimi-2.5.total_params")!, id: "test-model.total_params", entity: "test-model" });
  const table = d.tables.find((t) => t.id === "model_specs")!;
  if (table.kind === "numeric") table.rows.push("test-model");
}

describe("the workbook's feed and the dataset it last used", () => {
  const stored = (s: ReturnType<typeof simSetup>) => JSON.parse(String(s.workbook.getSetting(REGISTRY_KEY) ?? "null")) as Record<string, unknown> | null;

  test("a new workbook names no feed and no dataset, in one round trip", async () => {
    const s = simSetup();
    const { result, syncs } = await s.measure(() => s.actions.getWorkbookState());
    expect(result).toEqual({ refreshOnOpen: false });
    expect(syncs).toBe(1);
  });

  test("setFeedUrl saves the checked address in two round trips; it survives save and reopen; undefined removes it", async () => {
    const s = simSetup();
    const { name } = await s.actions.insertTable(request());
    const { result, syncs } = await s.measure(() => s.actions.setFeedUrl("  https://Example.com/feeds/ai-market.json "));
    expect(result).toBe("https://example.com/feeds/ai-market.json");
    expect(syncs).toBe(2);
    const reopened = s.reopen();
    expect(await reopened.actions.getWorkbookState()).toEqual({
      feedUrl: "https://example.com/feeds/ai-market.json",
      lastDataset: { version: "1.0.0", hash: s.store.current.hash },
      refreshOnOpen: false,
    });
    expect((await reopened.actions.listTracked()).map((t) => t.name)).toEqual([name]);
    await expect(reopened.actions.setFeedUrl(undefined)).resolves.toBeUndefined();
    expect((await reopened.actions.getWorkbookState()).feedUrl).toBeUndefined();
    expect(stored(reopened)).not.toHaveProperty("feedUrl");
    expect((await reopened.actions.listTracked()).map((t) => t.name)).toEqual([name]);
  });

  test.each([
    ["ftp://example.com/feed.json", 'The feed URL "ftp://example.com/feed.json" uses ftp; feeds are read over https only (plain http only from this computer: localhost, 127.x.x.x or [::1]).'],
    ["http://example.com/feed.json", 'The feed URL "http://example.com/feed.json" uses plain http to another computer; use https (plain http is allowed only for localhost, 127.x.x.x or [::1]).'],
    ["example.com/feed.json", '"example.com/feed.json" is not a valid URL; give the feed\'s full address, e.g. https://example.com/ai-market.json.'],
    ["https://user:secret@example.com/feed.json", "The feed URL contains a user name or password; remove them, a feed is read without signing in."],
  ])("a refused address (%s) rejects with the check's message, asks Excel nothing and saves nothing", async (url, message) => {
    const s = simSetup();
    await s.actions.setFeedUrl("https://example.com/good.json");
    const before = JSON.stringify(s.workbook.toJSON());
    const { syncs } = await s.measure(() => expect(s.actions.setFeedUrl(url)).rejects.toThrow(message));
    expect(syncs).toBe(0);
    expect(JSON.stringify(s.workbook.toJSON())).toBe(before);
    expect((await s.actions.getWorkbookState()).feedUrl).toBe("https://example.com/good.json");
  });

  test("plain http from this computer is allowed, as for publishers testing a feed", async () => {
    const s = simSetup();
    await expect(s.actions.setFeedUrl("http://127.0.0.1:8080/feed.json")).resolves.toBe("http://127.0.0.1:8080/feed.json");
    await expect(s.actions.setFeedUrl("http://localhost:8080/feed.json")).resolves.toBe("http://localhost:8080/feed.json");
  });

  test("an insert records the dataset it used, within its round trips; so does recordDatasetUsed", async () => {
    const s = simSetup();
    s.store.replace(revisedDataset());
    const { result, syncs } = await s.measure(() => s.actions.insertTable(request()));
    expect(syncs).toBeLessThanOrEqual(3);
    const used = { version: "1.1.0", hash: s.store.current.hash };
    expect(result.dataset).toEqual(used);
    expect(stored(s)).toMatchObject({ version: 1, lastDataset: used });
    expect((await s.actions.getWorkbookState()).lastDataset).toEqual(used);
    await s.actions.recordDatasetUsed("1.2.0", "feedfeedfeedfe");
    expect((await s.actions.getWorkbookState()).lastDataset).toEqual({ version: "1.2.0", hash: "feedfeedfeedfe" });
  });

  test("a refresh records the dataset it used, within its round trips, unless every table failed", async () => {
    const s = simSetup();
    const { name } = await s.actions.insertTable(request());
    const first = s.store.current;
    s.store.replace(revisedDataset());
    const { result, syncs } = await s.measure(() => s.actions.refresh());
    expect(syncs).toBeLessThanOrEqual(4);
    const used = { version: "1.1.0", hash: s.store.current.hash };
    expect(result.lastDataset).toEqual(used);
    expect((await s.actions.getWorkbookState()).lastDataset).toEqual(used);

    s.workbook.deleteTable(name);
    s.store.replace(revisedDataset((d) => (d.meta.version = "1.2.0")));
    const failed = await s.actions.refresh();
    expect(failed.failed).toHaveLength(1);
    expect(failed.lastDataset).toBeUndefined();
    expect((await s.actions.getWorkbookState()).lastDataset).toEqual(used);
    expect(used.hash).not.toBe(first.hash);
  });

  test("a refresh with no tables to refresh records the dataset too: nothing in the workbook is older", async () => {
    const s = simSetup();
    const summary = await s.actions.refresh();
    expect(summary.lastDataset).toEqual({ version: "1.0.0", hash: s.store.current.hash });
  });

  test("a workbook saved before the dataset was recorded reports the dataset of its latest table", async () => {
    const s = simSetup();
    await s.actions.insertTable(request());
    const registry = stored(s)!;
    delete registry.lastDataset;
    await (createExcelApi(s.workbook) as unknown as ExcelRunner).run(async (context) => {
      context.workbook.settings.add(REGISTRY_KEY, JSON.stringify(registry));
      await context.sync();
    });
    expect(await s.actions.getWorkbookState()).toEqual({ refreshOnOpen: false, lastDataset: { version: "1.0.0", hash: s.store.current.hash } });
  });
});
