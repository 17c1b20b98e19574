/**
 * Every flag the dataset raises about the report, and the facts that justify it, computed from the
 * dataset's own figures. Adding or dropping a flag without updating this list fails.
 */
import type { Figure, FlagCode } from "../../src/core/schema";
import { bundledDataset, reportText } from "../helpers/bundled-dataset";

const dataset = bundledDataset();
const report = reportText();
const fig = (id: string): Figure => {
  const f = dataset.figures.find((x) => x.id === id);
  if (!f) throw new Error(`no figure ${id}`);
  return f;
};
const low = (f: Figure) => f.low ?? f.value!;
const high = (f: Figure) => f.high ?? f.value!;
const tableRowsZh = (id: string) => {
  const t = dataset.tables.find((x) => x.id === id)!;
  return t.kind === "source" ? t.rows.map((r) => r[0]!.zh) : [];
};

const raised: string[] = [
  ...dataset.figures.flatMap((f) => (f.flags ?? []).map((fl) => `${f.id} ${fl.code}`)),
  ...dataset.tables.flatMap((t) => (t.flags ?? []).map((fl) => `table:${t.id} ${fl.code}`)),
].sort();

const EXPECTED: [string, FlagCode, () => void][] = [
  ["openai.compute_investment_change_3y.2026", "garbled", () => {
    expect(report).toContain("3年算力投入翻10亿");
    expect(dataset.figures.some((f) => f.entity === "openai" && f.metric.startsWith("compute_investment") && f.text === undefined)).toBe(false);
  }],
  ["google.capex.2026", "unit_suspect", () => {
    expect(fig("google.capex.2026").currency).toBe("CNY");
    expect(fig("google.revenue.2026").currency).toBe("USD");
    expect(fig("google.backlog.2026").currency).toBe("USD");
  }],
  ["google.revenue.2026", "scope_differs", () => {
    expect(fig("google.revenue.2026").source.text).toContain("AI相关");
    expect(fig("openai.revenue.2026").source.text).not.toContain("AI相关");
  }],
  ["meta.revenue.2026", "scope_differs", () => {
    expect(fig("meta.revenue.2026").source.text).toContain("AI相关");
    expect(fig("anthropic.revenue.2026").source.text).not.toContain("AI相关");
  }],
  ["bytedance.revenue.2026", "contradicted_by_source", () => {
    expect(fig("bytedance.revenue.2026").source.text).toContain("国内首位");
    expect(low(fig("alibaba.revenue.2026.usd"))).toBeGreaterThan(fig("bytedance.revenue.2026").value!);
  }],
  ["bytedance.revenue.2026", "unit_suspect", () => {
    const chinese = dataset.entities.filter((e) => ["bytedance", "alibaba", "baidu", "tencent", "deepseek"].includes(e.id));
    const withCny = chinese.filter((e) => dataset.figures.some((f) => f.entity === e.id && f.metric === "revenue" && f.currency === "CNY"));
    expect(withCny.map((e) => e.id)).toEqual(["alibaba", "baidu", "tencent", "deepseek"]);
  }],
  ["bytedance.domestic_chip_share_inference.2026", "missing_in_source", () => {
    expect(dataset.figures.some((f) => f.entity === "bytedance" && f.metric === "domestic_chip_share")).toBe(false);
    expect(report).toContain("算力布局核心数据(国产芯片占比)");
  }],
  ["deepseek.domestic_chip_share.2026", "scope_differs", () => {
    expect(fig("deepseek.domestic_chip_share.2026").source.text).toContain("使用率");
    expect(fig("alibaba.domestic_chip_share.2026").source.text).toContain("占比");
  }],
  ["west.cost_multiple_vs_china", "inconsistent", () => {
    const west = fig("west.cost_multiple_vs_china");
    const china = fig("china.inference_cost_vs_west");
    // China's 3%-10% of the West's cost means the West is 10-33 times China's, not 5-18 times.
    const impliedLow = 100 / high(china);
    const impliedHigh = 100 / low(china);
    expect([impliedLow, Math.round(impliedHigh)]).toEqual([10, 33]);
    expect([low(west), high(west)]).not.toEqual([impliedLow, Math.round(impliedHigh)]);
  }],
  ["china.inference_cost_vs_west", "inconsistent", () => {
    expect(100 / low(fig("china.inference_cost_vs_west"))).toBeGreaterThan(high(fig("west.cost_multiple_vs_china")));
  }],
  ["china.open_source_share", "scope_unclear", () => expect(fig("china.open_source_share").source.text).toBe("开源活跃(占全球38%)")],
  ["china.domestic_chip_market_share.2026", "scope_unclear", () => expect(fig("china.domestic_chip_market_share.2026").source.text).not.toMatch(/中国市场|全球市场/)],
  ["west.revenue_multiple_vs_china.2026", "contradicted_by_source", () => {
    const chinaTop = high(fig("alibaba.revenue.2026.usd"));
    const ratios = ["openai.revenue.2026", "anthropic.revenue.2026", "meta.revenue.2026"].map((id) => low(fig(id)) / chinaTop);
    expect(ratios.every((r) => r < 10)).toBe(true);
  }],
  ["kimi-2.5.architecture", "corrected_in_source", () => expect(report).toContain("(原“稀疏增家架构”修正)")],
  ["qwen-3.5.total_params", "sum_mismatch", () => {
    expect(fig("qwen-3.5.lite_params").value! + fig("qwen-3.5.moe_core_params").value!).toBe(440);
    expect(fig("qwen-3.5.total_params").value).toBe(470);
  }],
  ["qwen-3.5.lite_params", "sum_mismatch", () => expect(fig("qwen-3.5.lite_params").source.text).toContain("两种规格")],
  ["qwen-3.5.moe_core_params", "sum_mismatch", () => expect(fig("qwen-3.5.moe_core_params").source.text).toContain("两种规格")],
  ["glm-5.benchmark_claim", "name_suspect", () => expect(fig("glm-5.benchmark_claim").source.text).toContain("GPT-4.2")],
  ["glm-5.chip_platform", "name_suspect", () => expect(fig("glm-5.chip_platform").source.text).toContain("昇腾911C")],
  ["glm-5.intelligence_index", "scope_unclear", () => expect(fig("glm-5.intelligence_index").source.text).toBe("智能指数突破50分")],
  ["table:camps_representatives", "missing_in_source", () => {
    expect(tableRowsZh("camps_representatives")).toEqual(["西方(以美为主)"]);
    expect(report).not.toMatch(/中国(\(.*\))?\n\n[^\n]*(通义|文心|豆包|DeepSeek)/);
  }],
  ["table:camp_comparison", "inconsistent", () => expect(report).toContain("训练/推理成本为中国的5-18倍")],
  ["table:vendors_international", "period_unclear", () => expect(report).toContain("国际头部厂商核心布局与经营数据(2026年预测/实测)")],
  ["table:vendors_china", "period_unclear", () => expect(report).toContain("中国头部厂商核心布局与经营数据(2026年预测/实测)")],
  ["table:vendors_china", "missing_in_source", () => {
    for (const [entity, metric] of [["tencent", "compute_gw"], ["tencent", "max_cluster_chips"], ["deepseek", "compute_gw"], ["deepseek", "mau"]]) {
      expect(dataset.figures.some((f) => f.entity === entity && f.metric === metric)).toBe(false);
    }
  }],
];

test("the dataset raises exactly the flags listed here", () => {
  expect(raised).toEqual(EXPECTED.map(([target, code]) => `${target.replace(/^table:/, "table:")} ${code}`).sort());
});

test.each(EXPECTED.map(([target, code, check]) => [`${target} ${code}`, check] as const))("%s is justified by the report", (_name, check) => {
  check();
});

test("every flag explains itself in both languages and names only figures that exist", () => {
  const ids = new Set(dataset.figures.map((f) => f.id));
  const flags = [...dataset.figures.flatMap((f) => f.flags ?? []), ...dataset.tables.flatMap((t) => t.flags ?? [])];
  for (const flag of flags) {
    expect(flag.note.en.length).toBeGreaterThan(30);
    expect(flag.note.zh.length).toBeGreaterThan(10);
    for (const id of flag.related ?? []) expect(ids.has(id)).toBe(true);
  }
});

test("no flagged figure was corrected: the numbers stay as written", () => {
  expect(fig("bytedance.revenue.2026")).toMatchObject({ value: 19, scale: "亿", currency: "USD" });
  expect(fig("google.capex.2026")).toMatchObject({ value: 6500, scale: "亿", currency: "CNY", qualifier: "超" });
  expect(fig("qwen-3.5.total_params")).toMatchObject({ value: 470, scale: "亿" });
});
