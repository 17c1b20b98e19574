/**
 * Charts of inserted tables against the Excel stand-in: type, the cells each series and the
 * categories are bound to, title with the source line, axis title with the unit, the registry
 * record, the errors, and refreshes that change the table's size.
 */
import type { Dataset, NumericTable } from "../../src/core/schema";
import type { InsertChartRequest, InsertRequest } from "../../src/excel/contracts";
import type { ExcelRunner } from "../../src/excel/excel-runner";
import { readRegistry, REGISTRY_KEY } from "../../src/excel/registry";
import { createExcelApi, simCharts } from "../../src/excel-sim";
import { revisedDataset, simSetup, type SimSetup } from "../helpers/sim-setup";

const request = (over: Partial<InsertRequest> = {}): InsertRequest => ({ tableId: "vendor_revenue", mode: "snapshot", language: "en", currency: "USD", scale: "B", bound: "mid", ...over });
const chart = (tableName: string, chartId: string, language: "en" | "zh" = "en"): InsertChartRequest => ({ tableName, chartId, language });
const registryOf = (s: SimSetup) => readRegistry(s.workbook.getSetting(REGISTRY_KEY)).registry;
const EN_SOURCE = "Source: 2026年全球AI大模型产业全景报告:双轮驱动下的中美格局与竞争逻辑(修正版), section 二(二)/二(三); dataset ai-market-2026 v1.0.0";
const ZH_SOURCE = "来源:2026年全球AI大模型产业全景报告:双轮驱动下的中美格局与竞争逻辑(修正版),第二(二)/二(三)节;数据集 ai-market-2026 v1.0.0";
const VENDORS_EN = ["OpenAI", "Google", "Anthropic", "Meta", "ByteDance", "Alibaba", "Baidu", "Tencent", "DeepSeek"];

async function inserted(s: SimSetup, at: string, over: Partial<InsertRequest> = {}): Promise<string> {
  s.workbook.select(at);
  return (await s.actions.insertTable(request(over))).name;
}

describe("inserting a chart", () => {
  test("revenue range: clustered columns bound to the low, midpoint and high columns, in 2 round trips", async () => {
    const s = simSetup();
    const table = await inserted(s, "B2");
    const { result, syncs } = await s.measure(() => s.actions.insertChart(chart(table, "revenue_range")));
    expect(syncs).toBe(2);
    expect(result).toEqual({ name: `${table}_revenue_range`, sheet: "Sheet1", notes: [] });
    const [info, ...others] = simCharts(s.workbook);
    expect(others).toEqual([]);
    expect(info).toMatchObject({
      name: `${table}_revenue_range`,
      chartType: "ColumnClustered",
      title: `Revenue by vendor, 2026 forecast (low, midpoint, high)\n${EN_SOURCE}`,
      valueAxisTitle: "Revenue (USD billion)",
      legend: { visible: true, position: "Bottom" },
      top: 15,
    });
    const titleLine = "Revenue by vendor, 2026 forecast (low, midpoint, high)".length + 1;
    expect(info!.titleRuns).toEqual([
      { start: titleLine, length: EN_SOURCE.length, size: 9 },
      { start: titleLine, length: EN_SOURCE.length, italic: true },
    ]);
    expect(info!.series.map((x) => [x.name, x.values, x.xValues])).toEqual([
      ["Revenue 2026, low", "Sheet1!C3:C11", "Sheet1!B3:B11"],
      ["Revenue 2026, midpoint", "Sheet1!D3:D11", "Sheet1!B3:B11"],
      ["Revenue 2026, high", "Sheet1!E3:E11", "Sheet1!B3:B11"],
    ]);
    expect(info!.series[0]!.categories).toEqual(VENDORS_EN);
    // The low and high ends are visible: Anthropic's 24-27 (USD billion).
    expect(info!.series.map((x) => x.data[2])).toEqual([24, 25.5, 27]);
    expect(info!.title.length).toBeLessThanOrEqual(255);
    expect(registryOf(s).entries[0]!.charts).toEqual([
      {
        name: `${table}_revenue_range`,
        chartId: "revenue_range",
        language: "en",
        categoryHeader: "Vendor",
        seriesHeaders: ["Revenue 2026, low (USD billion)", "Revenue 2026, midpoint (USD billion)", "Revenue 2026, high (USD billion)"],
        title: info!.title,
        anchor: "H2:O19",
        insertedAt: expect.any(String),
      },
    ]);
  });

  test("vendor_metrics in Chinese: compute, users and domestic chip share, each beside the one before", async () => {
    const s = simSetup();
    const table = await inserted(s, "A1", { tableId: "vendor_metrics", language: "zh", currency: "CNY", scale: "亿" });
    for (const id of ["compute_by_vendor", "mau_by_vendor", "domestic_chip_share"]) await s.actions.insertChart(chart(table, id, "zh"));
    const charts = simCharts(s.workbook);
    expect(charts.map((c) => [c.chartType, c.title.split("\n")[0], c.valueAxisTitle, c.series.map((x) => [x.name, x.values, x.xValues]), c.legend.visible])).toEqual([
      ["ColumnClustered", "各厂商总算力(2026年)", "总算力(GW)", [["总算力", "Sheet1!F2:F10", "Sheet1!A2:A10"]], false],
      ["ColumnClustered", "各厂商月活用户(2026年)", "月活用户(用户,亿)", [["月活用户", "Sheet1!I2:I10", "Sheet1!A2:A10"]], false],
      ["BarClustered", "各厂商国产芯片占比(2026年)", "国产芯片占比(%)", [["国产芯片占比", "Sheet1!H2:H10", "Sheet1!A2:A10"]], false],
    ]);
    for (const c of charts) expect(c.title.split("\n")[1]).toBe(ZH_SOURCE);
    expect(charts[0]!.series[0]!.categories).toEqual(["OpenAI", "谷歌", "Anthropic", "Meta", "字节跳动", "阿里巴巴", "百度", "腾讯", "DeepSeek"]);
    expect(registryOf(s).entries[0]!.charts!.map((c) => c.anchor)).toEqual(["N1:U18", "V1:AC18", "AD1:AK18"]);
    const lefts = charts.map((c) => c.left);
    expect(lefts[1]! - lefts[0]!).toBeGreaterThanOrEqual(charts[0]!.width);
  });

  test("columns are found by their headers, so a column the user added does not shift the series; user cells are not covered", async () => {
    const s = simSetup();
    const table = await inserted(s, "B2");
    s.workbook.addTableColumn(table, "My notes", ["a", "b"]);
    s.workbook.setCell("J5", "mine");
    const result = await s.actions.insertChart(chart(table, "revenue_range"));
    expect(result.notes).toEqual([]);
    const [info] = simCharts(s.workbook);
    expect(info!.series.map((x) => x.values)).toEqual(["Sheet1!C3:C11", "Sheet1!D3:D11", "Sheet1!E3:E11"]);
    // The table is B2:G11 now (its Notes column, then the user's); J5 holds the user's text, so the chart starts right of it.
    expect(registryOf(s).entries[0]!.charts![0]!.anchor).toBe("K2:R19");
    expect(s.workbook.getCell("J5").value).toBe("mine");
  });

  test("a second chart of the same preset gets its own name", async () => {
    const s = simSetup();
    const table = await inserted(s, "B2");
    await s.actions.insertChart(chart(table, "revenue_range"));
    const second = await s.actions.insertChart(chart(table, "revenue_range", "zh"));
    expect(second.name).toBe(`${table}_revenue_range_2`);
    expect(simCharts(s.workbook).map((c) => c.title.split("\n")[0])).toEqual(["Revenue by vendor, 2026 forecast (low, midpoint, high)", "各厂商营收(2026年预测,下限/中值/上限)"]);
  });
});

describe("a chart that cannot be inserted says why, and nothing changes", () => {
  test.each([
    ["an unknown table", (t: string) => chart("AIM_nope_1", "revenue_range"), (t: string) => `No chart was inserted: "AIM_nope_1" is not a table this add-in inserted. Choose one of ${t}.`],
    [
      "a chart of another table",
      (t: string) => chart(t, "compute_by_vendor"),
      (t: string) => `No chart was inserted: the chart "compute_by_vendor" is for the report table vendor_metrics, but ${t} holds vendor_revenue. Charts for vendor_revenue: revenue_range.`,
    ],
    ["an unknown chart", (t: string) => chart(t, "pie"), () => 'No chart was inserted: there is no chart "pie". Charts for vendor_revenue: revenue_range.'],
  ])("%s", async (_what, make, message) => {
    const s = simSetup();
    const table = await inserted(s, "B2");
    const before = JSON.stringify(s.workbook.toJSON());
    await expect(s.actions.insertChart(make(table))).rejects.toThrow(message(table));
    expect(JSON.stringify(s.workbook.toJSON())).toBe(before);
  });

  test("a spill formula is refused with what to do instead", async () => {
    const s = simSetup();
    const spill = await inserted(s, "B2", { mode: "spill" });
    await expect(s.actions.insertChart(chart(spill, "revenue_range"))).rejects.toThrow(
      `No chart was inserted: ${spill} is a spill formula, and a chart needs an Excel table to follow. Insert vendor_revenue as a live or snapshot table, then add the chart.`,
    );
    expect(simCharts(s.workbook)).toEqual([]);
  });

  test("a table the user deleted or renamed", async () => {
    const s = simSetup();
    const table = await inserted(s, "B2");
    s.workbook.renameTable(table, "Mine");
    await expect(s.actions.insertChart(chart(table, "revenue_range"))).rejects.toThrow(
      `No chart was inserted: the table ${table} is no longer in the workbook (deleted or renamed). Insert vendor_revenue again to chart it.`,
    );
  });

  test("a table as written has no charts", async () => {
    const s = simSetup();
    const table = await inserted(s, "B2", { tableId: "vendors_china" });
    await expect(s.actions.insertChart(chart(table, "revenue_range"))).rejects.toThrow(
      `No chart was inserted: the chart "revenue_range" is for the report table vendor_revenue, but ${table} holds vendors_china. vendors_china has no charts; charts exist for vendor_revenue, vendor_metrics.`,
    );
  });
});

/** The bundled dataset with its version raised and DeepSeek taken out of the vendor tables. */
const withoutDeepSeek = (): Dataset =>
  revisedDataset((d) => {
    for (const t of d.tables) if (t.kind === "numeric" && t.id.startsWith("vendor_")) (t as NumericTable).rows = t.rows.filter((r) => r !== "deepseek");
  });

/** The bundled dataset with a made-up tenth vendor in the vendor tables. */
const withTestVendor = (): Dataset =>
  revisedDataset((d) => {
    d.entities.push({ id: "test-ai", kind: "vendor", name: { en: "Test AI", zh: "测试AI" }, aliases: [] });
    const copy = (id: string, metric: string) => ({ ...structuredClone(d.figures.find((f) => f.id === id)!), id: `test-ai.${metric}.2026`, entity: "test-ai", flags: undefined });
    d.figures.push(copy("bytedance.revenue.2026", "revenue"), copy("tencent.mau.2026", "mau"));
    for (const t of d.tables) if (t.kind === "numeric" && t.id.startsWith("vendor_")) t.rows.push("test-ai");
  });

describe("charts follow their table on refresh", () => {
  test("a table that loses a row: every series and the categories shrink with it, and the source line names the new data", async () => {
    const s = simSetup();
    const table = await inserted(s, "B2");
    await s.actions.insertChart(chart(table, "revenue_range"));
    s.store.replace(withoutDeepSeek());
    const summary = await s.actions.refresh();
    expect(summary.failed).toEqual([]);
    expect(summary.refreshed[0]).toMatchObject({ rowsRemoved: 1, notes: [`The chart "${table}_revenue_range" now shows the table's 8 rows.`] });
    const [info] = simCharts(s.workbook);
    expect(info!.series.map((x) => [x.values, x.xValues])).toEqual([
      ["Sheet1!C3:C10", "Sheet1!B3:B10"],
      ["Sheet1!D3:D10", "Sheet1!B3:B10"],
      ["Sheet1!E3:E10", "Sheet1!B3:B10"],
    ]);
    expect(info!.series[0]!.categories).toEqual(VENDORS_EN.slice(0, 8));
    expect(info!.title.split("\n")[1]).toBe(EN_SOURCE.replace("v1.0.0", "v1.1.0"));
    expect(registryOf(s).entries[0]!.charts![0]!.title).toBe(info!.title);
  });

  test("a table that gains a row: the chart grows with it (live table)", async () => {
    const s = simSetup();
    const table = await inserted(s, "A1", { tableId: "vendor_metrics", mode: "live" });
    await s.actions.insertChart(chart(table, "mau_by_vendor"));
    s.store.replace(withTestVendor());
    const summary = await s.actions.refresh();
    expect(summary.refreshed[0]).toMatchObject({ rowsAdded: 1 });
    const [info] = simCharts(s.workbook);
    expect(info!.series.map((x) => [x.values, x.xValues])).toEqual([["Sheet1!I2:I11", "Sheet1!A2:A11"]]);
    expect(info!.series[0]!.categories.at(-1)).toBe("Test AI");
    expect(info!.series[0]!.data.at(-1)).toBe(s.workbook.getCell("I11").value);
    expect(typeof info!.series[0]!.data.at(-1)).toBe("number");
  });

  test("a chart the user deleted is reported once, dropped from the record and not recreated", async () => {
    const s = simSetup();
    const table = await inserted(s, "B2");
    const { name } = await s.actions.insertChart(chart(table, "revenue_range"));
    await (createExcelApi(s.workbook) as unknown as ExcelRunner).run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").charts.getItem(name).delete();
      await context.sync();
    });
    s.store.replace(withoutDeepSeek());
    const first = await s.actions.refresh();
    expect(first.refreshed[0]!.notes).toEqual([`The chart "${name}" was deleted or renamed, so it is no longer kept with the table; it is not recreated.`]);
    expect(simCharts(s.workbook)).toEqual([]);
    expect(registryOf(s).entries[0]!.charts).toEqual([]);
    const second = await s.actions.refresh();
    expect(second.refreshed[0]!.notes).toEqual([]);
  });

  test("a chart whose series the user changed is left as it is, with a note", async () => {
    const s = simSetup();
    const table = await inserted(s, "B2");
    const { name } = await s.actions.insertChart(chart(table, "revenue_range"));
    await (createExcelApi(s.workbook) as unknown as ExcelRunner).run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").charts.getItem(name).series.getItemAt(1).delete();
      await context.sync();
    });
    s.store.replace(withoutDeepSeek());
    const summary = await s.actions.refresh();
    expect(summary.refreshed[0]!.notes).toEqual([`The chart "${name}" still shows the old rows: its series were changed by hand, so they were left as they are.`]);
    expect(simCharts(s.workbook)[0]!.series.map((x) => x.values)).toEqual(["Sheet1!C3:C11", "Sheet1!E3:E11"]);
  });

  test("charts survive save and reopen and still follow; refreshing ten charted tables takes at most 4 round trips", async () => {
    const s = simSetup();
    const names: string[] = [];
    for (let i = 0; i < 10; i++) {
      const name = await inserted(s, `A${1 + i * 22}`, { mode: i % 2 === 0 ? "snapshot" : "live" });
      await s.actions.insertChart(chart(name, "revenue_range"));
      names.push(name);
    }
    const reopened = s.reopen();
    expect(simCharts(reopened.workbook)).toHaveLength(10);
    reopened.store.replace(withoutDeepSeek());
    const { result, syncs } = await reopened.measure(() => reopened.actions.refresh());
    expect(result.failed).toEqual([]);
    expect(result.refreshed).toHaveLength(10);
    expect(syncs).toBeLessThanOrEqual(4);
    expect(simCharts(reopened.workbook).map((c) => c.series[0]!.values)).toEqual(names.map((_, i) => `Sheet1!B${2 + i * 22}:B${9 + i * 22}`));
  });
});

describe("the registry's chart records", () => {
  test("a registry written before charts existed reads as it did; a damaged chart record is dropped, its table kept", () => {
    const entry = { name: "AIM_vendor_revenue_1", tableId: "vendor_revenue", mode: "snapshot", options: {}, sheet: "Sheet1", address: "A1:D10", headers: [], written: [], shown: [], datasetVersion: "1.0.0", datasetHash: "h", insertedAt: "t" };
    const old = readRegistry(JSON.stringify({ version: 1, refreshOnOpen: false, entries: [entry] }));
    expect(old.problems).toEqual([]);
    expect(old.registry.entries[0]!.charts).toBeUndefined();
    const good = { name: "c", chartId: "revenue_range", language: "en", categoryHeader: "Vendor", seriesHeaders: ["a"], title: "t", anchor: "F1:M18", insertedAt: "t" };
    const damaged = readRegistry(JSON.stringify({ version: 1, refreshOnOpen: false, entries: [{ ...entry, charts: [good, { name: 3 }, null] }] }));
    expect(damaged.registry.entries).toHaveLength(1);
    expect(damaged.registry.entries[0]!.charts).toEqual([good]);
  });
});
