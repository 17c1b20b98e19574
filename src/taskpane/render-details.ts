import type { Language } from "../core/query-options";
import { h, fill } from "./dom";
import { plural, t, type UiLanguage } from "./i18n";
import { formatCell, kindLabel, originOf, previewCaption, type CatalogueEntry, type TablePreview } from "./pane-state";

/** What the pane knows of the selected table: its entry and either a preview or why there is none. */
export interface DetailsModel {
  entry: CatalogueEntry;
  preview: TablePreview | { error: string };
  /** Language of the table's text (the "Table language" option), for the `lang` attribute. */
  dataLanguage: Language;
}

/**
 * The selected table: title in both languages, where it comes from in the report, the report's
 * problems with it, and a preview of its first rows with units in the header.
 */
export function renderDetails(container: HTMLElement, model: DetailsModel | undefined, ui: UiLanguage): void {
  if (!model) {
    fill(container);
    return;
  }
  const { entry, preview, dataLanguage } = model;
  const other: UiLanguage = ui === "en" ? "zh" : "en";
  const notes =
    entry.flags.length > 0
      ? h(
          "div",
          { class: "aim-notes" },
          h("p", { class: "aim-notes-heading" }, t(ui, "reportNotes")),
          h("ul", {}, ...entry.flags.map((flag) => h("li", {}, flag.note[ui]))),
        )
      : null;
  fill(
    container,
    h("h3", { id: "aim-selected-title", lang: ui }, entry.title[ui]),
    h("p", { class: "aim-subtitle", lang: other }, entry.title[other]),
    h("p", { id: "aim-origin", class: "aim-origin" }, originOf(entry, ui)),
    h(
      "p",
      { class: "aim-hint" },
      `${entry.id} · ${kindLabel(entry, ui)} · ${plural(ui, "tableRows", entry.rows)} × ${plural(ui, "tableColumns", entry.columns)}`,
    ),
    notes,
    "error" in preview ? h("p", { class: "aim-error-text" }, t(ui, "previewUnavailable", { message: preview.error })) : previewTable(entry, preview, ui, dataLanguage),
  );
}

function previewTable(entry: CatalogueEntry, preview: TablePreview, ui: UiLanguage, dataLanguage: Language): HTMLElement {
  const percent = (c: number): boolean => preview.percentColumns[c] === true;
  const table = h(
    "table",
    { class: "aim-preview-table", lang: dataLanguage },
    h("caption", { id: "aim-preview-caption", lang: ui }, previewCaption(preview, ui)),
    h("thead", {}, h("tr", {}, ...preview.header.map((cell) => h("th", { scope: "col" }, formatCell(cell, ui))))),
    h(
      "tbody",
      {},
      ...preview.rows.map((row) =>
        h(
          "tr",
          {},
          ...row.map((cell, c) =>
            c === 0
              ? h("th", { scope: "row" }, formatCell(cell, ui))
              : h("td", { class: typeof cell === "number" ? "aim-number" : undefined }, formatCell(cell, ui, percent(c))),
          ),
        ),
      ),
    ),
  );
  // A focusable region so a keyboard user can scroll a table wider than the pane.
  return h(
    "div",
    { class: "aim-preview-wrap" },
    h("div", { id: "aim-preview", class: "aim-preview", role: "region", tabindex: 0, "aria-label": t(ui, "previewLabel", { title: entry.title[ui] }) }, table),
    h("p", { class: "aim-hint" }, t(ui, "previewUnits")),
  );
}
