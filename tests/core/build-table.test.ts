import { buildTable } from "../../src/core/build-table";
import { AimarketError } from "../../src/core/errors";
import { queryFigure } from "../../src/core/query-figure";
import { bundledIndex } from "../helpers/bundled-dataset";

const index = bundledIndex();
const tableIds = index.dataset.tables.map((t) => t.id);

describe.each(tableIds)("table %s", (id) => {
  test.each(["en", "zh"])("in %s is a rectangle of strings and numbers, header first", (language) => {
    const rows = buildTable(index, id, { language });
    expect(rows.length).toBeGreaterThanOrEqual(2);
    const width = rows[0]!.length;
    for (const row of rows) {
      expect(row).toHaveLength(width);
      for (const cell of row) {
        expect(["string", "number", "boolean"]).toContain(typeof cell);
        if (typeof cell === "number") expect(Number.isFinite(cell)).toBe(true);
      }
    }
    for (const cell of rows[0]!) expect(typeof cell === "string" && cell.length > 0).toBe(true);
  });
});

test("a table as written gives the report's cells in Chinese, and their English rendering", () => {
  const zh = buildTable(index, "vendors_china", { language: "zh" });
  expect(zh[0]).toEqual(["厂商", "算力布局核心数据(国产芯片占比)", "用户与客户规模", "营收表现(2026年预测)", "核心优势赛道"]);
  expect(zh[1]![3]).toBe("19亿美元(国内首位)");
  const en = buildTable(index, "vendors_china", { language: "en" });
  expect(en[1]![3]).toBe("USD 1.9 billion (first in China)");
});

test("numeric tables carry the unit in each header and agree with single-figure queries", () => {
  const rows = buildTable(index, "vendor_revenue", { currency: "CNY", scale: "亿" });
  expect(rows[0]).toEqual(["Vendor", "Revenue 2026, low (CNY 亿 (10⁸))", "Revenue 2026, midpoint (CNY 亿 (10⁸))", "Revenue 2026, high (CNY 亿 (10⁸))"]);
  for (const row of rows.slice(1)) {
    for (const [i, bound] of ["low", "mid", "high"].entries()) {
      expect(row[i + 1]).toBe(queryFigure(index, { entity: row[0], metric: "revenue", currency: "CNY", scale: "亿", bound }).value);
    }
  }
  const alibaba = rows.find((r) => r[0] === "Alibaba")!;
  expect(alibaba.slice(1)).toEqual([220, 235, 250]);
  const zh = buildTable(index, "vendor_revenue", { language: "zh", scale: "亿" });
  expect(zh[0]![1]).toBe("2026年营收下限 (亿美元)");
  expect(zh.find((r) => r[0] === "阿里巴巴")!.slice(1)).toEqual([31, 33, 35]);
});

test("a figure the report does not give is an empty cell", () => {
  const rows = buildTable(index, "vendor_metrics");
  const header = rows[0]!;
  const tencent = rows.find((r) => r[0] === "Tencent")!;
  expect(tencent[header.indexOf("Total compute (GW)")]).toBe("");
  expect(tencent[header.indexOf("Domestic chip share (fraction)")]).toBe(0.45);
});

test("an unknown table suggests the closest id", () => {
  expect(() => buildTable(index, "vendor_revenu")).toThrow(new AimarketError("NOT_FOUND", 'Unknown table "vendor_revenu".', { hint: 'Did you mean "vendor_revenue"?' }));
  expect(() => buildTable(index, "zzz")).toThrow('Unknown table "zzz". See TABLES() for every table id.');
});

test("a bad option is a BAD_ARGUMENT", () => {
  expect(() => buildTable(index, "vendor_revenue", { language: "fr" })).toThrow('Unknown language "fr". Use "en" or "zh", or leave it empty for English.');
});
