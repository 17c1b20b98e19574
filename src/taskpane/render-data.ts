import type { DatasetState } from "../core/dataset-store";
import type { DatasetStamp } from "../excel/contracts";
import type { DatasetOrigin } from "./dataset-origin";
import { fill, h } from "./dom";
import { t, type StringKey, type UiLanguage } from "./i18n";
import type { FigureChangeView, WhatChangedView } from "./what-changed";

/** The hash as the pane shows it: enough digits to tell datasets apart at a glance. */
export const shortHash = (hash: string): string => hash.slice(0, 8);

/** The dataset in use: id and version, figures as of, short content hash, and where it came from. */
export function renderDatasetInfo(list: HTMLElement, state: DatasetState, origin: DatasetOrigin, ui: UiLanguage): void {
  const meta = state.index.dataset.meta;
  const source =
    origin.kind === "feed" ? t(ui, "sourceFeed", { url: origin.url }) : t(ui, origin.kind === "bundled" ? "sourceBundled" : "sourceOther");
  const row = (id: string, label: StringKey, value: string, title?: string): HTMLElement[] => [
    h("dt", {}, t(ui, label)),
    h("dd", { id, title }, value),
  ];
  fill(
    list,
    ...row("aim-data-dataset", "dataDataset", `${meta.id} v${state.version}`),
    ...row("aim-data-as-of", "dataAsOf", meta.asOf),
    ...row("aim-data-hash", "dataHash", shortHash(state.hash), state.hash),
    ...row("aim-data-source", "dataSource", source),
  );
  list.dataset.origin = origin.kind;
}

/** The sentence saying that the workbook last used other data than the add-in has now. */
export function versionNoticeText(last: DatasetStamp, current: DatasetStamp, ui: UiLanguage): string {
  return last.version === current.version
    ? t(ui, "versionNoticeSameVersion", { old: last.version, oldHash: shortHash(last.hash), currentHash: shortHash(current.hash) })
    : t(ui, "versionNotice", { old: last.version, current: current.version });
}

/** Whether the workbook's record says it last used data other than `current`. */
export function usesOtherData(last: DatasetStamp | undefined, current: DatasetStamp): last is DatasetStamp {
  return last !== undefined && (last.version !== current.version || last.hash !== current.hash);
}

/**
 * "What changed" after a feed check: the versions, the counts, each figure with its values before
 * and after, its source text and the tables that use it, then the dataset's other changes. Every
 * text goes in as a text node (h), never as markup: it comes from the feed.
 */
export function renderWhatChanged(container: HTMLElement, view: WhatChangedView | undefined, ui: UiLanguage): void {
  if (!view) {
    fill(container);
    return;
  }
  const versions = view.status === "updated" ? `v${view.oldVersion} -> v${view.version}` : `v${view.version}`;
  const figures =
    view.figures.length === 0
      ? h("p", { class: "aim-hint" }, t(ui, view.status === "updated" ? "whatChangedNothing" : "feedUnchanged", { version: view.version }))
      : h("ul", { id: "aim-changes", class: "aim-changes" }, ...view.figures.map((figure) => changeItem(figure, ui)));
  fill(
    container,
    h("h3", { id: "aim-what-changed-heading" }, t(ui, "whatChangedHeading")),
    h("p", { id: "aim-what-changed-summary", class: "aim-hint" }, `${versions} · ${view.counts}`),
    figures,
    view.other.length > 0 ? h("ul", { id: "aim-changes-other", class: "aim-changes-other aim-hint" }, ...view.other.map((line) => h("li", {}, line))) : null,
  );
}

function changeItem(figure: FigureChangeView, ui: UiLanguage): HTMLElement {
  const none = t(ui, "changeNone");
  const values =
    figure.fields.length > 0
      ? t(ui, "changeFields", { fields: figure.fields.join(t(ui, "listSeparator")) })
      : `${figure.old ?? none} -> ${figure.next ?? none}`;
  return h(
    "li",
    { class: "aim-change", "data-figure": figure.id, "data-change": figure.change },
    h(
      "div",
      { class: "aim-change-head" },
      h("span", { class: `aim-change-kind aim-change-${figure.change}` }, t(ui, `change_${figure.change}` as StringKey)),
      h("span", { class: "aim-change-label" }, figure.label),
    ),
    h("code", { class: "aim-change-id" }, figure.id),
    h("p", { class: "aim-change-values" }, values),
    h("p", { class: "aim-change-source" }, t(ui, "changeSource", { text: figure.source })),
    figure.oldSource !== undefined ? h("p", { class: "aim-change-source aim-hint" }, t(ui, "changeSourceBefore", { text: figure.oldSource })) : null,
    h(
      "p",
      { class: figure.usedIn.length > 0 ? "aim-change-used" : "aim-change-used aim-hint" },
      figure.usedIn.length > 0 ? t(ui, "changeUsedIn", { tables: figure.usedIn.join(t(ui, "listSeparator")) }) : t(ui, "changeNotUsed"),
    ),
  );
}
