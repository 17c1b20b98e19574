import { diffDatasets, formatDiff, isEmptyDiff } from "../../src/core/diff-datasets";
import type { Dataset, Figure } from "../../src/core/schema";
import { bundledDataset } from "../helpers/bundled-dataset";
import { figure, fixtureDataset, raiseRevenue } from "./feed/feeds";

function edited(edit: (d: Dataset) => void, from: Dataset = fixtureDataset()): Dataset {
  const copy = structuredClone(from);
  edit(copy);
  return copy;
}

describe("diffDatasets", () => {
  test("finds nothing between a dataset and itself, in any key order", () => {
    const dataset = fixtureDataset();
    const diff = diffDatasets(dataset, structuredClone(dataset));
    expect(isEmptyDiff(diff)).toBe(true);
    expect(isEmptyDiff(diffDatasets(dataset, reversedKeys(dataset) as Dataset))).toBe(true);
    expect(formatDiff(diff, "en")).toEqual(["no changes"]);
    expect(formatDiff(diff, "zh")).toEqual(["无变化"]);
  });

  test("lists a changed figure's fields, old -> new, with the source text of each side", () => {
    const old = fixtureDataset();
    const next = edited(raiseRevenue, old);
    const diff = diffDatasets(old, next);
    expect(diff.figures.changed).toEqual([
      {
        id: "openai.revenue.2026",
        fields: [
          { field: "value", old: 330, next: 340 },
          { field: "written", old: "330亿美元", next: "340亿美元" },
          { field: "source.text", old: "330亿美元", next: "340亿美元" },
        ],
        source: { old: "330亿美元", next: "340亿美元" },
        old: figure(old, "openai.revenue.2026"),
        next: figure(next, "openai.revenue.2026"),
      },
    ]);
    expect(formatDiff(diff, "en")).toEqual(['changed openai.revenue.2026: 330亿美元 -> 340亿美元 (source: "330亿美元" -> "340亿美元")']);
    expect(formatDiff(diff, "zh")).toEqual(['变更 openai.revenue.2026: 330亿美元 -> 340亿美元 (来源: "330亿美元" -> "340亿美元")']);
  });

  test("reports every figure field it watches", () => {
    const next = edited((d) => {
      Object.assign(figure(d, "alibaba.revenue.2026.usd"), { low: 30, high: 36, qualifier: null });
      Object.assign(figure(d, "openai.monthly_active_users.2026"), { period: 2027 });
      figure(d, "openai.core_strength.2026").text = { zh: "新的优势", en: "Leading foundation-model technology; dominates high-value enterprise customers" };
      figure(d, "global.inference_compute_share.2026").flags = [
        { code: "scope_unclear", note: { zh: "新说明", en: "A new note" } },
      ];
      figure(d, "openai.revenue.2026").flags = [{ code: "unit_suspect", note: { zh: "说明", en: "Note" } }];
    });
    const diff = diffDatasets(fixtureDataset(), next);
    expect(diff.figures.changed.map((c) => [c.id, c.fields.map((f) => f.field)])).toEqual([
      ["openai.revenue.2026", ["flags"]],
      ["alibaba.revenue.2026.usd", ["low", "high", "qualifier"]],
      ["global.inference_compute_share.2026", ["flags"]],
      ["openai.monthly_active_users.2026", ["period"]],
      ["openai.core_strength.2026", ["text"]],
    ]);
    expect(formatDiff(diff, "en")).toEqual([
      'changed openai.revenue.2026: flags none -> unit_suspect (source: "330亿美元")',
      'changed alibaba.revenue.2026.usd: low 31 -> 30; high 35 -> 36; qualifier 约 -> none (source: "220-250亿元(约31-35亿美元)")',
      'changed global.inference_compute_share.2026: flags scope_unclear (notes changed) (source: "2026年推理算力占比首次超过训练算力,达70%")',
      'changed openai.monthly_active_users.2026: period 2026 -> 2027 (source: "月活用户7.5亿(付费1.2亿)")',
      'changed openai.core_strength.2026: text "基础模型技术领先,高价值企业客户垄断" -> "新的优势" (source: "基础模型技术领先,高价值企业客户垄断")',
    ]);
    expect(formatDiff(diff, "zh")[1]).toBe('变更 alibaba.revenue.2026.usd: low 31 -> 30; high 35 -> 36; 限定词 约 -> 无 (来源: "220-250亿元(约31-35亿美元)")');
  });

  test("finds figures, entities, metrics and tables added and removed, and metadata changes", () => {
    const added: Figure = {
      id: "global.revenue.2026",
      entity: "global",
      metric: "revenue",
      period: 2026,
      written: "1.2万亿美元",
      value: 1.2,
      scale: "万亿",
      currency: "USD",
      qualifier: "超",
      source: { text: "全球AI营收超1.2万亿美元", section: "一" },
      en: "Global AI revenue above USD 1.2 trillion",
    };
    const next = edited((d) => {
      d.meta.version = "1.1.0";
      d.meta.title = { ...d.meta.title, en: "2026 Global AI Model Industry Report" };
      d.meta.exchangeRate.cnyPerUsd = 7.2;
      d.entities.push({ id: "meta", kind: "vendor", name: { zh: "Meta", en: "Meta" }, aliases: [] });
      d.metrics = d.metrics.filter((m) => m.id !== "core_strength");
      d.figures = d.figures.filter((f) => f.id !== "openai.core_strength.2026");
      d.figures.push(added);
      d.tables = d.tables.filter((t) => t.id !== "intl-vendors");
    });
    const diff = diffDatasets(fixtureDataset(), next);
    expect(diff.meta).toEqual([
      { field: "version", old: "1.0.0", next: "1.1.0" },
      { field: "title", old: fixtureDataset().meta.title, next: next.meta.title },
      { field: "exchangeRate", old: 7.12, next: 7.2 },
    ]);
    expect([diff.entities, diff.metrics, diff.tables]).toEqual([
      { added: ["meta"], removed: [] },
      { added: [], removed: ["core_strength"] },
      { added: [], removed: ["intl-vendors"] },
    ]);
    expect(formatDiff(diff, "en")).toEqual([
      "version 1.0.0 -> 1.1.0",
      'title "2026 Global AI Model Industry Report (test excerpt)" -> "2026 Global AI Model Industry Report"',
      "exchange rate 7.12 -> 7.2 CNY per USD",
      "added entity meta",
      "removed metric core_strength",
      "removed table intl-vendors",
      'added global.revenue.2026: 1.2万亿美元 (source: "全球AI营收超1.2万亿美元")',
      'removed openai.core_strength.2026: "Leading foundation-model technology; dominates high-value enterprise customers"',
    ]);
    expect(formatDiff(diff, "zh")).toEqual([
      "版本 1.0.0 -> 1.1.0",
      '标题 "2026 Global AI Model Industry Report (test excerpt)" -> "2026 Global AI Model Industry Report"',
      "汇率 7.12 -> 7.2 元/美元",
      "新增实体 meta",
      "删除指标 core_strength",
      "删除表 intl-vendors",
      '新增 global.revenue.2026: 1.2万亿美元 (来源: "全球AI营收超1.2万亿美元")',
      '删除 openai.core_strength.2026: "基础模型技术领先,高价值企业客户垄断"',
    ]);
  });

  test("shows numbers changed under an unchanged written form field by field", () => {
    const next = edited((d) => {
      Object.assign(figure(d, "openai.revenue.2026"), { value: 331, currency: "CNY" });
    });
    expect(formatDiff(diffDatasets(fixtureDataset(), next), "en")).toEqual([
      'changed openai.revenue.2026: value 330 -> 331; currency USD -> CNY (source: "330亿美元")',
    ]);
  });

  test("over the bundled dataset: one changed figure is one line", () => {
    const bundled = bundledDataset();
    const next = edited((d) => {
      d.meta.version = "1.0.1";
      raiseRevenue(d);
    }, bundled);
    expect(formatDiff(diffDatasets(bundled, next), "en")).toEqual([
      `version ${bundled.meta.version} -> 1.0.1`,
      'changed openai.revenue.2026: 330亿美元 -> 340亿美元 (source: "330亿美元" -> "340亿美元")',
    ]);
  });
});

/** The same value with every object's keys in reverse order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversedKeys(v)]));
}
