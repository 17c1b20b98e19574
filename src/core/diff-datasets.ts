import { canonicalJson } from "./feed/canonical-json";
import type { Language } from "./query-options";
import type { Dataset, Figure, Flag, Text } from "./schema";

/** The figure fields a change is reported for, in the order they are listed. */
export const FIGURE_FIELDS = ["value", "low", "high", "scale", "currency", "qualifier", "text", "period", "written", "source.text", "flags"] as const;
export type FigureField = (typeof FIGURE_FIELDS)[number];

type FieldValue<F extends FigureField> = F extends "source.text" ? string : F extends keyof Figure ? Figure[F] : never;

/** One field of a figure, before and after; `undefined` where the field is absent. */
export type FieldChange = { [F in FigureField]: { field: F; old: FieldValue<F>; next: FieldValue<F> } }[FigureField];

export interface FigureChange {
  id: string;
  fields: FieldChange[];
  /** The verbatim report text of each side, changed or not, so a reader can check both. */
  source: { old: string; next: string };
  old: Figure;
  next: Figure;
}

export type MetaChange =
  | { field: "version"; old: string; next: string }
  | { field: "title"; old: Text; next: Text }
  | { field: "exchangeRate"; old: number; next: number };

export interface IdChanges {
  added: string[];
  removed: string[];
}

/** What changed from one dataset to the next; figures are matched by id. */
export interface DatasetDiff {
  meta: MetaChange[];
  entities: IdChanges;
  metrics: IdChanges;
  tables: IdChanges;
  figures: {
    /** In the new dataset's order. */
    added: Figure[];
    /** In the old dataset's order. */
    removed: Figure[];
    /** In the new dataset's order. */
    changed: FigureChange[];
  };
}

export function diffDatasets(old: Dataset, next: Dataset): DatasetDiff {
  const meta: MetaChange[] = [];
  if (old.meta.version !== next.meta.version) meta.push({ field: "version", old: old.meta.version, next: next.meta.version });
  if (!same(old.meta.title, next.meta.title)) meta.push({ field: "title", old: old.meta.title, next: next.meta.title });
  const oldRate = old.meta.exchangeRate.cnyPerUsd;
  const nextRate = next.meta.exchangeRate.cnyPerUsd;
  if (oldRate !== nextRate) meta.push({ field: "exchangeRate", old: oldRate, next: nextRate });

  const oldFigures = new Map(old.figures.map((f) => [f.id, f]));
  const nextIds = new Set(next.figures.map((f) => f.id));
  const added: Figure[] = [];
  const changed: FigureChange[] = [];
  for (const figure of next.figures) {
    const before = oldFigures.get(figure.id);
    if (before === undefined) {
      added.push(figure);
      continue;
    }
    const fields = FIGURE_FIELDS.filter((field) => !same(fieldOf(before, field), fieldOf(figure, field))).map(
      (field) => ({ field, old: fieldOf(before, field), next: fieldOf(figure, field) }) as FieldChange,
    );
    if (fields.length > 0) {
      changed.push({ id: figure.id, fields, source: { old: before.source.text, next: figure.source.text }, old: before, next: figure });
    }
  }

  return {
    meta,
    entities: idChanges(old.entities, next.entities),
    metrics: idChanges(old.metrics, next.metrics),
    tables: idChanges(old.tables, next.tables),
    figures: { added, removed: old.figures.filter((f) => !nextIds.has(f.id)), changed },
  };
}

export function isEmptyDiff(diff: DatasetDiff): boolean {
  const { meta, entities, metrics, tables, figures } = diff;
  return (
    meta.length === 0 &&
    [entities, metrics, tables].every((c) => c.added.length === 0 && c.removed.length === 0) &&
    figures.added.length === 0 &&
    figures.removed.length === 0 &&
    figures.changed.length === 0
  );
}

type Words = {
  none: string;
  noChanges: string;
  added: string;
  removed: string;
  changed: string;
  version: string;
  title: string;
  exchangeRate: (old: number, next: number) => string;
  kinds: Record<"entities" | "metrics" | "tables", string>;
  /** Between "added" and "entity": a space in English, nothing in Chinese. */
  gap: string;
  fields: Record<"qualifier" | "text" | "period" | "flags", string>;
  notesChanged: string;
  source: string;
};

const WORDS: Record<Language, Words> = {
  en: {
    none: "none",
    noChanges: "no changes",
    added: "added",
    removed: "removed",
    changed: "changed",
    version: "version",
    title: "title",
    exchangeRate: (old, next) => `exchange rate ${old} -> ${next} CNY per USD`,
    kinds: { entities: "entity", metrics: "metric", tables: "table" },
    gap: " ",
    fields: { qualifier: "qualifier", text: "text", period: "period", flags: "flags" },
    notesChanged: " (notes changed)",
    source: "source",
  },
  zh: {
    none: "无",
    noChanges: "无变化",
    added: "新增",
    removed: "删除",
    changed: "变更",
    version: "版本",
    title: "标题",
    exchangeRate: (old, next) => `汇率 ${old} -> ${next} 元/美元`,
    kinds: { entities: "实体", metrics: "指标", tables: "表" },
    gap: "",
    fields: { qualifier: "限定词", text: "文本", period: "年份", flags: "标记" },
    notesChanged: "(说明有变)",
    source: "来源",
  },
};

/**
 * The diff as lines for people, metadata first, then entities, metrics and tables, then figures
 * added, removed and changed, e.g.
 * `changed openai.revenue.2026: 330亿美元 -> 340亿美元 (source: "330亿美元" -> "340亿美元")`.
 * Figures show as written in the report; numbers and names are never translated.
 */
export function formatDiff(diff: DatasetDiff, language: Language): string[] {
  const w = WORDS[language];
  const lines: string[] = [];
  for (const change of diff.meta) {
    if (change.field === "version") lines.push(`${w.version} ${change.old} -> ${change.next}`);
    else if (change.field === "title") {
      const [old, next] = pickLanguage(change.old, change.next, language);
      lines.push(`${w.title} "${old}" -> "${next}"`);
    } else lines.push(w.exchangeRate(change.old, change.next));
  }
  for (const kind of ["entities", "metrics", "tables"] as const) {
    for (const id of diff[kind].added) lines.push(`${w.added}${w.gap}${w.kinds[kind]} ${id}`);
    for (const id of diff[kind].removed) lines.push(`${w.removed}${w.gap}${w.kinds[kind]} ${id}`);
  }
  for (const figure of diff.figures.added) {
    lines.push(`${w.added} ${figure.id}: ${shown(figure, language)} (${w.source}: "${figure.source.text}")`);
  }
  for (const figure of diff.figures.removed) lines.push(`${w.removed} ${figure.id}: ${shown(figure, language)}`);
  for (const change of diff.figures.changed) lines.push(changedLine(change, language));
  return lines.length > 0 ? lines : [w.noChanges];
}

function changedLine(change: FigureChange, language: Language): string {
  const w = WORDS[language];
  const changedFields = new Set(change.fields.map((c) => c.field));
  const parts: string[] = [];
  if (changedFields.has("written")) parts.push(`${shown(change.old, language)} -> ${shown(change.next, language)}`);
  for (const c of change.fields) {
    switch (c.field) {
      case "value":
      case "low":
      case "high":
      case "scale":
      case "currency":
        if (!changedFields.has("written")) parts.push(`${c.field} ${plain(c.old, w)} -> ${plain(c.next, w)}`);
        break;
      case "qualifier":
      case "period":
        parts.push(`${w.fields[c.field]} ${plain(c.old, w)} -> ${plain(c.next, w)}`);
        break;
      case "text": {
        const [old, next] = pickLanguage(c.old, c.next, language);
        parts.push(`${w.fields.text} ${quoted(old, w)} -> ${quoted(next, w)}`);
        break;
      }
      case "flags": {
        const old = flagCodes(c.old, w);
        const next = flagCodes(c.next, w);
        parts.push(old === next ? `${w.fields.flags} ${old}${w.notesChanged}` : `${w.fields.flags} ${old} -> ${next}`);
        break;
      }
      case "written":
      case "source.text":
        break;
    }
  }
  const { old, next } = change.source;
  const source = old === next ? `${w.source}: "${old}"` : `${w.source}: "${old}" -> "${next}"`;
  return `${w.changed} ${change.id}${parts.length > 0 ? `: ${parts.join("; ")}` : ""} (${source})`;
}

/** A figure as the report writes it: the written form, the text of a text figure, or its numbers. */
function shown(figure: Figure, language: Language): string {
  if (figure.text !== undefined) return `"${figure.text[language]}"`;
  if (figure.written !== undefined) return figure.written;
  const number = figure.value !== undefined ? `${figure.value}` : `${figure.low ?? "?"}-${figure.high ?? "?"}`;
  return `${number}${figure.scale ?? ""}${figure.currency === undefined ? "" : ` ${figure.currency}`}`;
}

/** Both sides of a bilingual text in `language`, or in the other language where only that one changed. */
function pickLanguage(old: Text | undefined, next: Text | undefined, language: Language): [string | undefined, string | undefined] {
  const other: Language = language === "en" ? "zh" : "en";
  const lang = old?.[language] === next?.[language] ? other : language;
  return [old?.[lang], next?.[lang]];
}

function plain(value: unknown, w: Words): string {
  if (value === undefined || value === null) return w.none;
  if (value === "") return '""';
  return String(value);
}

function quoted(value: string | undefined, w: Words): string {
  return value === undefined ? w.none : `"${value}"`;
}

function flagCodes(flags: readonly Flag[] | undefined, w: Words): string {
  return flags === undefined || flags.length === 0 ? w.none : flags.map((f) => f.code).join(", ");
}

function fieldOf(figure: Figure, field: FigureField): unknown {
  return field === "source.text" ? figure.source.text : figure[field];
}

function idChanges(old: readonly { id: string }[], next: readonly { id: string }[]): IdChanges {
  const oldIds = new Set(old.map((x) => x.id));
  const nextIds = new Set(next.map((x) => x.id));
  return { added: next.filter((x) => !oldIds.has(x.id)).map((x) => x.id), removed: old.filter((x) => !nextIds.has(x.id)).map((x) => x.id) };
}

function same(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
