import { CHART_PRESETS, chartPresetsFor, chartTexts, findChartPreset, presetColumnIndexes, type ChartPreset } from "../../src/core/chart-presets";
import { AimarketError } from "../../src/core/errors";
import type { NumericTable } from "../../src/core/schema";
import { bundledIndex } from "../helpers/bundled-dataset";

const index = bundledIndex();
const numeric = (id: string): NumericTable => {
  const table = index.tables.get(id);
  if (!table || table.kind !== "numeric") throw new Error(`${id} is not a numeric table of the bundled dataset`);
  return table;
};

describe.each(CHART_PRESETS.map((p) => [p.id, p] as const))("preset %s", (_id, preset: ChartPreset) => {
  test("belongs to a numeric table of the bundled dataset, and every column it plots is in that table", () => {
    const table = numeric(preset.tableId);
    const indexes = presetColumnIndexes(preset, table);
    expect(indexes).toHaveLength(preset.columns.length);
    indexes.forEach((i, k) => expect(table.columns[i]).toMatchObject(preset.columns[k]!));
    expect(new Set(indexes).size).toBe(indexes.length);
  });

  test("plots numbers: no text metric", () => {
    for (const column of preset.columns) expect(index.metrics.get(column.metric)?.kind).not.toBe("text");
  });

  test.each(["en", "zh"] as const)("has a title, a value axis with the unit and series names in %s", (language) => {
    const texts = chartTexts(index, preset, numeric(preset.tableId), { language, currency: "USD", scale: "B" });
    expect(texts.title).toBe(preset.title[language]);
    expect(texts.valueAxisTitle.startsWith(preset.valueAxis[language])).toBe(true);
    expect(texts.seriesNames).toHaveLength(preset.columns.length);
    if (language === "zh") for (const text of [texts.title, texts.valueAxisTitle, ...texts.seriesNames]) expect(text).toMatch(/[\u4e00-\u9fff]/);
  });

  test("is found by its id", () => {
    expect(findChartPreset(preset.id)).toBe(preset);
  });
});

test("preset ids are unique; the four charts the issue asks for exist", () => {
  const ids = CHART_PRESETS.map((p) => p.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(chartPresetsFor("vendor_revenue").map((p) => p.id)).toEqual(["revenue_range"]);
  expect(chartPresetsFor("vendor_metrics").map((p) => p.id)).toEqual(["compute_by_vendor", "mau_by_vendor", "domestic_chip_share"]);
  expect(chartPresetsFor("vendors_china")).toEqual([]);
  expect(findChartPreset("nope")).toBeUndefined();
});

test("the revenue range plots the low, midpoint and high columns, found by bound", () => {
  const preset = findChartPreset("revenue_range")!;
  expect(preset.columns.map((c) => c.bound)).toEqual(["low", "mid", "high"]);
  // Found by metric and bound, not by position: a table with its columns reordered still works.
  const table = numeric("vendor_revenue");
  const reordered: NumericTable = { ...table, columns: [...table.columns].reverse() };
  expect(presetColumnIndexes(preset, reordered)).toEqual([2, 1, 0]);
});

test.each([
  ["revenue_range", "en", "USD", "B", "Revenue (USD billion)", ["Revenue 2026, low", "Revenue 2026, midpoint", "Revenue 2026, high"]],
  ["revenue_range", "zh", "CNY", "亿", "营收(亿元)", ["2026年营收下限", "2026年营收中值", "2026年营收上限"]],
  ["revenue_range", "en", "CNY", "1", "Revenue (CNY)", ["Revenue 2026, low", "Revenue 2026, midpoint", "Revenue 2026, high"]],
  ["compute_by_vendor", "en", "USD", "B", "Total compute (GW)", ["Total compute"]],
  ["mau_by_vendor", "en", "USD", "M", "Monthly active users (users, million)", ["Monthly active users"]],
  ["mau_by_vendor", "zh", "USD", "亿", "月活用户(用户,亿)", ["月活用户"]],
  ["domestic_chip_share", "en", "USD", "B", "Domestic chip share (%)", ["Domestic chip share"]],
  ["domestic_chip_share", "zh", "CNY", "1", "国产芯片占比(%)", ["国产芯片占比"]],
] as const)("%s in %s, %s %s: value axis %j", (id, language, currency, scale, axis, series) => {
  const preset = findChartPreset(id)!;
  const texts = chartTexts(index, preset, numeric(preset.tableId), { language, currency, scale });
  expect(texts.valueAxisTitle).toBe(axis);
  expect(texts.seriesNames).toEqual(series);
});

test("a table without a plotted column is refused with a message naming the column", () => {
  const preset = findChartPreset("mau_by_vendor")!;
  const table = numeric("vendor_metrics");
  const without: NumericTable = { ...table, columns: table.columns.filter((c) => c.metric !== "mau") };
  expect(() => presetColumnIndexes(preset, without)).toThrow(AimarketError);
  expect(() => presetColumnIndexes(preset, without)).toThrow('The table "vendor_metrics" has no column of mau (value) for the chart "mau_by_vendor". Use a dataset whose table has that column.');
});
