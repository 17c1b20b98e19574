/**
 * Every custom function through the production dist/functions.js, called exactly as Excel calls
 * it, against the report figure by figure.
 */
import type { Dataset, Figure } from "../../src/core/schema";
import { bundledDataset } from "../helpers/bundled-dataset";
import { FunctionsBundle, StubExcelError } from "../helpers/functions-bundle";

const dataset = bundledDataset();
const nameOf = (id: string) => dataset.entities.find((e) => e.id === id)!.name;
const SCALE_ARG: Record<string, string> = { "": "1", 万: "万", 亿: "亿", 万亿: "万亿" };

let bundle: FunctionsBundle;
beforeEach(() => {
  bundle = new FunctionsBundle();
});

test("registers exactly the functions its metadata declares, all streaming", () => {
  expect([...bundle.registered.keys()].sort()).toEqual(bundle.metadata.functions.map((f) => f.id).sort());
  expect(bundle.metadata.functions.map((f) => f.id).sort()).toEqual(["ENTITIES", "INFO", "METRIC", "METRICS", "REVENUE", "SOURCE", "TABLE", "TABLES"]);
  for (const f of bundle.metadata.functions) expect(f.options?.stream).toBe(true);
});

describe("REVENUE for every vendor, as the report states it", () => {
  const revenue = dataset.figures.filter((f) => f.metric === "revenue");
  test.each(revenue.map((f) => [f.id, f] as const))("%s", (_id, f: Figure) => {
    for (const name of [nameOf(f.entity).en, nameOf(f.entity).zh]) {
      for (const bound of ["low", "high"] as const) {
        const written = f[bound] ?? f.value!;
        expect(bundle.call("REVENUE", name, 2026, f.currency, f.scale, bound)).toBe(written);
      }
    }
  });

  test("defaults: base units, USD, midpoint, latest year", () => {
    expect(bundle.call("REVENUE", "OpenAI", 2026)).toBe(33_000_000_000);
    expect(bundle.call("REVENUE", "OpenAI")).toBe(33_000_000_000);
    expect(bundle.call("REVENUE", "Anthropic")).toBe(25_500_000_000);
    expect(bundle.call("REVENUE", "阿里巴巴", null, "CNY", "亿", "low")).toBe(220);
    expect(bundle.call("REVENUE", "Alibaba", null, "USD", "B")).toBe(3.3);
  });
});

describe("METRIC for every numeric figure of the report", () => {
  const numeric = dataset.figures.filter((f) => f.text === undefined);
  test.each(numeric.map((f) => [f.id, f] as const))("%s", (_id, f: Figure) => {
    const percent = f.scale === "%";
    const scaleArg = percent ? null : SCALE_ARG[f.scale!];
    for (const bound of ["low", "high"] as const) {
      const written = f[bound] ?? f.value!;
      const expected = percent ? written / 100 : written;
      const got = bundle.call("METRIC", nameOf(f.entity).en, f.metric, f.period, f.currency ?? null, scaleArg, bound);
      expect(got).toBeCloseTo(expected, 12);
    }
  });
});

describe("METRIC for text figures", () => {
  const textual = dataset.figures.filter((f) => f.text !== undefined);
  test.each(textual.map((f) => [f.id, f] as const))("%s in both languages", (_id, f: Figure) => {
    expect(bundle.call("METRIC", nameOf(f.entity).zh, f.metric, f.period, null, null, null, "zh")).toBe(f.text!.zh);
    expect(bundle.call("METRIC", nameOf(f.entity).en, f.metric, f.period)).toBe(f.text!.en);
  });
});

describe("TABLE spills every table of TABLES() as a rectangle", () => {
  const ids = (bundle0: FunctionsBundle) => (bundle0.call("TABLES") as unknown[][]).slice(1).map((r) => r[0] as string);
  test("TABLES lists every table", () => {
    expect(ids(bundle)).toEqual(dataset.tables.map((t) => t.id));
  });
  test.each(dataset.tables.map((t) => t.id))("%s", (id) => {
    for (const language of [null, "en", "zh"]) {
      const rows = bundle.call("TABLE", id, language, "CNY", "亿") as unknown[][];
      expect(Array.isArray(rows)).toBe(true);
      const width = rows[0]!.length;
      for (const row of rows) {
        expect(row).toHaveLength(width);
        for (const cell of row) expect(["string", "number", "boolean"]).toContain(typeof cell);
      }
    }
  });
});

describe("catalogues", () => {
  test("ENTITIES lists the 15 entities, first column a name that METRIC accepts", () => {
    const rows = bundle.call("ENTITIES") as string[][];
    expect(rows[0]).toEqual(["Name", "Chinese name", "Kind", "Id", "Also accepted", "Description"]);
    expect(rows).toHaveLength(16);
    expect((bundle.call("ENTITIES", "vendor") as string[][]).slice(1).map((r) => r[0])).toEqual(["OpenAI", "Google", "Anthropic", "Meta", "ByteDance", "Alibaba", "Baidu", "Tencent", "DeepSeek"]);
    expect((bundle.call("ENTITIES", "model", "zh") as string[][]).slice(1).map((r) => r[0])).toEqual(["Kimi 2.5", "通义千问3.5", "GLM-5"]);
  });

  test("METRICS of an entity lists ids that METRIC answers for it", () => {
    const rows = (bundle.call("METRICS", "腾讯") as string[][]).slice(1);
    expect(rows.map((r) => r[0])).toEqual(["compute_investment", "domestic_chip_share", "mau", "game_studio_customers", "revenue", "core_advantage"]);
    for (const [id] of rows) expect(bundle.call("METRIC", "Tencent", id)).not.toBeInstanceOf(StubExcelError);
    expect(bundle.call("METRICS") as string[][]).toHaveLength(dataset.metrics.length + 1);
  });

  test("INFO gives the dataset's metadata and the exchange rate", () => {
    expect(bundle.call("INFO", "version")).toEqual([["1.0.0"]]);
    expect(bundle.call("INFO", "exchange_rate")).toEqual([[7.1338]]);
    expect(bundle.call("INFO", "as_of")).toEqual([["2026-02"]]);
    const all = bundle.call("INFO") as unknown[][];
    expect(all[0]).toEqual(["Field", "Value"]);
    expect(all.map((r) => r[0])).toContain("title");
  });

  test("SOURCE gives the verbatim words, the section and the flags", () => {
    const s = bundle.call("SOURCE", "ByteDance", "revenue") as string;
    expect(s).toContain("“19亿美元(国内首位)”");
    expect(s).toContain("section 二(三)");
    expect(s).toContain("⚑ contradicted by the report: The report calls this the highest revenue in China");
    expect(s).toContain("[contradicted_by_source]");
    expect(bundle.call("SOURCE", "Google", "capex")).toContain("qualifier 超 (more than)");
    expect(bundle.call("SOURCE", "谷歌", "capex", null, "zh")).toContain("限定词“超”");
  });
});

describe("errors: #VALUE! for a bad argument, #N/A for what the data cannot answer", () => {
  test.each<[string, unknown[], string, string]>([
    ["REVENUE", ["OpenAl"], "#N/A", 'Unknown vendor "OpenAl". Did you mean "OpenAI"?'],
    ["REVENUE", ["OpenAI", 2025], "#N/A", 'The report gives OpenAI\'s "revenue" for 2026 only, not for 2025. Leave the year empty for the latest.'],
    ["REVENUE", ["OpenAI", null, "EUR"], "#VALUE!", 'Unknown currency "EUR". Use "USD" or "CNY", or leave it empty for USD.'],
    ["REVENUE", ["OpenAI", null, null, "X"], "#VALUE!", 'Unknown scale "X". Use one of 1, K, M, B, T, 万, 亿, 万亿, or leave it empty for base units.'],
    ["REVENUE", ["OpenAI", null, null, null, "max"], "#VALUE!", 'Unknown bound "max". Use "mid", "low" or "high", or leave it empty for the midpoint.'],
    ["REVENUE", [null], "#VALUE!", 'Give a vendor name such as "OpenAI" or "字节跳动".'],
    ["REVENUE", ["China"], "#N/A", '"China" is a camp, not a vendor. Use one of: OpenAI, Google, Anthropic, Meta, ByteDance, Alibaba, Baidu, Tencent, DeepSeek.'],
    ["METRIC", ["OpenAI", "compute_gww"], "#N/A", 'Unknown metric "compute_gww". Did you mean "compute_gw"?'],
    ["METRIC", ["Tencent", "compute_gw"], "#N/A", 'The report gives no "compute_gw" for Tencent. METRICS("Tencent") lists what it has.'],
    ["METRIC", ["OpenAI", "revenue", "soon"], "#VALUE!", 'Year must be a whole number such as 2026; got "soon". Leave it empty for the latest year the report covers.'],
    ["METRIC", [[["OpenAI"]], "revenue"], "#VALUE!", 'An entity name must be text such as "OpenAI" or "字节跳动"; got a range of cells.'],
    ["TABLE", ["vendor_revenu"], "#N/A", 'Unknown table "vendor_revenu". Did you mean "vendor_revenue"?'],
    ["TABLE", ["vendor_revenue", "fr"], "#VALUE!", 'Unknown language "fr". Use "en" or "zh", or leave it empty for English.'],
    ["ENTITIES", ["people"], "#VALUE!", 'Unknown kind "people". Use one of "vendor", "model", "camp", "market", or leave it empty for all.'],
    ["METRICS", ["Microsoft"], "#N/A", 'Unknown entity "Microsoft". See ENTITIES() for every name.'],
    ["SOURCE", ["OpenAI", "profit"], "#N/A", 'Unknown metric "profit". See METRICS() for every metric id.'],
    ["INFO", ["colour"], "#VALUE!", "Unknown field \"colour\". Use one of title, title_en, edition, published, as_of, version, hash, exchange_rate, exchange_rate_method, figures, source, or leave it empty for all."],
  ])("%s(%j)", (id, args, code, message) => {
    const result = bundle.call(id, ...args);
    expect(result).toBeInstanceOf(StubExcelError);
    expect({ code: (result as StubExcelError).code, message: (result as StubExcelError).message }).toEqual({ code, message });
  });
});

describe("live: streaming cells follow the dataset in use", () => {
  function revised(): Dataset {
    const next = structuredClone(dataset);
    next.meta.version = "1.0.1";
    next.figures.find((f) => f.id === "openai.revenue.2026")!.value = 340;
    return next;
  }

  test("a changed figure is delivered again; an unchanged one is not", () => {
    const openai = bundle.start("REVENUE", "OpenAI");
    const google = bundle.start("REVENUE", "Google");
    const version = bundle.start("INFO", "version");
    bundle.store.replace(revised());
    expect(openai.results).toEqual([33_000_000_000, 34_000_000_000]);
    expect(google.results).toEqual([100_000_000_000]);
    expect(version.results).toEqual([[["1.0.0"]], [["1.0.1"]]]);
  });

  test("a cell that answered an error answers again when the data can", () => {
    const next = structuredClone(dataset);
    next.figures.push({ ...next.figures.find((f) => f.id === "openai.compute_gw.2026")!, id: "tencent.compute_gw.2026", entity: "tencent" });
    const cell = bundle.start("METRIC", "Tencent", "compute_gw");
    expect(cell.latest).toBeInstanceOf(StubExcelError);
    bundle.store.replace(next);
    expect(cell.latest).toBe(1.9);
  });

  test("cancelling a cell releases its listener", () => {
    bundle.call("INFO", "version");
    const before = bundle.store.listenerCount;
    const cells = ["OpenAI", "Google", "Meta"].map((v) => bundle.start("REVENUE", v));
    expect(bundle.store.listenerCount).toBe(before + 3);
    for (const c of cells) c.cancel();
    expect(bundle.store.listenerCount).toBe(before);
    bundle.store.replace(revised());
    expect(cells[0]!.results).toEqual([33_000_000_000]);
  });

  test("a store created before the cells started is the one they follow (tests/taskpane/taskpane-bundle.test.ts loads the pane into it)", () => {
    const cell = bundle.start("REVENUE", "OpenAI");
    const store = bundle.context.__AIMARKET_DATASET_STORE__;
    expect(store).toBe(bundle.store);
    bundle.store.replace(revised());
    expect(cell.latest).toBe(34_000_000_000);
  });
});
