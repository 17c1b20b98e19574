/**
 * What the formula builder shows and writes, without the DOM (src/taskpane/formula-builder-state.ts):
 * entity search in both scripts, the choices offered, the live formula and value in both languages,
 * and the column of formulas.
 */
import { DatasetStore } from "../../src/core/dataset-store";
import {
  columnFormulas,
  entitiesWith,
  initialBuilderState,
  livePreview,
  metricsOf,
  searchEntities,
  settleState,
  yearChoices,
  type BuilderState,
} from "../../src/taskpane/formula-builder-state";
import { applicableOptions } from "../../src/core/formula-text";
import { evaluateAimarketFormula } from "../../src/preview/aimarket-evaluator";
import { bundledDataset, bundledIndex } from "../helpers/bundled-dataset";

const index = bundledIndex();
const settled = (over: Partial<BuilderState>, ui: "en" | "zh" = "en"): BuilderState => settleState(index, { ...initialBuilderState(ui), ...over });

describe("searchEntities", () => {
  test.each([
    ["字节", ["bytedance"]],
    ["openai", ["openai"]],
    ["ＯｐｅｎＡＩ", ["openai"]],
    ["Open AI", ["openai"]],
    ["阿里", ["alibaba", "qwen-3.5"]],
    ["千问", ["qwen-3.5"]],
    ["gl", ["glm-5", "global", "google"]],
    ["美国", ["west"]],
    ["kimi2.5", ["kimi-2.5"]],
    ["no such name", []],
  ])("%s finds %j", (query, ids) => {
    expect(searchEntities(index, query).map((e) => e.id)).toEqual(ids);
  });

  test("an empty query lists every entity in dataset order", () => {
    expect(searchEntities(index, "  ").map((e) => e.id)).toEqual(index.dataset.entities.map((e) => e.id));
  });
});

describe("the choices offered", () => {
  test("metrics are those the entity has figures for", () => {
    expect(metricsOf(index, "openai").map((m) => m.id)).toEqual(index.metricsOfEntity.get("openai"));
    expect(metricsOf(index, "bytedance").map((m) => m.id)).not.toContain("domestic_chip_share");
    expect(metricsOf(index, undefined)).toEqual([]);
  });

  test("years: each year then 'latest', or 'none' for figures without a year", () => {
    expect(yearChoices(applicableOptions(index, ["openai"], "revenue"))).toEqual([2026, "latest"]);
    expect(yearChoices(applicableOptions(index, ["kimi-2.5"], "total_params"))).toEqual(["none"]);
  });

  test("settleState picks the entity's first metric and the latest year, and keeps the column to entities with the metric", () => {
    expect(settled({ entity: "openai" })).toMatchObject({ entity: "openai", metric: index.metricsOfEntity.get("openai")![0], year: 2026 });
    expect(settled({ entity: "kimi-2.5", metric: "total_params", year: 2026 })).toMatchObject({ metric: "total_params", year: "none" });
    expect(settled({ entity: "openai", metric: "revenue", fill: ["openai", "china", "alibaba"] }).fill).toEqual(["openai", "alibaba"]);
    expect(settled({ entity: "gone", metric: "revenue" })).toMatchObject({ entity: undefined, metric: undefined, year: undefined });
  });

  test("entitiesWith lists the entities that have a metric", () => {
    expect(entitiesWith(index, "revenue").map((e) => e.id)).toEqual(["openai", "google", "anthropic", "meta", "bytedance", "alibaba", "baidu", "tencent", "deepseek"]);
  });
});

describe("livePreview: the formula and the value it gives, in the pane's language", () => {
  test.each([
    [{ entity: "anthropic", metric: "revenue", scale: "B" }, "en", '=AIMARKET.REVENUE("Anthropic",2026,,"B")', "240-270亿美元 → 25.5 (USD billion, midpoint)"],
    [{ entity: "anthropic", metric: "revenue", scale: "B" }, "zh", '=AIMARKET.REVENUE("Anthropic",2026,,"B")', "240-270亿美元 → 25.5(十亿美元,中值)"],
    [{ entity: "alibaba", metric: "revenue", scale: "亿", bound: "low" }, "zh", '=AIMARKET.REVENUE("Alibaba",2026,,"亿","low")', "约31-35亿美元 → 31(亿美元,下限)"],
    [{ entity: "openai", metric: "revenue" }, "en", '=AIMARKET.REVENUE("OpenAI",2026)', "330亿美元 → 33,000,000,000 (USD)"],
    [{ entity: "openai", metric: "fortune500_penetration", currency: "CNY", scale: "B" }, "en", '=AIMARKET.METRIC("OpenAI","fortune500_penetration",2026)', "72% → 0.72 (fraction)"],
    [{ entity: "global", metric: "commercial_vendors" }, "zh", '=AIMARKET.METRIC("Global","commercial_vendors",2026)', "不超过10 → 10(家)"],
    [{ entity: "west", metric: "positioning", language: "zh" }, "zh", '=AIMARKET.METRIC("West","positioning",,,,,"zh")', "拼“上限”,重技术突破与AGI探索"],
  ] as const)("%j in %s", (over, ui, formula, value) => {
    const live = livePreview(index, settled(over as Partial<BuilderState>, ui), ui)!;
    expect({ formula: live.formula, value: live.value, error: live.error }).toEqual({ formula, value, error: false });
  });

  test("a converted figure says so, and the report's problems with it come along", () => {
    const live = livePreview(index, settled({ entity: "bytedance", metric: "revenue", currency: "CNY", scale: "亿" }), "en")!;
    expect(live.value).toBe("19亿美元 → 135.5422 (CNY 亿 (10⁸))");
    expect(live.notes[0]).toBe("Converted from USD at 7.1338 CNY per USD: the report does not state this figure in CNY.");
    expect(live.notes.slice(1)).toEqual(index.figures.get("bytedance.revenue.2026")!.figure.flags!.map((f) => `Note on the report: ${f.note.en}`));
  });

  test("the value is what the formula gives in the simulator", () => {
    const state = new DatasetStore(bundledDataset()).current;
    const live = livePreview(index, settled({ entity: "tencent", metric: "revenue", currency: "CNY", scale: "亿", bound: "high" }), "en")!;
    expect(evaluateAimarketFormula(live.formula, state)).toBe(150);
    expect(live.value).toBe("130-150亿元 → 150 (CNY 亿 (10⁸), high end)");
  });

  test("an answer the data cannot give shows the error the cell will show", () => {
    const live = livePreview(index, { ...settled({ entity: "openai", metric: "revenue" }), year: 2025 }, "en")!;
    expect(live).toEqual({
      formula: '=AIMARKET.REVENUE("OpenAI",2025)',
      value: `The cell will show #N/A: The report gives OpenAI's "revenue" for 2026 only, not for 2025. Leave the year empty for the latest.`,
      error: true,
      notes: [],
    });
  });

  test("nothing until an entity is chosen", () => {
    expect(livePreview(index, settled({}), "en")).toBeUndefined();
  });
});

test("columnFormulas: one formula per chosen entity, sharing the arguments", () => {
  const state = settled({ entity: "openai", metric: "revenue", scale: "B", bound: "high", fill: ["openai", "anthropic", "bytedance"] });
  expect(columnFormulas(index, state)).toEqual([
    '=AIMARKET.REVENUE("OpenAI",2026,,"B","high")',
    '=AIMARKET.REVENUE("Anthropic",2026,,"B","high")',
    '=AIMARKET.REVENUE("ByteDance",2026,,"B","high")',
  ]);
  expect(columnFormulas(index, { ...state, fill: [] })).toEqual([]);
});
