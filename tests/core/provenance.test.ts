/**
 * Provenance over the bundled dataset: for every figure, a formula built for it names that figure
 * and its verbatim source and answers what the cell computes; conversions in both directions (the
 * dataset's rate, or the report's own conversion); flags carried with their notes and related
 * figures; every cell of every report table placed and explained.
 */
import { buildTable } from "../../src/core/build-table";
import { DatasetStore } from "../../src/core/dataset-store";
import { parseFormulaCall } from "../../src/core/parse-formula-call";
import { provenanceOfCall, provenanceOfTableCell, type AnswerOptions, type ArgValue } from "../../src/core/provenance";
import type { Currency, Figure } from "../../src/core/schema";
import { evaluateAimarketFormula } from "../../src/preview/aimarket-evaluator";
import { bundledDataset } from "../helpers/bundled-dataset";

const dataset = bundledDataset();
const state = new DatasetStore(dataset).current;
const { index } = state;
const rate = dataset.meta.exchangeRate.cnyPerUsd;

const quote = (x: string) => `"${x.replace(/"/g, '""')}"`;
const entityName = (f: Figure, i: number) => {
  const e = dataset.entities.find((x) => x.id === f.entity)!;
  return i % 2 === 0 ? e.name.en : e.name.zh;
};

/** The formula a user would type for a figure, with the figure's own currency so the report's own figure answers. */
function formulaFor(f: Figure, i: number, currency?: Currency): string {
  const args = [quote(entityName(f, i)), quote(f.metric), f.period === null ? "" : String(f.period), quote(currency ?? f.currency ?? "USD")];
  return `=AIMARKET.METRIC(${args.join(",")})`;
}

function provenanceOfFormula(formula: string) {
  const parsed = parseFormulaCall(formula);
  if (parsed.kind !== "call") throw new Error(`no call in ${formula}`);
  const args = parsed.call.args.map((a): ArgValue => (a.kind === "omitted" ? null : a.kind === "string" || a.kind === "number" || a.kind === "boolean" ? a.value : null));
  return provenanceOfCall(index, parsed.call.fn, args);
}

const numeric = dataset.figures.filter((f) => f.text === undefined);
const texts = dataset.figures.filter((f) => f.text !== undefined);

test("the dataset has the figures these tests walk", () => {
  expect(numeric.length).toBeGreaterThan(90);
  expect(texts.length).toBeGreaterThan(30);
});

describe("every numeric figure: the formula built for it names it, its source and what the cell computes", () => {
  test.each(numeric.map((f, i) => [f.id, f, i] as const))("%s", (_id, f, i) => {
    const formula = formulaFor(f, i);
    const p = provenanceOfFormula(formula);
    expect(p.kind).toBe("figure");
    const figure = p.figure!;
    expect(figure.id).toBe(f.id);
    expect(figure.source.text).toBe(f.source.text);
    expect(figure.source.section).toBe(f.source.section);
    expect(figure.written).toBe(f.written);
    expect(figure.english).toBe(f.en);
    expect(figure.qualifier?.verbatim ?? null).toBe(f.qualifier);
    expect(figure.answer).toBe(evaluateAimarketFormula(formula, state));
    expect(figure.conversions.filter((c) => c.kind === "currency")).toEqual([]);
    expect(figure.flags.map((x) => [x.code, x.note.en, x.note.zh])).toEqual((f.flags ?? []).map((x) => [x.code, x.note.en, x.note.zh]));
    if (f.low !== undefined) expect(figure.range).toEqual({ low: f.low, high: f.high, bound: "mid" });
  });
});

describe("every text figure answers its words", () => {
  test.each(texts.map((f, i) => [f.id, f, i] as const))("%s", (_id, f, i) => {
    const p = provenanceOfFormula(formulaFor(f, i).replace(/\)$/, ',,,"zh")'));
    expect(p.figure!.id).toBe(f.id);
    expect(p.figure!.answer).toBe(f.text!.zh);
    expect(p.figure!.conversions).toEqual([]);
  });
});

describe("currency, both directions", () => {
  const money = numeric.filter((f) => f.currency !== undefined);
  test.each(money.map((f, i) => [f.id, f, i] as const))("%s in the other currency", (_id, f, i) => {
    const other: Currency = f.currency === "USD" ? "CNY" : "USD";
    const counterpart = money.find((g) => g.entity === f.entity && g.metric === f.metric && g.period === f.period && g.currency === other);
    const formula = formulaFor(f, i, other);
    const p = provenanceOfFormula(formula);
    const figure = p.figure!;
    expect(figure.answer).toBe(evaluateAimarketFormula(formula, state));
    if (counterpart) {
      // The report states it in that currency: its own figure, no conversion at the dataset's rate.
      expect(figure.id).toBe(counterpart.id);
      expect(figure.conversions.some((c) => c.kind === "currency")).toBe(false);
      if (counterpart.statedAsConversionOf) expect(figure.conversions).toContainEqual({ kind: "stated", of: expect.objectContaining({ id: counterpart.statedAsConversionOf }) });
    } else {
      expect(figure.id).toBe(f.id);
      expect(figure.conversions).toContainEqual(expect.objectContaining({ kind: "currency", from: f.currency, to: other, cnyPerUsd: rate }));
      const factor = { "": 1, 万: 1e4, 亿: 1e8, 万亿: 1e12, "%": 0.01 }[f.scale ?? ""];
      const base = (f.value ?? (f.low! + f.high!) / 2) * factor;
      const expected = other === "USD" ? base / rate : base * rate;
      expect(figure.answer as number).toBeCloseTo(expected, -2);
    }
  });

  test("ByteDance's revenue in CNY is the dataset's conversion USD→CNY of 19亿美元", () => {
    const p = provenanceOfCall(index, "REVENUE", ["字节跳动", 2026, "CNY", "亿"]);
    expect(p.figure!.written).toBe("19亿美元");
    expect(p.figure!.conversions).toEqual([expect.objectContaining({ kind: "currency", from: "USD", to: "CNY", cnyPerUsd: 7.1338 })]);
    expect(p.figure!.answer).toBeCloseTo(19 * 7.1338, 10);
  });

  test("Alibaba's revenue in USD is the report's own conversion, not the dataset's", () => {
    const p = provenanceOfCall(index, "REVENUE", ["Alibaba", null, "USD", "B", "low"]);
    expect(p.figure!.id).toBe("alibaba.revenue.2026.usd");
    expect(p.figure!.conversions).toEqual([
      { kind: "stated", of: { id: "alibaba.revenue.2026.cny", written: "220-250亿元", currency: "CNY" } },
      { kind: "scale", from: { en: "亿 (10⁸)", zh: "亿" }, to: { en: "USD billion", zh: "十亿美元" }, factor: 0.1 },
    ]);
    expect(p.figure!.range).toEqual({ low: 31, high: 35, bound: "low" });
    expect(p.figure!.answer).toBe(3.1);
  });

  test("Google's capex (stated in CNY) in USD: CNY→USD at the dataset's rate, with the unit_suspect flag", () => {
    const p = provenanceOfCall(index, "METRIC", ["Google", "capex", null, "USD"]);
    expect(p.figure!.conversions).toContainEqual(expect.objectContaining({ kind: "currency", from: "CNY", to: "USD" }));
    expect(p.flags.map((f) => f.code)).toEqual(["unit_suspect"]);
    expect(p.flags[0]!.related.map((r) => r.label.en)).toEqual(["Google · Revenue 1000亿美元", "Google · Order backlog 2400亿美元"]);
  });
});

describe("qualifiers and scales", () => {
  test("a qualifier verbatim, with its meaning in both languages", () => {
    const p = provenanceOfCall(index, "METRIC", ["OpenAI", "max_cluster_chips"]);
    expect(p.figure!.qualifier).toEqual({ verbatim: "最大", meaning: { en: "at most", zh: "至多" } });
  });

  test("a share: percent as written, a fraction answered", () => {
    const p = provenanceOfCall(index, "METRIC", ["OpenAI", "fortune500_penetration"]);
    expect(p.figure!.answer).toBe(0.72);
    expect(p.figure!.conversions).toEqual([{ kind: "scale", from: { en: "percent", zh: "百分比" }, to: { en: "fraction", zh: "小数" }, factor: 0.01 }]);
  });

  test("a measure written in its own unit: no conversion", () => {
    expect(provenanceOfCall(index, "METRIC", ["OpenAI", "compute_gw"]).figure!.conversions).toEqual([]);
  });
});

describe("other functions", () => {
  test("SOURCE answers the line the function gives", () => {
    const p = provenanceOfCall(index, "SOURCE", ["ByteDance", "revenue"]);
    expect(p.figure!.id).toBe("bytedance.revenue.2026");
    expect(p.figure!.answer).toBe(evaluateAimarketFormula('=AIMARKET.SOURCE("ByteDance","revenue")', state));
  });

  test.each(["TABLES", "ENTITIES", "METRICS", "INFO"] as const)("%s is a catalogue, not a figure", (fn) => {
    const p = provenanceOfCall(index, fn, []);
    expect(p).toMatchObject({ kind: "catalogue", fn, figures: [], flags: [] });
    expect(p.note!.zh).toMatch(/\p{Script=Han}/u);
  });

  test("INFO(\"exchange_rate\") says how the rate is derived", () => {
    expect(provenanceOfCall(index, "INFO", ["exchange_rate"]).note!.en).toMatch(/1120 \/ 157/);
    // Every spelling INFO accepts, and only those.
    expect(provenanceOfCall(index, "INFO", ["Exchange-Rate"]).note!.en).toMatch(/1120 \/ 157/);
    expect(provenanceOfCall(index, "INFO", ["exchange rates galore"]).note!.en).not.toMatch(/1120 \/ 157/);
  });

  test.each<[string, ArgValue[], string, string]>([
    ["REVENUE", ["OpenAl"], "#N/A", 'Unknown vendor "OpenAl". Did you mean "OpenAI"?'],
    ["REVENUE", ["China"], "#N/A", '"China" is a camp, not a vendor. Use one of: OpenAI, Google, Anthropic, Meta, ByteDance, Alibaba, Baidu, Tencent, DeepSeek.'],
    ["REVENUE", ["OpenAI", null, "EUR"], "#VALUE!", 'Unknown currency "EUR". Use "USD" or "CNY", or leave it empty for USD.'],
    ["METRIC", ["Tencent", "compute_gw"], "#N/A", 'The report gives no "compute_gw" for Tencent. METRICS("Tencent") lists what it has.'],
    ["TABLE", ["nope"], "#N/A", 'Unknown table "nope". See TABLES() for every table id.'],
    ["REVENUE", [null], "#VALUE!", 'Give a vendor name such as "OpenAI" or "字节跳动".'],
  ])("%s(%j): %s with the function's message", (fn, args, shows, message) => {
    expect(provenanceOfCall(index, fn as "REVENUE", args)).toMatchObject({ kind: "error", error: { shows, message } });
  });
});

describe("every cell of every report table", () => {
  const options: AnswerOptions = { language: "zh", currency: "CNY", scale: "亿", bound: "high" };
  const cells = dataset.tables.flatMap((t) => {
    const built = buildTable(index, t.id, options);
    return built.flatMap((row, r) => row.map((cell, c) => [t.id, r, c, cell] as const));
  });

  test.each(cells)("%s [%i, %i]", (tableId, row, column, cell) => {
    const table = dataset.tables.find((t) => t.id === tableId)!;
    const p = provenanceOfTableCell(index, tableId, options, row, column);
    expect(p.kind).toBe("table-cell");
    expect(p.table).toMatchObject({ id: tableId, row, title: table.title });
    for (const flag of table.flags ?? []) expect(p.flags).toContainEqual(expect.objectContaining({ on: "table", subject: tableId, code: flag.code }));
    if (row === 0) {
      expect(p.table!.part).toBe("header");
      return;
    }
    if (column === 0) {
      expect(p.table!.part).toBe("row-label");
      return;
    }
    if (table.kind === "source") {
      expect(p.table!.part).toBe("text");
      expect(p.table!.cellText!.zh).toBe(cell);
      for (const f of p.figures) {
        expect(f.source).toMatchObject({ row: table.rows[row - 1]![0]!.zh, column: table.header[column]!.zh });
        expect(table.rows[row - 1]![column]!.zh).toContain(f.source.text.slice(0, 4));
      }
      return;
    }
    if (column > table.columns.length) {
      expect(p.table!.part).toBe("notes");
      const flagged = p.figures.flatMap((f) => f.flags);
      expect(flagged.length > 0).toBe(cell !== "" && String(cell).includes("⚑"));
      return;
    }
    expect(p.table!.part).toBe("figure");
    if (cell === "") {
      expect(p.figure).toBeUndefined();
      expect(p.note!.zh).toMatch(/报告未给出/);
    } else {
      expect(p.figure!.answer).toBe(cell);
      expect(p.figure!.entity.id).toBe(table.rows[row - 1]);
      expect(p.figure!.metric.id).toBe(table.columns[column - 1]!.metric);
    }
  });

  test("ByteDance's missing domestic chip share: the empty cell points at the flagged figure that explains it", () => {
    const p = provenanceOfTableCell(index, "vendor_metrics", { ...options, language: "en" }, 5, 7);
    expect(p.figure).toBeUndefined();
    expect(p.figures.map((f) => f.id)).toEqual(["bytedance.domestic_chip_share_inference.2026"]);
    expect(p.flags.map((f) => f.code)).toEqual(["missing_in_source"]);
  });

  test("outside the table", () => {
    expect(provenanceOfTableCell(index, "vendor_revenue", options, 40, 1).table!.part).toBe("outside");
  });
});
