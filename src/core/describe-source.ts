import type { DatasetIndex } from "./dataset-index";
import { flagNote } from "./flag-notes";
import { parseLanguage, type Language } from "./query-options";
import { queryFigure } from "./query-figure";
import type { Figure } from "./schema";
import { QUALIFIERS } from "./vocabulary";

/**
 * One line on where a figure comes from: the report's verbatim words, the section (and table row
 * and column), the qualifier with its meaning, and every flag raised on it.
 * `"330亿美元" — section 二(二), table "…", row OpenAI, column 营收表现(2026年预测)`.
 */
export function describeSource(index: DatasetIndex, entity: unknown, metric: unknown, language: unknown, year?: unknown): string {
  const lang = parseLanguage(language);
  const { figure } = queryFigure(index, { entity, metric, year });
  return formatSource(index, figure, lang);
}

export function formatSource(index: DatasetIndex, figure: Figure, language: Language): string {
  const en = language === "en";
  const { source } = figure;
  const parts: string[] = [`“${source.text}”`];
  const where = [en ? `section ${source.section}` : `第${source.section}节`];
  if (source.table) {
    const table = index.tables.get(source.table);
    if (table) where.push(en ? `table "${table.title.zh}"` : `表“${table.title.zh}”`);
  }
  if (source.row) where.push(en ? `row ${source.row}` : `行“${source.row}”`);
  if (source.column) where.push(en ? `column ${source.column}` : `列“${source.column}”`);
  parts.push(where.join(", "));
  if (figure.qualifier) parts.push(en ? `qualifier ${figure.qualifier} (${QUALIFIERS[figure.qualifier]})` : `限定词“${figure.qualifier}”`);
  if (figure.statedAsConversionOf) parts.push(en ? "the report's own conversion" : "报告自带换算");
  // The same marker and words as the tables' notes column and the pane, with the code for filtering.
  for (const flag of figure.flags ?? []) parts.push(`${flagNote(flag, language)} [${flag.code}]`);
  if (en) parts.push(`English: ${figure.en}`);
  return parts.join(" | ");
}
