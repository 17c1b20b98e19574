import { tableShape } from "./build-table";
import type { Cell } from "./build-table";
import type { DatasetIndex } from "./dataset-index";
import { badArgument } from "./errors";
import { normalizeName } from "./normalize-name";
import { parseLanguage, show } from "./query-options";
import { resolveEntity } from "./resolve";
import type { EntityKind, Metric } from "./schema";
import { ENTITY_KINDS } from "./vocabulary";
import { unitLabel } from "./unit-label";

/**
 * The catalogues analysts browse with TABLES(), ENTITIES() and METRICS(): header row first, first
 * column the id or name to pass to the other functions, then names in both languages.
 */

const KIND_NAMES: Record<EntityKind, { en: string; zh: string }> = {
  vendor: { en: "vendor", zh: "厂商" },
  model: { en: "model", zh: "模型" },
  camp: { en: "camp", zh: "阵营" },
  market: { en: "market", zh: "市场" },
};

export function listTables(index: DatasetIndex, language: unknown): Cell[][] {
  const lang = parseLanguage(language);
  const header = lang === "en"
    ? ["Table id", "Title (English)", "Title (Chinese)", "Kind", "Report section", "Rows", "Columns"]
    : ["表格id", "英文标题", "中文标题", "类型", "报告章节", "行数", "列数"];
  const rows = index.dataset.tables.map((t): Cell[] => {
    const kind = t.kind === "source" ? (lang === "en" ? "as written in the report" : "报告原表") : lang === "en" ? "numeric" : "数值表";
    const { rows: rowCount, columns } = tableShape(t);
    return [t.id, t.title.en, t.title.zh, kind, t.section, rowCount, columns];
  });
  return [header, ...rows];
}

export function parseEntityKind(x: unknown): EntityKind | undefined {
  if (x === null || x === undefined || (typeof x === "string" && x.trim() === "")) return undefined;
  const key = typeof x === "string" ? normalizeName(x) : "";
  for (const kind of ENTITY_KINDS) {
    const names = KIND_NAMES[kind];
    if (key === kind || key === `${kind}s` || key === names.zh) return kind;
  }
  throw badArgument(`Unknown kind ${show(x)}.`, x, `Use one of ${ENTITY_KINDS.map((k) => `"${k}"`).join(", ")}, or leave it empty for all.`);
}

export function listEntities(index: DatasetIndex, kind: unknown, language: unknown): Cell[][] {
  const lang = parseLanguage(language);
  const wanted = parseEntityKind(kind);
  const header = lang === "en"
    ? ["Name", "Chinese name", "Kind", "Id", "Also accepted", "Description"]
    : ["名称", "英文名称", "类型", "id", "其他可用名称", "说明"];
  const rows = index.dataset.entities
    .filter((e) => !wanted || e.kind === wanted)
    .map((e): Cell[] => [
      lang === "en" ? e.name.en : e.name.zh,
      lang === "en" ? e.name.zh : e.name.en,
      KIND_NAMES[e.kind][lang],
      e.id,
      e.aliases.join(", "),
      e.description ? e.description[lang] : "",
    ]);
  return [header, ...rows];
}

export function listMetrics(index: DatasetIndex, entity: unknown, language: unknown): Cell[][] {
  const lang = parseLanguage(language);
  const given = !(entity === null || entity === undefined || (typeof entity === "string" && entity.trim() === ""));
  const metrics: Metric[] = given
    ? index.metricsOfEntity.get(resolveEntity(index, entity).id)!.map((id) => index.metrics.get(id)!)
    : index.dataset.metrics;
  const header = lang === "en"
    ? ["Metric id", "Name (English)", "Name (Chinese)", "Kind", "Unit", "Description"]
    : ["指标id", "英文名称", "中文名称", "类型", "单位", "说明"];
  const rows = metrics.map((m): Cell[] => [
    m.id,
    m.name.en,
    m.name.zh,
    m.kind,
    m.kind === "money" ? (lang === "en" ? "USD or CNY" : "美元或元") : unitLabel(m, lang, undefined, "1"),
    m.description[lang],
  ]);
  return [header, ...rows];
}
