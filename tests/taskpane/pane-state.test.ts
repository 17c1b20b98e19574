import type { RefreshSummary } from "../../src/excel/contracts";
import {
  buildInsertRequest,
  catalogueOf,
  defaultOptions,
  errorMessage,
  filterCatalogue,
  formatCell,
  formatWhen,
  insertResultMessage,
  originOf,
  parseOption,
  previewCaption,
  previewOf,
  refreshSummaryMessage,
  type PaneOptions,
} from "../../src/taskpane/pane-state";
import { bundledIndex } from "../helpers/bundled-dataset";

const index = bundledIndex();
const catalogue = catalogueOf(index);
const ids = (query: string): string[] => filterCatalogue(catalogue, query).map((e) => e.id);

describe("catalogueOf", () => {
  test("lists every table of the report, in dataset order, with its size", () => {
    expect(catalogue.map((e) => [e.id, e.kind, e.rows, e.columns])).toEqual([
      ["camps_representatives", "source", 1, 2],
      ["camp_comparison", "source", 5, 3],
      ["vendors_international", "source", 4, 5],
      ["vendors_china", "source", 5, 5],
      ["customer_advantages", "source", 2, 3],
      ["vendor_revenue", "numeric", 9, 5],
      ["vendor_metrics", "numeric", 9, 12],
      ["model_specs", "numeric", 3, 8],
      ["camp_metrics", "numeric", 2, 15],
      ["market_indicators", "numeric", 1, 6],
    ]);
  });

  test("says where each table comes from in the report", () => {
    const byId = new Map(catalogue.map((e) => [e.id, e]));
    expect(originOf(byId.get("vendors_china")!, "en")).toBe("Section 二(三) of the report, as written in the report.");
    expect(originOf(byId.get("vendors_china")!, "zh")).toBe("报告第 二(三) 节,按报告原文。");
    expect(originOf(byId.get("model_specs")!, "en")).toBe(
      "Section 四 of the report: the report's figures, one row per model, ranges as low/high columns.",
    );
    expect(originOf(byId.get("vendor_revenue")!, "zh")).toBe("报告第 二(二)/二(三) 节:报告中的数据,每个厂商一行,区间分为下限/上限两列。");
  });
});

describe("filterCatalogue: search in either language", () => {
  test.each([
    ["", catalogue.map((e) => e.id)],
    ["   ", catalogue.map((e) => e.id)],
    // English and Chinese titles
    ["market indicators", ["market_indicators"]],
    ["行业核心宏观数据", ["market_indicators"]],
    ["Representative camps", ["camps_representatives"]],
    ["核心代表阵营", ["camps_representatives"]],
    // ids, whole or in part
    ["vendor_metrics", ["vendor_metrics"]],
    ["camp", ["camps_representatives", "camp_comparison", "camp_metrics"]],
    // header cells, English and Chinese
    ["Representative models", ["camps_representatives"]],
    ["核心代表模型", ["camps_representatives"]],
    ["GW", ["vendor_metrics"]],
    ["国产芯片", ["vendors_china", "vendor_metrics"]],
    ["营收", ["vendors_international", "vendors_china", "vendor_revenue", "vendor_metrics", "camp_metrics"]],
    ["revenue", ["vendors_international", "vendors_china", "vendor_revenue", "vendor_metrics", "camp_metrics"]],
    // row labels
    ["Kimi", ["model_specs"]],
    ["DeepSeek", ["vendors_china", "vendor_revenue", "vendor_metrics"]],
    // case, full-width forms, spaces and hyphens do not matter; every word must match
    ["ＯｐｅｎＡＩ", ["vendors_international", "vendor_revenue", "vendor_metrics", "camp_metrics"]],
    ["MARKET-INDICATORS", ["market_indicators"]],
    ["revenue 2026", ["vendors_international", "vendors_china", "vendor_revenue", "vendor_metrics"]],
    ["营收 厂商", ["vendors_international", "vendors_china", "vendor_revenue", "vendor_metrics", "camp_metrics"]],
    ["Kimi\u3000revenue", []],
    ["zzz", []],
  ])("%p", (query, expected) => {
    expect(ids(query)).toEqual(expected);
  });
});

describe("the insert request", () => {
  test("carries the table and every chosen option", () => {
    const options: PaneOptions = { language: "zh", currency: "CNY", scale: "亿", bound: "high", mode: "snapshot" };
    expect(buildInsertRequest("vendor_revenue", options)).toEqual({
      tableId: "vendor_revenue",
      mode: "snapshot",
      language: "zh",
      currency: "CNY",
      scale: "亿",
      bound: "high",
    });
  });

  test("defaults: the table language follows the pane, USD, base units, midpoint, live", () => {
    expect(buildInsertRequest("model_specs", defaultOptions("en"))).toEqual({
      tableId: "model_specs",
      mode: "live",
      language: "en",
      currency: "USD",
      scale: "1",
      bound: "mid",
    });
    expect(defaultOptions("zh").language).toBe("zh");
  });

  test.each([
    ["language", "zh", "zh"],
    ["language", "fr", undefined],
    ["currency", "CNY", "CNY"],
    ["currency", "RMB", undefined],
    ["scale", "万亿", "万亿"],
    ["scale", "1", "1"],
    ["scale", "billion", undefined],
    ["bound", "low", "low"],
    ["mode", "spill", "spill"],
    ["mode", "formula", undefined],
  ] as const)("parseOption(%s, %p) is %p", (key, value, expected) => {
    expect(parseOption(key, value)).toBe(expected);
  });
});

describe("the preview", () => {
  test("shows a numeric table's first rows with units in the header; shares in % for a live table", () => {
    const preview = previewOf(index, "vendor_metrics", defaultOptions("en"));
    expect(preview.totalRows).toBe(9);
    expect(preview.rows).toHaveLength(8);
    expect(preview.header.slice(0, 3)).toEqual(["Vendor", "Revenue, low (USD)", "Revenue, high (USD)"]);
    expect(preview.header[7]).toBe("Domestic chip share (%)");
    expect(preview.percentColumns[7]).toBe(true);
    expect(preview.rows[0]!.slice(0, 3)).toEqual(["OpenAI", 33000000000, 33000000000]);
    expect(previewCaption(preview, "en")).toBe("Preview: first 8 of 9 rows");
    expect(previewCaption(preview, "zh")).toBe("预览:前 8 行,共 9 行");
  });

  test("follows language, currency, scale and form; a spill shows shares as fractions", () => {
    const preview = previewOf(index, "vendor_revenue", { language: "zh", currency: "CNY", scale: "亿", bound: "mid", mode: "spill" });
    expect(preview.header).toEqual(["厂商", "2026年营收下限 (亿元)", "2026年营收中值 (亿元)", "2026年营收上限 (亿元)", "备注"]);
    expect(preview.rows.find((r) => r[0] === "阿里巴巴")).toEqual(["阿里巴巴", 220, 235, 250, ""]);
    const spill = previewOf(index, "vendor_metrics", { ...defaultOptions("en"), mode: "spill" });
    expect(spill.header[7]).toBe("Domestic chip share (fraction)");
    expect(spill.percentColumns.some(Boolean)).toBe(false);
  });

  test("a one-row table says so", () => {
    const preview = previewOf(index, "camps_representatives", defaultOptions("en"));
    expect(preview.rows).toHaveLength(1);
    expect(previewCaption(preview, "en")).toBe("Preview: all 1 row");
  });

  test.each([
    [33000000000, "en", false, "33,000,000,000"],
    [0.68, "en", true, "68%"],
    [0.68, "zh", false, "0.68"],
    [1234.5678, "zh", false, "1,234.5678"],
    ["<b>text</b>", "en", false, "<b>text</b>"],
    ["", "en", false, ""],
    [true, "en", false, "TRUE"],
  ] as const)("formatCell(%p, %s, %p) is %p", (cell, ui, percent, expected) => {
    expect(formatCell(cell, ui, percent)).toBe(expected);
  });
});

describe("messages", () => {
  const summary: RefreshSummary = {
    refreshed: [
      { name: "AIM_vendor_revenue", tableId: "vendor_revenue", mode: "snapshot", cellsChanged: 3, userEditsKept: 1, rowsAdded: 0, rowsRemoved: 0, notes: ["Sheet1!C4 keeps your value."] },
      { name: "AIM_camps_representatives", tableId: "camps_representatives", mode: "live", cellsChanged: 2, userEditsKept: 0, rowsAdded: 1, rowsRemoved: 0, notes: [] },
    ],
    failed: [{ name: "AIM_model_specs", reason: "The table was deleted from the workbook; it is not recreated." }],
    cellsChanged: 5,
    datasetVersion: "1.1.0",
  };

  test("a refresh summary in English: totals, then each table, then each failure with its reason", () => {
    expect(refreshSummaryMessage(summary, "en")).toEqual({
      intent: "warning",
      headline: "Refreshed 2 tables: 5 cells changed, 1 user edit kept. 1 table could not be refreshed.",
      lines: [
        "The refreshed tables show data v1.1.0.",
        "AIM_vendor_revenue: 3 cells changed, 1 user edit kept.",
        "Sheet1!C4 keeps your value.",
        "AIM_camps_representatives: 2 cells changed, 1 row added.",
        "AIM_model_specs was not refreshed: The table was deleted from the workbook; it is not recreated.",
      ],
    });
  });

  test("a refresh summary in Chinese", () => {
    expect(refreshSummaryMessage(summary, "zh")).toEqual({
      intent: "warning",
      headline: "已刷新 2 个表:5 个单元格有变化,保留了 1 处用户修改。1 个表无法刷新。",
      lines: [
        "已刷新的表格显示数据 v1.1.0。",
        "AIM_vendor_revenue:3 个单元格有变化,保留了 1 处用户修改。",
        "Sheet1!C4 keeps your value.",
        "AIM_camps_representatives:2 个单元格有变化,新增 1 行。",
        "AIM_model_specs 未刷新:The table was deleted from the workbook; it is not recreated.",
      ],
    });
  });

  test("a clean refresh, one with nothing changed, and one with nothing to refresh", () => {
    const one: RefreshSummary = {
      refreshed: [{ name: "T", tableId: "x", mode: "live", cellsChanged: 1, userEditsKept: 0, rowsAdded: 0, rowsRemoved: 2, notes: [] }],
      failed: [],
      cellsChanged: 1,
      datasetVersion: "1.0.0",
    };
    expect(refreshSummaryMessage(one, "en")).toEqual({
      intent: "success",
      headline: "Refreshed 1 table: 1 cell changed, 0 user edits kept.",
      lines: ["The refreshed tables show data v1.0.0.", "T: 1 cell changed, 2 rows removed."],
    });
    expect(refreshSummaryMessage({ refreshed: [], failed: [], cellsChanged: 0, datasetVersion: "1.0.0" }, "en")).toEqual({
      intent: "info",
      headline: "There were no tables to refresh.",
      lines: [],
    });
    expect(refreshSummaryMessage({ refreshed: [], failed: [{ name: "A", reason: "Renamed." }], cellsChanged: 0, datasetVersion: "1.0.0" }, "en")).toEqual({
      intent: "warning",
      headline: "Refreshed 0 tables: 0 cells changed, 0 user edits kept. 1 table could not be refreshed.",
      lines: ["A was not refreshed: Renamed."],
    });
  });

  test("an insert result names the table, its address, the source line and any notes", () => {
    const dataset = { version: "1.0.0", hash: "00000000000001" };
    expect(
      insertResultMessage({ name: "AIM_vendor_revenue", address: "Sheet1!B2:E11", sourceLineAddress: "Sheet1!B12", notes: ["Column widths were set."], dataset }, "en"),
    ).toEqual({
      intent: "success",
      headline: "Inserted AIM_vendor_revenue at Sheet1!B2:E11.",
      lines: ["Source line at Sheet1!B12.", "Column widths were set."],
    });
    expect(insertResultMessage({ name: "AIM_x", address: "Sheet1!A1", notes: [], dataset }, "zh")).toEqual({
      intent: "success",
      headline: "已插入 AIM_x,位于 Sheet1!A1。",
      lines: [],
    });
  });

  test.each([
    [new Error("Sheet1!B3 is not empty."), "Sheet1!B3 is not empty."],
    ["plain text", "plain text"],
    [{ message: "Office error" }, "Office error"],
    [new Error(""), "The action failed without saying why."],
    [undefined, "The action failed without saying why."],
    [42, "The action failed without saying why."],
  ])("errorMessage(%p)", (error, expected) => {
    expect(errorMessage(error, "en")).toBe(expected);
  });

  test("timestamps in the pane's language; anything else as given", () => {
    expect(formatWhen("not a date", "en")).toBe("not a date");
    expect(formatWhen("2026-02-22T10:30:00.000Z", "en")).toMatch(/2026/);
    expect(formatWhen("2026-02-22T10:30:00.000Z", "zh")).toMatch(/2026年/);
  });
});
