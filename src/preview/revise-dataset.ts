import type { Dataset, Figure, SourceTable } from "../core/schema";

/**
 * A revised copy of a dataset, for the simulator's "Change data" button: the version's minor part
 * goes up, OpenAI's and Anthropic's 2026 revenue and the market growth rise, the report table that
 * states OpenAI's revenue says so, and the one-row "Representative camps" table gains a China row
 * (so a refresh has a table to grow). The numbers are made up; they only show what a refresh does.
 * Figures a dataset does not have are left alone; the input is not changed.
 */
export function reviseDataset(dataset: Dataset): Dataset {
  const next = structuredClone(dataset);
  next.meta.version = bumpMinor(next.meta.version);

  const openai = figure(next, "openai.revenue.2026");
  if (openai?.value !== undefined) {
    rewrite(openai, { value: openai.value + 30 }, `${openai.value + 30}亿美元`, `USD ${(openai.value + 30) / 10} billion (2026 forecast, simulated revision)`);
    setCell(next, "vendors_international", "OpenAI", "Revenue", { zh: `${openai.value}亿美元`, en: `USD ${openai.value / 10} billion` });
  }
  const anthropic = figure(next, "anthropic.revenue.2026");
  if (anthropic?.low !== undefined && anthropic.high !== undefined) {
    const low = anthropic.low + 10;
    const high = anthropic.high + 10;
    rewrite(anthropic, { low, high }, `${low}-${high}亿美元`, `USD ${low / 10}-${high / 10} billion (2026 forecast, simulated revision)`);
    setCell(next, "vendors_international", "Anthropic", "Revenue", { zh: `${low}-${high}亿美元`, en: `USD ${low / 10}-${high / 10} billion` });
  }
  const growth = figure(next, "global.market_growth.2026");
  if (growth?.value !== undefined) {
    rewrite(growth, { value: growth.value + 2 }, `${growth.value + 2}%`, `Market growth: the global AI model industry grows ${growth.value + 2}% (simulated revision)`);
  }

  const camps = next.tables.find((t): t is SourceTable => t.id === "camps_representatives" && t.kind === "source");
  if (camps && camps.header.length === 2 && !camps.rows.some((row) => row[0]?.en.startsWith("China"))) {
    camps.rows.push([
      { zh: "中国", en: "China" },
      { zh: "DeepSeek、通义千问、Kimi、GLM(模拟修订)", en: "DeepSeek, Qwen, Kimi, GLM (simulated revision)" },
    ]);
  }
  return next;
}

export function bumpMinor(version: string): string {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  return match ? `${match[1]}.${Number(match[2]) + 1}.0` : version;
}

function figure(dataset: Dataset, id: string): Figure | undefined {
  return dataset.figures.find((f) => f.id === id);
}

function rewrite(target: Figure, numbers: Partial<Pick<Figure, "value" | "low" | "high">>, written: string, en: string): void {
  const before = target.written;
  Object.assign(target, numbers);
  target.written = written;
  if (before && target.source.text.includes(before)) target.source.text = target.source.text.replace(before, written);
  target.en = en;
}

function setCell(dataset: Dataset, tableId: string, rowEn: string, columnEnPrefix: string, text: { zh: string; en: string }): void {
  const table = dataset.tables.find((t): t is SourceTable => t.id === tableId && t.kind === "source");
  if (!table) return;
  const column = table.header.findIndex((cell) => cell.en.startsWith(columnEnPrefix));
  const row = table.rows.find((r) => r[0]?.en === rowEn);
  if (row && column >= 0 && row[column]) row[column] = text;
}
