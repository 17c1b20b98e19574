/**
 * The bundled dataset against the report, figure by figure: every source text is verbatim in the
 * report and in the section it names, and every number follows from the words written there.
 */
import * as fs from "fs";
import * as path from "path";
import type { Figure } from "../../src/core/schema";
import { bundledDataset, REPORT_PATH, reportText, ROOT } from "../helpers/bundled-dataset";

const dataset = bundledDataset();
const report = reportText();
const numeric = dataset.figures.filter((f) => f.text === undefined);
const textual = dataset.figures.filter((f) => f.text !== undefined);

/** Section code -> the heading that opens it in the report, in report order. */
const HEADINGS: [string, string][] = [
  ["核心结论", "核心结论:"],
  ["一(一)", "(一)核心代表阵营"],
  ["一(二)", "(二)核心差异与优劣势对比"],
  ["一(三)", "(三)发展路径核心逻辑"],
  ["二(一)", "(一)行业核心宏观数据"],
  ["二(二)", "(二)国际头部厂商核心布局与经营数据"],
  ["二(三)", "(三)中国头部厂商核心布局与经营数据"],
  ["三(一)", "(一)算力:竞争的核心门槛"],
  ["三(二)", "(二)客户:C端流量与B端价值双轮驱动"],
  ["三(三)", "(三)营收:规模差距显著,增速优势突出"],
  ["四", "四、重点模型性能补充(修正后)"],
  ["五", "五、未来趋势与双轮驱动格局展望"],
  ["风险提示", "风险提示:"],
];

function sectionText(code: string): string {
  const i = HEADINGS.findIndex(([c]) => c === code);
  if (i < 0) throw new Error(`unknown section ${code}`);
  const start = report.indexOf(HEADINGS[i]![1]);
  const next = HEADINGS[i + 1];
  const end = next ? report.indexOf(next[1], start + 1) : report.indexOf("打赏", start);
  return report.slice(start, end);
}

/** An independent reading of a written figure: "240-270亿美元" -> low 240, high 270, 亿, USD. */
function readWritten(written: string): { value?: number; low?: number; high?: number; scale: string; currency?: string } {
  let rest = written;
  let currency: string | undefined;
  if (rest.endsWith("美元")) [currency, rest] = ["USD", rest.slice(0, -2)];
  else if (rest.endsWith("元")) [currency, rest] = ["CNY", rest.slice(0, -1)];
  rest = rest.replace(/GW$/, "");
  const scaleMatch = /(万亿|万|亿)$/.exec(rest);
  let scale = scaleMatch ? scaleMatch[1]! : "";
  if (scaleMatch) rest = rest.slice(0, -scaleMatch[1]!.length);
  if (rest.includes("%")) {
    scale = "%";
    rest = rest.replace(/%/g, "");
  }
  const chinese: Record<string, number> = { 百: 100 };
  const num = (s: string): number => chinese[s] ?? Number(s);
  const fraction = /^(\d+)\/(\d+)$/.exec(rest);
  if (fraction) return { value: Number(fraction[1]) / Number(fraction[2]), scale, currency };
  const range = /^([\d.]+)-([\d.]+)$/.exec(rest);
  if (range) return { low: num(range[1]!), high: num(range[2]!), scale, currency };
  return { value: num(rest), scale, currency };
}

describe("the report copy", () => {
  test("is the seed file, byte for byte, when ../shared is beside the repo", () => {
    const seed = path.join(ROOT, "../shared/seed/000_81893b5833f74a61.txt");
    if (!fs.existsSync(seed)) return;
    expect(fs.readFileSync(REPORT_PATH).equals(fs.readFileSync(seed))).toBe(true);
  });

  test("every section heading the dataset uses is in the report", () => {
    for (const [, heading] of HEADINGS) expect(report).toContain(heading);
  });
});

describe.each(dataset.figures.map((f) => [f.id, f] as const))("figure %s", (_id, figure: Figure) => {
  test("its source text is verbatim in the section it names", () => {
    expect(sectionText(figure.source.section)).toContain(figure.source.text);
  });

  if (figure.source.table) {
    test("its table, row and column exist as written in that table", () => {
      const table = dataset.tables.find((t) => t.id === figure.source.table);
      expect(table?.kind).toBe("source");
      if (table?.kind !== "source") return;
      expect(table.header.map((c) => c.zh)).toContain(figure.source.column);
      const row = table.rows.find((r) => r[0]!.zh === figure.source.row);
      expect(row).toBeDefined();
      const colIndex = table.header.findIndex((c) => c.zh === figure.source.column);
      expect(row![colIndex]!.zh).toContain(figure.source.text);
    });
  }

  if (figure.qualifier) {
    test("its qualifier is written in its source text", () => {
      expect(figure.source.text).toContain(figure.qualifier);
    });
  }

  if (figure.text === undefined) {
    test("its number follows from the words written in the report", () => {
      expect(figure.source.text).toContain(figure.written);
      const read = readWritten(figure.written!);
      expect(figure.scale).toBe(read.scale);
      expect(figure.currency).toBe(read.currency);
      if (read.value !== undefined) {
        expect(figure.value).toBeCloseTo(read.value, 12);
        expect(figure.low).toBeUndefined();
      } else {
        expect([figure.low, figure.high]).toEqual([read.low, read.high]);
        expect(figure.value).toBeUndefined();
      }
    });
  }

  if (figure.period !== null) {
    test("it is dated 2026 only where the report dates its section or sentence 2026", () => {
      expect(figure.period).toBe(2026);
      const datedSections = ["二(一)", "二(二)", "二(三)"];
      expect(datedSections.includes(figure.source.section) || figure.source.text.includes("2026")).toBe(true);
    });
  }
});

describe("text figures", () => {
  test.each(textual.map((f) => [f.id, f] as const))("%s answers with words of its source text", (_id, figure) => {
    const source = figure.source.text.replace(/[“”]/g, "");
    const answer = figure.text!.zh.replace(/[“”]/g, "");
    expect(source).toContain(answer);
  });
});

describe("source tables", () => {
  const sourceTables = dataset.tables.filter((t) => t.kind === "source");

  test.each(sourceTables.map((t) => [t.id, t] as const))("%s: every cell is verbatim in its section, rows as long as the header", (_id, table) => {
    const text = sectionText(table.section);
    for (const cell of table.header) expect(text).toContain(cell.zh);
    for (const row of table.rows) {
      expect(row).toHaveLength(table.header.length);
      for (const cell of row) expect(text).toContain(cell.zh);
    }
  });

  test("cover every table of the report", () => {
    expect(sourceTables.map((t) => t.id).sort()).toEqual(
      ["camp_comparison", "camps_representatives", "customer_advantages", "vendors_china", "vendors_international"].sort(),
    );
  });

  test("the vendor tables have a row for each of the nine vendors, in the report's order", () => {
    const rows = ["vendors_international", "vendors_china"].flatMap((id) => {
      const t = dataset.tables.find((x) => x.id === id)!;
      return t.kind === "source" ? t.rows.map((r) => r[0]!.en) : [];
    });
    expect(rows).toEqual(["OpenAI", "Google", "Anthropic", "Meta", "ByteDance", "Alibaba", "Baidu", "Tencent", "DeepSeek"]);
  });
});

describe("coverage of the report", () => {
  test("every number written in the vendor tables is a figure of the dataset", () => {
    for (const id of ["vendors_international", "vendors_china"]) {
      const t = dataset.tables.find((x) => x.id === id)!;
      if (t.kind !== "source") continue;
      for (const row of t.rows) {
        for (const cell of row.slice(1)) {
          for (const clause of cell.zh.split(/[;,]/)) {
            if (!/\d/.test(clause)) continue;
            const found = dataset.figures.some((f) => f.source.text.includes(clause) || clause.includes(f.source.text));
            expect([clause, found]).toEqual([clause, true]);
          }
        }
      }
    }
  });

  test("the nine vendors each have revenue, and the five canonical metrics exist", () => {
    const vendors = dataset.entities.filter((e) => e.kind === "vendor").map((e) => e.id);
    expect(vendors).toHaveLength(9);
    for (const v of vendors) expect(numeric.some((f) => f.entity === v && f.metric === "revenue")).toBe(true);
    for (const m of ["revenue", "compute_gw", "mau", "max_cluster_chips", "domestic_chip_share"]) {
      expect(dataset.metrics.map((x) => x.id)).toContain(m);
    }
  });

  test("metadata: title and date as the report gives them", () => {
    expect(report).toContain(dataset.meta.title.zh);
    expect(report).toContain(`日期:${dataset.meta.published}`);
    expect(report).toContain(dataset.meta.asOfSource);
    expect(dataset.meta.asOfSource).toContain("2026年2月");
    expect(dataset.meta.asOf).toBe("2026-02");
    expect(dataset.meta.title.zh).toContain(dataset.meta.edition.zh);
  });
});
