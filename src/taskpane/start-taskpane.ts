import type { DatasetState, DatasetStore } from "../core/dataset-store";
import type { ExcelActions, TrackedTable } from "../excel/contracts";
import { h, fill, isChecked, setChecked } from "./dom";
import { loadFluent } from "./fluent";
import { localeOf, t, uiLanguageOf, type UiLanguage } from "./i18n";
import { isDarkTheme, type OfficeThemeLike } from "./office-theme";
import { addPaneStyles } from "./pane-styles";
import {
  buildInsertRequest,
  catalogueOf,
  defaultOptions,
  errorMessage,
  filterCatalogue,
  insertResultMessage,
  previewOf,
  refreshSummaryMessage,
  type CatalogueEntry,
  type PaneMessage,
  type PaneOptions,
} from "./pane-state";
import { createCatalogue, type CatalogueView } from "./render-catalogue";
import { renderDetails, type DetailsModel } from "./render-details";
import { renderStatus, type StatusModel } from "./render-message";
import { createOptionsForm } from "./render-options";
import { refreshButtonId, renderTracked } from "./render-tracked";

export interface TaskpaneOptions {
  /** The element the pane renders into (its children are replaced). */
  root: HTMLElement;
  /** What the pane asks of Excel: the real one over Excel.run, or the simulator's. */
  actions: ExcelActions;
  store: DatasetStore;
  /** Office's display language ("en-US", "zh-CN"); the pane is Chinese for any "zh". */
  displayLanguage?: string;
  /** Office's theme; dark tokens when it is dark. Undefined outside Office. */
  theme?: OfficeThemeLike;
}

export interface TaskpaneHandle {
  /** Reads the workbook's tracked tables again (after a change the pane did not make). */
  reloadTracked(): Promise<void>;
  /** The pane's language now (it has a switch). */
  readonly language: UiLanguage;
  /** Unsubscribes from the store and empties the root. */
  destroy(): void;
}

/** A message kept as a function of the language, so switching the language re-words it. */
type StatusSource = ((ui: UiLanguage) => StatusModel) | undefined;

/**
 * Starts the task pane in `root`: the catalogue of report tables with search and preview, the
 * insert options, the tables already in the workbook with Refresh, and the refresh-on-open switch.
 * Every action shows one message in its status region (announced to screen readers) and the pane
 * never leaves a promise unsettled or a failure unshown.
 */
export async function startTaskpane(options: TaskpaneOptions): Promise<TaskpaneHandle> {
  const { root, actions, store } = options;
  const doc = root.ownerDocument;
  await loadFluent(isDarkTheme(options.theme));
  addPaneStyles(doc);

  let ui = uiLanguageOf(options.displayLanguage);
  let state: DatasetState = store.current;
  let catalogue: CatalogueEntry[] = catalogueOf(state.index);
  let query = "";
  let selectedId: string | undefined = catalogue[0]?.id;
  let choices: PaneOptions = defaultOptions(ui);
  let insertStatus: StatusSource;
  let refreshStatus: StatusSource;
  let dataNotice: string | undefined;
  let tracked: { tables?: TrackedTable[]; error?: string } = { tables: [] };
  let refreshOnOpen = false;
  let busy = false;

  let refs: {
    catalogue: CatalogueView;
    details: HTMLElement;
    insertButton: HTMLElement;
    insertStatus: HTMLElement;
    refreshStatus: HTMLElement;
    trackedList: HTMLElement;
    refreshAll: HTMLElement;
    refreshOnOpen: HTMLElement;
    header: HTMLElement;
    dataNotice: HTMLElement;
  };

  const entryOf = (id: string | undefined): CatalogueEntry | undefined => catalogue.find((e) => e.id === id);

  function datasetLine(): string {
    const meta = state.index.dataset.meta;
    return t(ui, "datasetLine", { id: meta.id, version: state.version, tables: catalogue.length, asOf: meta.asOf });
  }

  function detailsModel(): DetailsModel | undefined {
    const entry = entryOf(selectedId);
    if (!entry) return undefined;
    let preview: DetailsModel["preview"];
    try {
      preview = previewOf(state.index, entry.id, choices);
    } catch (e) {
      preview = { error: errorMessage(e, ui) };
    }
    return { entry, preview, dataLanguage: choices.language };
  }

  function updateCatalogue(): void {
    refs.catalogue.update(filterCatalogue(catalogue, query), catalogue.length, selectedId, query);
  }

  function updateDetails(): void {
    renderDetails(refs.details, detailsModel(), ui);
    const entry = entryOf(selectedId);
    refs.insertButton.setAttribute("aria-label", entry ? t(ui, "insertButtonLabel", { title: entry.title[ui] }) : t(ui, "insertButton"));
  }

  function updateTracked(): void {
    renderTracked(
      refs.trackedList,
      { ...tracked, currentVersion: state.version, titleOf: (id) => entryOf(id)?.title[ui] },
      ui,
      (name) => void refresh([name]),
    );
  }

  function updateStatuses(): void {
    renderStatus(refs.insertStatus, insertStatus?.(ui));
    renderStatus(refs.refreshStatus, refreshStatus?.(ui));
    refs.dataNotice.textContent = dataNotice ? t(ui, "dataChanged", { version: dataNotice }) : "";
  }

  function setBusy(on: boolean): void {
    busy = on;
    for (const button of [refs.insertButton, refs.refreshAll, ...refs.trackedList.querySelectorAll("fluent-button")]) {
      // disabled-focusable keeps the button in the tab order, so focus is not lost while it waits.
      button.toggleAttribute("disabled-focusable", on);
    }
  }

  /** Builds the whole pane in the current language and puts focus back where it was. */
  function render(): void {
    const focusedId = doc.activeElement instanceof HTMLElement && root.contains(doc.activeElement) ? doc.activeElement.id : "";
    const languageButton = h(
      "fluent-button",
      { id: "aim-ui-language", appearance: "subtle", "aria-label": t(ui, "uiSwitchLabel") },
      h("span", { lang: ui === "en" ? "zh" : "en" }, t(ui, "uiSwitchText")),
    );
    languageButton.addEventListener("click", () => {
      ui = ui === "en" ? "zh" : "en";
      render();
    });

    const catalogueView = createCatalogue(ui, query, {
      onSearch(next) {
        query = next;
        updateCatalogue();
      },
      onSelect(id) {
        if (id === selectedId) return;
        selectedId = id;
        updateCatalogue();
        updateDetails();
      },
    });

    const insertButton = h("fluent-button", { id: "aim-insert", appearance: "primary" }, t(ui, "insertButton"));
    insertButton.addEventListener("click", () => void insert());

    const refreshAll = h("fluent-button", { id: "aim-refresh-all" }, t(ui, "refreshAll"));
    refreshAll.addEventListener("click", () => void refresh(undefined));

    const onOpen = h("fluent-switch", { id: "aim-refresh-on-open", slot: "input", checked: refreshOnOpen });
    onOpen.addEventListener("change", () => void changeRefreshOnOpen(isChecked(onOpen)));

    const header = h("p", { id: "aim-dataset", class: "aim-hint" }, datasetLine());
    refs = {
      catalogue: catalogueView,
      details: h("div", { id: "aim-details", class: "aim-details" }),
      insertButton,
      insertStatus: h("div", { id: "aim-insert-status", class: "aim-status", role: "status", "aria-live": "polite" }),
      refreshStatus: h("div", { id: "aim-refresh-status", class: "aim-status", role: "status", "aria-live": "polite" }),
      trackedList: h("ul", { id: "aim-tracked", class: "aim-tracked", "aria-label": t(ui, "trackedListLabel") }),
      refreshAll,
      refreshOnOpen: onOpen,
      header,
      dataNotice: h("p", { id: "aim-data-notice", class: "aim-hint aim-outdated", role: "status" }),
    };

    root.setAttribute("lang", localeOf(ui));
    fill(
      root,
      h(
        "div",
        { class: "aim-pane" },
        h("header", { class: "aim-header" }, h("div", {}, h("h1", {}, t(ui, "appTitle")), header, refs.dataNotice), languageButton),
        h(
          "section",
          { "aria-labelledby": "aim-insert-heading" },
          h("h2", { id: "aim-insert-heading" }, t(ui, "insertHeading")),
          catalogueView.element,
          refs.details,
          createOptionsForm(ui, choices, (key, value) => {
            choices = { ...choices, [key]: value };
            updateDetails();
          }),
          h("div", { class: "aim-actions" }, insertButton),
          refs.insertStatus,
        ),
        h(
          "section",
          { "aria-labelledby": "aim-workbook-heading" },
          h("h2", { id: "aim-workbook-heading" }, t(ui, "workbookHeading")),
          h("div", { class: "aim-actions" }, refreshAll),
          refs.refreshStatus,
          refs.trackedList,
          h("fluent-field", { "label-position": "after" }, h("label", { slot: "label" }, t(ui, "refreshOnOpenLabel")), onOpen),
        ),
      ),
    );
    updateCatalogue();
    updateDetails();
    updateTracked();
    updateStatuses();
    setBusy(busy);
    if (focusedId) doc.getElementById(focusedId)?.focus();
  }

  async function loadTracked(): Promise<void> {
    try {
      const tables = await actions.listTracked();
      tracked = { tables };
      // Once every table shows the data in use, the notice that it changed has done its job.
      if (dataNotice && tables.length > 0 && tables.every((table) => table.datasetVersion === state.version)) dataNotice = undefined;
    } catch (e) {
      tracked = { error: errorMessage(e, ui) };
    }
    updateTracked();
    updateStatuses();
    setBusy(busy);
  }

  /**
   * Runs one user action: one at a time, buttons marked busy meanwhile, and anything unexpected
   * shown in the action's status region rather than lost as an unhandled rejection.
   */
  async function run(where: "insert" | "refresh", work: () => Promise<void>): Promise<void> {
    if (busy) return;
    setBusy(true);
    try {
      await work();
    } catch (e) {
      const message = errorMessage(e, ui);
      const status = (lang: UiLanguage): PaneMessage => ({
        intent: "error",
        headline: t(lang, where === "insert" ? "insertFailed" : "refreshFailed", { message }),
        lines: [],
      });
      if (where === "insert") insertStatus = status;
      else refreshStatus = status;
      updateStatuses();
    } finally {
      setBusy(false);
    }
  }

  function insert(): Promise<void> {
    return run("insert", async () => {
      const entry = entryOf(selectedId);
      if (!entry) return;
      const request = buildInsertRequest(entry.id, choices);
      insertStatus = (lang) => ({ busy: t(lang, "insertWorking", { title: entry.title[lang] }) });
      updateStatuses();
      try {
        const result = await actions.insertTable(request);
        insertStatus = (lang) => insertResultMessage(result, lang);
      } catch (e) {
        const message = errorMessage(e, ui);
        // The action's own sentence says what happened and what to do (see ExcelActions).
        insertStatus = (): PaneMessage => ({ intent: "error", headline: message, lines: [] });
      }
      updateStatuses();
      await loadTracked();
    });
  }

  function refresh(names: string[] | undefined, prefix?: "refreshedOnOpen"): Promise<void> {
    return run("refresh", async () => {
      const one = names?.length === 1 ? names[0] : undefined;
      refreshStatus = (lang) => ({ busy: one ? t(lang, "refreshWorkingOne", { name: one }) : t(lang, "refreshWorking") });
      updateStatuses();
      try {
        const summary = await actions.refresh(names);
        refreshStatus = (lang) => {
          const message = refreshSummaryMessage(summary, lang);
          return prefix ? { ...message, lines: [t(lang, prefix), ...message.lines] } : message;
        };
      } catch (e) {
        const message = errorMessage(e, ui);
        refreshStatus = (): PaneMessage => ({ intent: "error", headline: message, lines: [] });
      }
      updateStatuses();
      await loadTracked();
      if (one) doc.getElementById(refreshButtonId(one))?.focus();
    });
  }

  async function changeRefreshOnOpen(on: boolean): Promise<void> {
    try {
      await actions.setRefreshOnOpen(on);
      refreshOnOpen = on;
    } catch (e) {
      const message = errorMessage(e, ui);
      setChecked(refs.refreshOnOpen, refreshOnOpen);
      refreshStatus = (lang): PaneMessage => ({ intent: "error", headline: t(lang, "refreshOnOpenFailed", { message }), lines: [] });
      updateStatuses();
    }
  }

  async function readRefreshOnOpen(): Promise<void> {
    try {
      refreshOnOpen = await actions.getRefreshOnOpen();
      setChecked(refs.refreshOnOpen, refreshOnOpen);
    } catch (e) {
      const message = errorMessage(e, ui);
      refreshStatus = (lang): PaneMessage => ({ intent: "error", headline: t(lang, "refreshOnOpenReadFailed", { message }), lines: [] });
      updateStatuses();
    }
  }

  const unsubscribe = store.subscribe((next) => {
    state = next;
    catalogue = catalogueOf(next.index);
    if (!entryOf(selectedId)) selectedId = catalogue[0]?.id;
    dataNotice = next.version;
    refs.header.textContent = datasetLine();
    updateCatalogue();
    updateDetails();
    updateTracked();
    updateStatuses();
  });

  render();
  await readRefreshOnOpen();
  if (refreshOnOpen) await refresh(undefined, "refreshedOnOpen");
  else await loadTracked();

  return {
    reloadTracked: loadTracked,
    get language() {
      return ui;
    },
    destroy() {
      unsubscribe();
      root.replaceChildren();
    },
  };
}
