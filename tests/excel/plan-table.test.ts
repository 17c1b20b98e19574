import { DatasetStore } from "../../src/core/dataset-store";
import type { InsertRequest } from "../../src/excel/contracts";
import { planTable, toExcelInput } from "../../src/excel/plan-table";
import { bundledDataset } from "../helpers/bundled-dataset";

const store = new DatasetStore(bundledDataset());
const request = (over: Partial<InsertRequest>): InsertRequest => ({ tableId: "vendor_revenue", mode: "snapshot", language: "en", currency: "USD", scale: "B", bound: "mid", ...over });

test.each([
  ["=SUM(A1)", "'=SUM(A1)"], ["+86", "'+86"], ["-x", "'-x"], ["@home", "'@home"], ["'quoted", "''quoted"],
  ["2026", "'2026"], ["68%", "'68%"], ["1,234", "'1,234"], ["TRUE", "'TRUE"], ["2026-02-22", "'2026-02-22"], ["1/15", "'1/15"],
  ["plain", "plain"], ["330亿美元", "330亿美元"], ["GPT-5", "GPT-5"], [-5, -5], [0.72, 0.72], ["", ""],
])(
  "text %p is written as %p so it stays text",
  (cell, input) => {
    expect(toExcelInput(cell)).toBe(input);
  },
);

test("a snapshot writes the values core computes, with percent headers and number formats", () => {
  const plan = planTable(store.current, request({ tableId: "vendor_metrics" }));
  expect(plan.rows).toBe(10);
  expect(plan.headers[0]).toBe("Vendor");
  expect(plan.headers).toContain("Domestic chip share (%)");
  expect(plan.written[0]!.slice(0, 3)).toEqual(["OpenAI", 33, 33]);
  expect(plan.numberFormats[0]).toBe("General");
  expect(plan.numberFormats[plan.headers.indexOf("Domestic chip share (%)")]).toBe("0.0%");
  expect(plan.numberFormats[1]).toBe("#,##0.00");
  expect(plan.shown).toEqual(plan.written);
});

test("a live numeric table writes one METRIC formula per figure, names as text", () => {
  const plan = planTable(store.current, request({ mode: "live", currency: "CNY", scale: "亿", bound: "low" }));
  expect(plan.written[0]).toEqual([
    "OpenAI",
    '=IFNA(AIMARKET.METRIC("openai","revenue",2026,"CNY","亿","low"),"")',
    '=IFNA(AIMARKET.METRIC("openai","revenue",2026,"CNY","亿","mid"),"")',
    '=IFNA(AIMARKET.METRIC("openai","revenue",2026,"CNY","亿","high"),"")',
    '=INDEX(AIMARKET.TABLE("vendor_revenue","en","CNY","亿","low"),2,5)',
  ]);
  expect(plan.shown[5]).toEqual(["Alibaba", 220, 235, 250, ""]);
  // The notes cell of the Google row (scope_differs) is the table function's own notes cell.
  expect(plan.written[1]![4]).toBe('=INDEX(AIMARKET.TABLE("vendor_revenue","en","CNY","亿","low"),3,5)');
  expect(plan.shown[1]![4]).toMatch(/^⚑ Revenue — scope differs: /);
  expect(plan.numberFormats[4]).toBe("General");
});

test("a live table as written indexes into TABLE so every cell follows the data", () => {
  const plan = planTable(store.current, request({ tableId: "vendors_china", mode: "live", language: "zh" }));
  expect(plan.headers[0]).toBe("厂商");
  expect(plan.written[0]![3]).toBe('=INDEX(AIMARKET.TABLE("vendors_china","zh"),2,4)');
  expect(plan.shown[0]![3]).toBe("19亿美元(国内首位)");
});

test("a spill is one TABLE formula over the area the table will spill into", () => {
  const plan = planTable(store.current, request({ mode: "spill", tableId: "model_specs" }));
  expect(plan.written).toEqual([['=AIMARKET.TABLE("model_specs","en","USD","B","mid")']]);
  expect([plan.rows, plan.cols]).toEqual([4, 8]);
  expect(plan.shown[0]![0]).toBe("Model");
});

test("the source line names the report, the section and the dataset version, in the chosen language", () => {
  expect(planTable(store.current, request({ tableId: "vendor_revenue" })).sourceLine).toBe(
    "Source: 2026年全球AI大模型产业全景报告:双轮驱动下的中美格局与竞争逻辑(修正版) (2026 Global AI Large-Model Industry Panorama Report: the China-US Landscape and Competitive Logic under Two-Wheel Drive (Revised Edition)), section 二(二)/二(三); dataset ai-market-2026 v1.0.0; figures as of 2026-02. Inserted by AIMARKET.",
  );
  expect(planTable(store.current, request({ language: "zh" })).sourceLine).toMatch(/^来源:2026年全球AI大模型产业全景报告.*第二\(二\)\/二\(三\)节;数据集 ai-market-2026 v1\.0\.0/);
});

test.each(["en", "zh"] as const)("the report's problems with a whole table follow its source line (%s)", (language) => {
  const table = store.current.index.tables.get("vendors_china")!;
  expect(table.flags?.length).toBe(2);
  const line = planTable(store.current, request({ tableId: "vendors_china", language })).sourceLine;
  expect(line).toMatch(language === "en" ? /^Source: .*section 二\(三\);.*Inserted by AIMARKET\. ⚑ / : /^来源:.*第二\(三\)节;.*由 AIMARKET 插入。 ⚑ /);
  for (const flag of table.flags!) expect(line).toContain(flag.note[language]);
  expect(planTable(store.current, request({ tableId: "model_specs", language })).sourceLine).not.toContain("⚑");
});

test("an unknown table is the core's NOT_FOUND", () => {
  expect(() => planTable(store.current, request({ tableId: "nope" }))).toThrow('Unknown table "nope". See TABLES() for every table id.');
});
