import { buildTable, tableShape } from "../../src/core/build-table";
import { listTables } from "../../src/core/catalogues";
import { AimarketError } from "../../src/core/errors";
import { queryFigure } from "../../src/core/query-figure";
import { FLAG_LABELS, type FlagCode } from "../../src/core/vocabulary";
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
  expect(rows[0]).toEqual(["Vendor", "Revenue 2026, low (CNY 亿 (10⁸))", "Revenue 2026, midpoint (CNY 亿 (10⁸))", "Revenue 2026, high (CNY 亿 (10⁸))", "Notes"]);
  for (const row of rows.slice(1)) {
    for (const [i, bound] of ["low", "mid", "high"].entries()) {
      expect(row[i + 1]).toBe(queryFigure(index, { entity: row[0], metric: "revenue", currency: "CNY", scale: "亿", bound }).value);
    }
  }
  const alibaba = rows.find((r) => r[0] === "Alibaba")!;
  expect(alibaba.slice(1)).toEqual([220, 235, 250, ""]);
  const zh = buildTable(index, "vendor_revenue", { language: "zh", scale: "亿" });
  expect(zh[0]![1]).toBe("2026年营收下限 (亿美元)");
  expect(zh.find((r) => r[0] === "阿里巴巴")!.slice(1)).toEqual([31, 33, 35, ""]);
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

describe("the notes column of numeric tables", () => {
  const numeric = index.dataset.tables.filter((t) => t.kind === "numeric");

  test.each(numeric.flatMap((t) => (["en", "zh"] as const).map((language) => [t.id, language] as const)))(
    "%s (%s): every flag on a figure shown, and every figure not given, is in its row's notes",
    (tableId, language) => {
      const table = index.tables.get(tableId)!;
      if (table.kind !== "numeric") throw new Error("numeric tables only");
      const rows = buildTable(index, tableId, { language });
      expect(rows[0]!.at(-1)).toBe(language === "zh" ? "备注" : "Notes");
      table.rows.forEach((entityId, r) => {
        const notes = rows[r + 1]!.at(-1) as string;
        const expectedFlags = new Map<string, { code: FlagCode; note: string }>();
        const missing = new Set<string>();
        for (const column of table.columns) {
          const metric = index.metrics.get(column.metric)!;
          try {
            const { figure } = queryFigure(index, { entity: entityId, metric: column.metric, year: table.period });
            for (const flag of figure.flags ?? []) expectedFlags.set(`${figure.id}:${flag.code}`, { code: flag.code, note: flag.note[language] });
          } catch {
            missing.add(metric.name[language]);
          }
        }
        for (const { code, note } of expectedFlags.values()) {
          expect(notes).toContain(`${FLAG_LABELS[code][language]}${language === "zh" ? ":" : ": "}${note}`);
        }
        expect(notes.split("⚑").length - 1).toBe(expectedFlags.size);
        for (const name of missing) expect(notes).toContain(name);
        if (expectedFlags.size === 0 && missing.size === 0) expect(notes).toBe("");
      });
    },
  );

  test("ByteDance's revenue row names both of its flags, Google's its scope, Alibaba's nothing", () => {
    const rows = buildTable(index, "vendor_revenue");
    const notesOf = (vendor: string) => rows.find((r) => r[0] === vendor)!.at(-1);
    expect(notesOf("ByteDance")).toMatch(/^⚑ Revenue — contradicted by the report: .+ {2}⚑ Revenue — unit doubtful: /);
    expect(notesOf("Google")).toMatch(/^⚑ Revenue — scope differs: The report marks this revenue as AI-related only/);
    expect(notesOf("Alibaba")).toBe("");
  });

  test("the report's gaps are named in the row", () => {
    const rows = buildTable(index, "vendor_metrics", { language: "zh" });
    const tencent = rows.find((r) => r[0] === "腾讯")!.at(-1) as string;
    expect(tencent).toMatch(/报告未给出:.*总算力/);
  });
});

test.each(tableIds)("TABLES() gives %s the rows and columns TABLE() spills (Notes column included)", (id) => {
  const built = buildTable(index, id, { language: "en" });
  const listed = listTables(index, "en").find((row) => row[0] === id)!;
  expect(listed.slice(-2)).toEqual([built.length - 1, built[0]!.length]);
  expect(tableShape(index.tables.get(id)!)).toEqual({ rows: built.length - 1, columns: built[0]!.length });
});
