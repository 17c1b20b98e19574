import { queryFigure, type FigureQuery } from "../../src/core/query-figure";
import { AimarketError } from "../../src/core/errors";
import { bundledIndex } from "../helpers/bundled-dataset";

const index = bundledIndex();
const RATE = index.dataset.meta.exchangeRate.cnyPerUsd;

function errorOf(q: FigureQuery): { code: string; message: string } {
  try {
    queryFigure(index, q);
  } catch (e) {
    if (e instanceof AimarketError) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error("expected an error");
}

describe("entity names", () => {
  test.each([
    ["OpenAI", "openai"],
    ["openai", "openai"],
    ["ＯｐｅｎＡＩ", "openai"],
    ["  Open AI ", "openai"],
    ["open-ai", "openai"],
    ["谷歌", "google"],
    ["GOOGLE", "google"],
    ["字节跳动", "bytedance"],
    ["字节", "bytedance"],
    ["Byte Dance", "bytedance"],
    ["阿里巴巴", "alibaba"],
    ["阿里", "alibaba"],
    ["百度", "baidu"],
    ["腾讯", "tencent"],
    ["深度求索", "deepseek"],
    ["Deep Seek", "deepseek"],
    ["月之暗面Kimi 2.5", "kimi-2.5"],
    ["kimi2.5", "kimi-2.5"],
    ["通义千问3.5", "qwen-3.5"],
    ["Qwen3.5", "qwen-3.5"],
    ["glm5", "glm-5"],
    ["智谱GLM-5", "glm-5"],
    ["中国", "china"],
    ["西方", "west"],
    ["全球", "global"],
    ["Global", "global"],
  ])("%p is %s", (name, id) => {
    const metric = index.metricsOfEntity.get(id)![0]!;
    expect(queryFigure(index, { entity: name, metric }).entity.id).toBe(id);
  });
});

describe("numbers in base units by default", () => {
  test.each([
    ["OpenAI", "revenue", 33_000_000_000],
    ["OpenAI", "compute_gw", 1.9],
    ["OpenAI", "mau", 750_000_000],
    ["OpenAI", "paying_users", 120_000_000],
    ["OpenAI", "max_cluster_chips", 80_000],
    ["OpenAI", "fortune500_penetration", 0.72],
    ["Alibaba", "domestic_chip_share", 0.95],
    ["Baidu", "domestic_chip_share", 0.6],
    ["Tencent", "domestic_chip_share", 0.45],
    ["DeepSeek", "domestic_chip_share", 0.7],
    ["Global", "market_growth", 0.68],
    ["Global", "compute_demand_growth", 1.2],
    ["Kimi 2.5", "total_params", 1_000_000_000_000],
    ["GLM-5", "training_tokens", 28_500_000_000_000],
    ["GLM-5", "intelligence_index", 50],
    ["Anthropic", "revenue", 25_500_000_000],
    ["Google", "max_cluster_chips", 9216],
    ["China", "reasoning_gap_months", 4.5],
  ])("%s %s is %p", (entity, metric, value) => {
    expect(queryFigure(index, { entity, metric }).value).toBe(value);
  });
});

describe("every currency, scale and bound", () => {
  const SCALES: [unknown, number][] = [
    [null, 1], [undefined, 1], ["", 1], ["1", 1], [1, 1], ["K", 1e3], ["k", 1e3], ["M", 1e6], ["B", 1e9], ["b", 1e9], ["T", 1e12],
    ["万", 1e4], ["亿", 1e8], ["万亿", 1e12],
  ];
  const BOUNDS: [unknown, "low" | "mid" | "high"][] = [[null, "mid"], ["mid", "mid"], ["low", "low"], ["HIGH", "high"], ["high", "high"]];
  const CURRENCIES: [unknown, "USD" | "CNY"][] = [[null, "USD"], ["USD", "USD"], ["usd", "USD"], ["CNY", "CNY"], ["人民币", "CNY"]];

  /** [entity, metric, what the report states per currency (low, high in base units)] */
  const CASES: [string, string, Partial<Record<"USD" | "CNY", [number, number]>>][] = [
    ["OpenAI", "revenue", { USD: [330e8, 330e8] }],
    ["Anthropic", "revenue", { USD: [240e8, 270e8] }],
    ["Alibaba", "revenue", { USD: [31e8, 35e8], CNY: [220e8, 250e8] }],
    ["DeepSeek", "revenue", { USD: [10e8, 11e8], CNY: [70e8, 80e8] }],
    ["ByteDance", "revenue", { USD: [19e8, 19e8] }],
    ["Google", "capex", { CNY: [6500e8, 6500e8] }],
    ["Baidu", "compute_investment", { CNY: [800e8, 900e8] }],
  ];

  const combos = CASES.flatMap(([entity, metric, stated]) =>
    CURRENCIES.flatMap(([currencyArg, currency]) =>
      SCALES.flatMap(([scaleArg, factor]) =>
        BOUNDS.map(([boundArg, bound]) => ({ entity, metric, stated, currencyArg, currency, scaleArg, factor, boundArg, bound })),
      ),
    ),
  );

  test.each(combos)("$entity $metric currency=$currencyArg scale=$scaleArg bound=$boundArg", (c) => {
    const given = c.stated[c.currency];
    const other = c.currency === "USD" ? c.stated.CNY : c.stated.USD;
    const convert = (n: number) => (given ? n : c.currency === "USD" ? n / RATE : n * RATE);
    const [lo, hi] = (given ?? other)!;
    const base = c.bound === "low" ? lo : c.bound === "high" ? hi : (lo + hi) / 2;
    const expected = convert(base) / c.factor;
    const answer = queryFigure(index, { entity: c.entity, metric: c.metric, currency: c.currencyArg, scale: c.scaleArg, bound: c.boundArg });
    expect(Math.abs((answer.value as number) - expected) / expected).toBeLessThan(1e-12);
    expect(answer.currency).toBe(c.currency);
    expect(answer.conversion === undefined).toBe(given !== undefined);
  });

  test("a single value answers the same for every bound", () => {
    const values = ["low", "mid", "high"].map((bound) => queryFigure(index, { entity: "OpenAI", metric: "revenue", bound }).value);
    expect(values).toEqual([33e9, 33e9, 33e9]);
  });

  test("scale and currency leave shares, rates and measures as they are", () => {
    for (const [entity, metric, value] of [["OpenAI", "fortune500_penetration", 0.72], ["OpenAI", "compute_gw", 1.9], ["Global", "market_growth", 0.68]] as const) {
      expect(queryFigure(index, { entity, metric, scale: "B", currency: "CNY" }).value).toBe(value);
    }
  });

  test("counts scale too", () => {
    expect(queryFigure(index, { entity: "OpenAI", metric: "mau", scale: "亿" }).value).toBe(7.5);
    expect(queryFigure(index, { entity: "OpenAI", metric: "mau", scale: "M" }).value).toBe(750);
  });
});

describe("stated versus converted currency", () => {
  test("Alibaba in USD is the report's own 31-35亿美元, not a conversion of 220-250亿元", () => {
    const a = queryFigure(index, { entity: "Alibaba", metric: "revenue", currency: "USD", scale: "亿", bound: "low" });
    expect(a.value).toBe(31);
    expect(a.conversion).toBeUndefined();
    expect(a.figure.id).toBe("alibaba.revenue.2026.usd");
    expect(220 / RATE).not.toBeCloseTo(31, 1);
  });

  test("ByteDance in CNY is converted at the dataset rate and says so", () => {
    const a = queryFigure(index, { entity: "ByteDance", metric: "revenue", currency: "CNY" });
    expect(a.value).toBe(Number((19e8 * RATE).toPrecision(15)));
    expect(a.conversion).toEqual({ from: "USD", to: "CNY", cnyPerUsd: RATE });
  });

  test("the rate is the one derived from the report's paired figures: 1120 / 157 to 4 decimals", () => {
    expect(RATE).toBe(7.1338);
    const pairs = index.dataset.meta.exchangeRate.pairs;
    const sum = (id: string) => {
      const f = index.figures.get(id)!.figure;
      return f.low! + f.high!;
    };
    const cny = pairs.reduce((s, p) => s + sum(p.cny), 0);
    const usd = pairs.reduce((s, p) => s + sum(p.usd), 0);
    expect([cny, usd]).toEqual([1120, 157]);
    expect(Math.round((cny / usd) * 1e4) / 1e4).toBe(RATE);
  });
});

describe("years", () => {
  test("the latest year is the default, and 2026 can be asked for", () => {
    expect(queryFigure(index, { entity: "OpenAI", metric: "revenue", year: 2026 }).value).toBe(33e9);
    expect(queryFigure(index, { entity: "OpenAI", metric: "revenue", year: "2026" }).value).toBe(33e9);
  });

  test("a figure without a year answers when no year is given", () => {
    expect(queryFigure(index, { entity: "Kimi 2.5", metric: "active_params", scale: "亿" }).value).toBe(320);
  });
});

describe("text answers", () => {
  test("in English by default and in Chinese on request", () => {
    expect(queryFigure(index, { entity: "腾讯", metric: "core_advantage", language: "zh" }).value).toBe("社交、游戏生态融合,广告效率提升");
    expect(queryFigure(index, { entity: "Tencent", metric: "core_advantage" }).value).toMatch(/^Integration with social and gaming/);
  });
});

describe("errors", () => {
  test.each<[string, FigureQuery, string, string]>([
    ["a typo in a vendor", { entity: "OpenAl", metric: "revenue", kind: "vendor" }, "NOT_FOUND", 'Unknown vendor "OpenAl". Did you mean "OpenAI"?'],
    ["a typo in Chinese", { entity: "字节跳跳", metric: "revenue", kind: "vendor" }, "NOT_FOUND", 'Unknown vendor "字节跳跳". Did you mean "字节跳动"?'],
    ["a name far from any", { entity: "Microsoft", metric: "revenue", kind: "vendor" }, "NOT_FOUND", 'Unknown vendor "Microsoft". Vendors: OpenAI, Google, Anthropic, Meta, ByteDance, Alibaba, Baidu, Tencent, DeepSeek.'],
    ["an unknown entity", { entity: "Microsoft", metric: "revenue" }, "NOT_FOUND", 'Unknown entity "Microsoft". See ENTITIES() for every name.'],
    ["a camp where a vendor is asked for", { entity: "China", metric: "revenue", kind: "vendor" }, "NOT_FOUND", '"China" is a camp, not a vendor. Use one of: OpenAI, Google, Anthropic, Meta, ByteDance, Alibaba, Baidu, Tencent, DeepSeek.'],
    ["an unknown metric", { entity: "OpenAI", metric: "profit" }, "NOT_FOUND", 'Unknown metric "profit". See METRICS() for every metric id.'],
    ["a metric typo", { entity: "OpenAI", metric: "compute_gww" }, "NOT_FOUND", 'Unknown metric "compute_gww". Did you mean "compute_gw"?'],
    ["a metric the entity lacks", { entity: "Tencent", metric: "compute_gw" }, "NOT_FOUND", 'The report gives no "compute_gw" for Tencent. METRICS("Tencent") lists what it has.'],
    ["a year not covered", { entity: "OpenAI", metric: "revenue", year: 2025 }, "NOT_FOUND", 'The report gives OpenAI\'s "revenue" for 2026 only, not for 2025. Leave the year empty for the latest.'],
    ["a year for an undated figure", { entity: "Kimi 2.5", metric: "total_params", year: 2026 }, "NOT_FOUND", 'The report gives Kimi 2.5\'s "total_params" without a year, not for 2026. Leave the year empty.'],
    ["a year that is not a number", { entity: "OpenAI", metric: "revenue", year: "next" }, "BAD_ARGUMENT", 'Year must be a whole number such as 2026; got "next". Leave it empty for the latest year the report covers.'],
    ["a fractional year", { entity: "OpenAI", metric: "revenue", year: 2026.5 }, "BAD_ARGUMENT", "Year must be a whole number such as 2026; got 2026.5. Leave it empty for the latest year the report covers."],
    ["an unknown currency", { entity: "OpenAI", metric: "revenue", currency: "EUR" }, "BAD_ARGUMENT", 'Unknown currency "EUR". Use "USD" or "CNY", or leave it empty for USD.'],
    ["an unknown scale", { entity: "OpenAI", metric: "revenue", scale: "X" }, "BAD_ARGUMENT", 'Unknown scale "X". Use one of 1, K, M, B, T, 万, 亿, 万亿, or leave it empty for base units.'],
    ["a numeric scale other than 1", { entity: "OpenAI", metric: "revenue", scale: 1000 }, "BAD_ARGUMENT", "Unknown scale 1000. Use one of 1, K, M, B, T, 万, 亿, 万亿, or leave it empty for base units."],
    ["an unknown bound", { entity: "OpenAI", metric: "revenue", bound: "max" }, "BAD_ARGUMENT", 'Unknown bound "max". Use "mid", "low" or "high", or leave it empty for the midpoint.'],
    ["no entity", { entity: null, metric: "revenue", kind: "vendor" }, "BAD_ARGUMENT", 'Give a vendor name such as "OpenAI" or "字节跳动".'],
    ["a number as entity", { entity: 42, metric: "revenue" }, "BAD_ARGUMENT", 'An entity name must be text such as "OpenAI" or "字节跳动"; got 42.'],
    ["no metric", { entity: "OpenAI", metric: "" }, "BAD_ARGUMENT", 'Give a metric such as "revenue" or "mau".'],
  ])("%s", (_name, query, code, message) => {
    expect(errorOf(query)).toEqual({ code, message });
  });
});
