import type { TrackedTable } from "../excel/contracts";
import { h, fill } from "./dom";
import { t, type StringKey, type UiLanguage } from "./i18n";
import { formatWhen } from "./pane-state";

export interface TrackedModel {
  tables?: readonly TrackedTable[];
  /** Why the list could not be read, when it could not. */
  error?: string;
  /** Version of the dataset in use, to mark tables written from an older one. */
  currentVersion: string;
  titleOf(tableId: string): string | undefined;
}

export const refreshButtonId = (name: string): string => `aim-refresh-${name.replace(/[^A-Za-z0-9_-]/g, "_")}`;

/** The add-in's tables in this workbook, each with what it shows and a Refresh button. */
export function renderTracked(list: HTMLElement, model: TrackedModel, ui: UiLanguage, onRefresh: (name: string) => void): void {
  if (model.error !== undefined) {
    fill(list, h("li", { class: "aim-error-text" }, t(ui, "trackedLoadFailed", { message: model.error })));
    return;
  }
  const tables = model.tables ?? [];
  if (tables.length === 0) {
    fill(list, h("li", { class: "aim-hint", id: "aim-no-tracked" }, t(ui, "noTracked")));
    return;
  }
  fill(
    list,
    ...tables.map((table) => {
      const { language, currency, scale, bound } = table.options;
      const outdated = table.datasetVersion !== model.currentVersion;
      const version = outdated
        ? t(ui, "trackedOutdated", { version: table.datasetVersion, current: model.currentVersion })
        : t(ui, "trackedVersion", { version: table.datasetVersion });
      const when = table.refreshedAt
        ? t(ui, "trackedRefreshed", { when: formatWhen(table.refreshedAt, ui) })
        : t(ui, "trackedInserted", { when: formatWhen(table.insertedAt, ui) });
      const button = h(
        "fluent-button",
        { id: refreshButtonId(table.name), size: "small", "aria-label": t(ui, "refreshOneLabel", { name: table.name }) },
        t(ui, "refreshOne"),
      );
      button.addEventListener("click", () => onRefresh(table.name));
      return h(
        "li",
        { class: "aim-tracked-item", "data-name": table.name },
        h(
          "div",
          { class: "aim-tracked-text" },
          h("span", { class: "aim-tracked-name" }, table.name),
          h("span", { class: "aim-tracked-title" }, model.titleOf(table.tableId) ?? table.tableId),
          h(
            "span",
            { class: "aim-hint" },
            [
              t(ui, `mode_${table.mode}` as StringKey),
              table.address,
              [language, currency, scale === "1" ? "" : scale, bound].filter(Boolean).join(" · "),
            ].join(" · "),
          ),
          h("span", { class: outdated ? "aim-hint aim-outdated" : "aim-hint" }, `${version} · ${when}`),
        ),
        button,
      );
    }),
  );
}
