import { formatDiff, type DatasetDiff, type FigureField } from "../core/diff-datasets";
import type { Dataset, Figure } from "../core/schema";
import { tablesUsing } from "./figures-in-use";
import { plural, t, type UiLanguage } from "./i18n";

/** One figure a feed changed, added or removed, as the "What changed" list shows it. */
export interface FigureChangeView {
  change: "changed" | "added" | "removed";
  id: string;
  /** Entity and metric names (and the year) in the pane's language, e.g. "OpenAI · Revenue · 2026". */
  label: string;
  /** The figure as the report writes it, before and after; undefined on the side it is missing. */
  old?: string;
  next?: string;
  /** Changed fields the values do not show (qualifier, flags, ...), when the values read the same. */
  fields: FigureField[];
  /** Verbatim report text of the figure now (of the old one for a removed figure). */
  source: string;
  /** The report text before, when it changed. */
  oldSource?: string;
  /** Names of the workbook's tracked tables that use the figure. */
  usedIn: string[];
}

export interface WhatChangedView {
  status: "updated" | "unchanged";
  oldVersion: string;
  version: string;
  /** e.g. "2 figures changed, 1 figure added, 0 figures removed". */
  counts: string;
  /** Changes of the dataset itself (version, title, exchange rate, entities, metrics, tables added or removed). */
  other: string[];
  figures: FigureChangeView[];
}

/**
 * What a feed changed, for people: every changed, added and removed figure with its values as
 * written, its source text and the tracked tables that use it (`uses`, from figuresInUse over the
 * datasets before and after), then the changes to the dataset itself. Pure, and plain text only:
 * the view puts it in the page with textContent.
 */
export function whatChangedOf(
  update: { status: "updated" | "unchanged"; diff: DatasetDiff; previousVersion: string },
  before: Dataset,
  after: Dataset,
  uses: ReadonlyMap<string, readonly string[]>,
  ui: UiLanguage,
): WhatChangedView {
  const { diff } = update;
  const figures: FigureChangeView[] = [
    ...diff.figures.changed.map((c): FigureChangeView => {
      const old = shownFigure(c.old, ui);
      const next = shownFigure(c.next, ui);
      const fields = old === next ? c.fields.map((f) => f.field).filter((f) => f !== "source.text") : [];
      return {
        change: "changed",
        id: c.id,
        label: labelOf(after, c.next, ui),
        old,
        next,
        fields,
        source: c.source.next,
        ...(c.source.old !== c.source.next ? { oldSource: c.source.old } : {}),
        usedIn: tablesUsing(uses, c.next),
      };
    }),
    ...diff.figures.added.map(
      (f): FigureChangeView => ({ change: "added", id: f.id, label: labelOf(after, f, ui), next: shownFigure(f, ui), fields: [], source: f.source.text, usedIn: tablesUsing(uses, f) }),
    ),
    ...diff.figures.removed.map(
      (f): FigureChangeView => ({ change: "removed", id: f.id, label: labelOf(before, f, ui), old: shownFigure(f, ui), fields: [], source: f.source.text, usedIn: tablesUsing(uses, f) }),
    ),
  ];
  const sep = t(ui, "listSeparator");
  const counts = [
    plural(ui, "figuresChanged", diff.figures.changed.length),
    plural(ui, "figuresAdded", diff.figures.added.length),
    plural(ui, "figuresRemoved", diff.figures.removed.length),
  ].join(sep);
  const withoutFigures: DatasetDiff = { ...diff, figures: { added: [], removed: [], changed: [] } };
  const other = hasOtherChanges(withoutFigures) ? formatDiff(withoutFigures, ui) : [];
  return { status: update.status, oldVersion: update.previousVersion, version: after.meta.version, counts, other, figures };
}

/** A figure as the report writes it: the text of a text figure, its written form, or its numbers. */
export function shownFigure(figure: Figure, ui: UiLanguage): string {
  if (figure.text !== undefined) return figure.text[ui];
  if (figure.written !== undefined) return figure.written;
  const number = figure.value !== undefined ? `${figure.value}` : `${figure.low ?? "?"}-${figure.high ?? "?"}`;
  return `${number}${figure.scale ?? ""}${figure.currency === undefined ? "" : ` ${figure.currency}`}`;
}

function labelOf(dataset: Dataset, figure: Figure, ui: UiLanguage): string {
  const entity = dataset.entities.find((e) => e.id === figure.entity)?.name[ui] ?? figure.entity;
  const metric = dataset.metrics.find((m) => m.id === figure.metric)?.name[ui] ?? figure.metric;
  return [entity, metric, figure.period === undefined || figure.period === null ? undefined : String(figure.period)].filter(Boolean).join(" · ");
}

function hasOtherChanges(diff: DatasetDiff): boolean {
  return diff.meta.length > 0 || [diff.entities, diff.metrics, diff.tables].some((c) => c.added.length > 0 || c.removed.length > 0);
}
