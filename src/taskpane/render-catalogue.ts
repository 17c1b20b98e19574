import { h, fill, valueOf } from "./dom";
import { t, type UiLanguage } from "./i18n";
import { kindLabel, type CatalogueEntry } from "./pane-state";

export interface CatalogueHandlers {
  onSearch(query: string): void;
  onSelect(tableId: string): void;
}

export interface CatalogueView {
  element: HTMLElement;
  /** Shows `shown` (a filtered part of `total` entries) with `selectedId` selected. */
  update(shown: readonly CatalogueEntry[], total: number, selectedId: string | undefined, query: string): void;
}

const optionId = (tableId: string): string => `aim-table-${tableId}`;

/**
 * The search box and the list of report tables. The list is a single-select listbox: one tab stop,
 * arrow keys, Home and End move the selection (and the preview follows), as in a native list.
 */
export function createCatalogue(ui: UiLanguage, query: string, handlers: CatalogueHandlers): CatalogueView {
  const other: UiLanguage = ui === "en" ? "zh" : "en";
  const search = h("fluent-text-input", {
    id: "aim-search",
    type: "search",
    value: query,
    placeholder: t(ui, "searchPlaceholder"),
    autocomplete: "off",
    "aria-describedby": "aim-search-count",
  }, t(ui, "searchLabel"));
  search.addEventListener("input", () => handlers.onSearch(valueOf(search)));

  const count = h("p", { id: "aim-search-count", class: "aim-hint", role: "status" });
  const list = h("ul", { id: "aim-table-list", class: "aim-table-list", role: "listbox", "aria-label": t(ui, "tableListLabel") });

  const options = (): HTMLElement[] => [...list.querySelectorAll<HTMLElement>("[role=option]")];
  const choose = (option: HTMLElement | undefined): void => {
    if (!option) return;
    option.focus();
    const id = option.dataset.tableId;
    if (id) handlers.onSelect(id);
  };
  list.addEventListener("click", (event) => {
    const option = (event.target as Element).closest<HTMLElement>("[role=option]");
    if (option) choose(option);
  });
  list.addEventListener("keydown", (event) => {
    const all = options();
    const current = all.indexOf(document.activeElement as HTMLElement);
    const next: Record<string, number> = {
      ArrowDown: Math.min(current + 1, all.length - 1),
      ArrowUp: Math.max(current - 1, 0),
      Home: 0,
      End: all.length - 1,
      Enter: current,
      " ": current,
    };
    if (!(event.key in next) || all.length === 0) return;
    event.preventDefault();
    choose(all[next[event.key]!]);
  });

  const update: CatalogueView["update"] = (shown, total, selectedId, currentQuery) => {
    count.textContent =
      shown.length === 0 ? t(ui, "noMatch", { query: currentQuery.trim() }) : t(ui, "searchCount", { shown: shown.length, total });
    const focusable = shown.some((e) => e.id === selectedId) ? selectedId : shown[0]?.id;
    const hadFocus = list.contains(document.activeElement);
    fill(
      list,
      ...shown.map((entry) =>
        h(
          "li",
          {
            id: optionId(entry.id),
            class: "aim-table-option",
            role: "option",
            "aria-selected": entry.id === selectedId ? "true" : "false",
            tabindex: entry.id === focusable ? 0 : -1,
            "data-table-id": entry.id,
          },
          h("span", { class: "aim-table-title", lang: ui }, entry.title[ui]),
          h(
            "span",
            { class: "aim-table-meta" },
            h("span", { lang: other }, entry.title[other]),
            ` · ${kindLabel(entry, ui)} · ${t(ui, "sectionShort", { section: entry.section })}`,
          ),
        ),
      ),
    );
    list.hidden = shown.length === 0;
    if (hadFocus && focusable) document.getElementById(optionId(focusable))?.focus();
  };

  const element = h("div", { class: "aim-catalogue" }, search, count, list);
  return { element, update };
}
