import type { DatasetIndex } from "./dataset-index";
import { notFound } from "./errors";
import type { Language } from "./query-options";
import type { Currency, NumericColumn, NumericTable, Text } from "./schema";
import { unitLabel } from "./unit-label";
import type { Scale } from "./units";

/** The Excel chart types the presets use (Excel.ChartType names). */
export type PresetChartType = "ColumnClustered" | "BarClustered";

/** A column a chart plots, named by what it holds (never by its position, which a dataset may change). */
export interface ChartPresetColumn {
  metric: string;
  bound: NumericColumn["bound"];
}

/**
 * A chart the pane offers for one numeric report table: which of the table's columns it plots (one
 * series each, categories from the entity-name column), the Excel chart type and the words on it.
 */
export interface ChartPreset {
  /** Unique over all presets, so a request names one preset and the table it belongs to. */
  id: string;
  tableId: string;
  chartType: PresetChartType;
  columns: readonly ChartPresetColumn[];
  /** Short name for a button: "Revenue range". */
  label: Text;
  title: Text;
  /** What the value axis measures; the unit is added in the table's currency and scale. */
  valueAxis: Text;
}

/**
 * The presets. Revenue is stated as ranges, so its chart plots the low, midpoint and high columns
 * side by side as clustered columns: each vendor's range is visible as three bars (equal where the
 * report gives one figure), every bar is a real column of the table (no helper columns to keep
 * current), a figure the report does not give is a blank cell Excel leaves out, and every Excel
 * client draws it (a stock high-low-close chart would need the series in High, Low, Close order
 * and mislabels the mid as a "close").
 */
export const CHART_PRESETS: readonly ChartPreset[] = [
  {
    id: "revenue_range",
    tableId: "vendor_revenue",
    chartType: "ColumnClustered",
    columns: [
      { metric: "revenue", bound: "low" },
      { metric: "revenue", bound: "mid" },
      { metric: "revenue", bound: "high" },
    ],
    label: { en: "Revenue range", zh: "营收区间" },
    title: { en: "Revenue by vendor, 2026 forecast (low, midpoint, high)", zh: "各厂商营收(2026年预测,下限/中值/上限)" },
    valueAxis: { en: "Revenue", zh: "营收" },
  },
  {
    id: "compute_by_vendor",
    tableId: "vendor_metrics",
    chartType: "ColumnClustered",
    columns: [{ metric: "compute_gw", bound: "value" }],
    label: { en: "Compute", zh: "总算力" },
    title: { en: "Total compute by vendor, 2026", zh: "各厂商总算力(2026年)" },
    valueAxis: { en: "Total compute", zh: "总算力" },
  },
  {
    id: "mau_by_vendor",
    tableId: "vendor_metrics",
    chartType: "ColumnClustered",
    columns: [{ metric: "mau", bound: "value" }],
    label: { en: "Monthly active users", zh: "月活用户" },
    title: { en: "Monthly active users by vendor, 2026", zh: "各厂商月活用户(2026年)" },
    valueAxis: { en: "Monthly active users", zh: "月活用户" },
  },
  {
    id: "domestic_chip_share",
    tableId: "vendor_metrics",
    chartType: "BarClustered",
    columns: [{ metric: "domestic_chip_share", bound: "value" }],
    label: { en: "Domestic chip share", zh: "国产芯片占比" },
    title: { en: "Domestic chip share by vendor, 2026", zh: "各厂商国产芯片占比(2026年)" },
    valueAxis: { en: "Domestic chip share", zh: "国产芯片占比" },
  },
];

/** The presets of one report table, in the order the pane shows them (none for a table as written). */
export function chartPresetsFor(tableId: string): ChartPreset[] {
  return CHART_PRESETS.filter((p) => p.tableId === tableId);
}

export function findChartPreset(id: string): ChartPreset | undefined {
  return CHART_PRESETS.find((p) => p.id === id);
}

/**
 * Where each plotted column is in the table's columns (0 = first value column, the entity-name
 * column not counted), found by metric and bound. Throws NOT_FOUND naming the column when a
 * dataset's table no longer has it.
 */
export function presetColumnIndexes(preset: ChartPreset, table: NumericTable): number[] {
  return preset.columns.map((wanted) => {
    const i = table.columns.findIndex((c) => c.metric === wanted.metric && c.bound === wanted.bound);
    if (i < 0) {
      throw notFound(`The table "${table.id}" has no column of ${wanted.metric} (${wanted.bound}) for the chart "${preset.id}".`, wanted, "Use a dataset whose table has that column.");
    }
    return i;
  });
}

export interface ChartTexts {
  title: string;
  valueAxisTitle: string;
  /** One per plotted column: the table's own column header, without the unit (the axis has it). */
  seriesNames: string[];
}

/**
 * The words on a preset's chart in one language. The unit is the one the table's cells are in
 * (currency and scale for amounts and counts; "%" for shares, as their cells are percentages).
 */
export function chartTexts(index: DatasetIndex, preset: ChartPreset, table: NumericTable, options: { language: Language; currency: Currency; scale: Scale }): ChartTexts {
  const { language, currency, scale } = options;
  const columns = presetColumnIndexes(preset, table).map((i) => table.columns[i]!);
  const metric = index.metrics.get(columns[0]!.metric);
  if (!metric) throw notFound(`The dataset has no metric "${columns[0]!.metric}" for the chart "${preset.id}".`, columns[0]!.metric);
  const unit = unitLabel(metric, language, metric.kind === "money" ? currency : undefined, scale, true);
  const axis = preset.valueAxis[language];
  return {
    title: preset.title[language],
    valueAxisTitle: unit ? (language === "zh" ? `${axis}(${unit})` : `${axis} (${unit})`) : axis,
    seriesNames: columns.map((c) => c.header[language]),
  };
}
