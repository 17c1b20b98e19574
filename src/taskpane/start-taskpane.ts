import type { DatasetState, DatasetStore } from "../core/dataset-store";
import type { FeedCache } from "../core/feed/feed-cache";
import type { HttpGet } from "../core/feed/http-get";
import type { FeedUpdate } from "../core/feed/refresh-feed";
import type { DatasetStamp, ExcelActions, RefreshSummary, TrackedTable, WorkbookState } from "../excel/contracts";
import { DatasetOrigins } from "./dataset-origin";
import { h, fill, isChecked, setChecked, setValue, valueOf } from "./dom";
import { figuresInUse, mergeUses } from "./figures-in-use";
import { loadFluent } from "./fluent";
import { localeOf, t, uiLanguageOf, type StringKey, type UiLanguage } from "./i18n";
import { feedPipelineLoader, type FeedPipeline } from "./load-feed-pipeline";
import { LocalFeedCache } from "./local-feed-cache";
import { isDarkTheme, type OfficeThemeLike } from "./office-theme";
import { createLazySection } from "./lazy-section";
import type { PaneSection, PaneSectionHost } from "./pane-section";
import { createSelectedCellSection } from "./selected-cell";
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
import { renderDatasetInfo, renderWhatChanged, usesOtherData, versionNoticeText } from "./render-data";
import { createOptionsForm } from "./render-options";
import { refreshButtonId, renderTracked } from "./render-tracked";
import type { WhatChangedView } from "./what-changed";

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
  /** Where the store's datasets came from; one per runtime, so a pane started again still knows. */
  origins?: DatasetOrigins;
  /** How feeds are fetched: the window's fetch by default. */
  httpGet?: HttpGet;
  /** Where the last good feed is kept: the window's localStorage by default. */
  feedCache?: FeedCache;
  /** Loads the feed pipeline: its own chunk (feed.js) by default. */
  loadFeedPipeline?: () => Promise<FeedPipeline>;
}

export interface TaskpaneHandle {
  /** Reads the workbook's tracked tables again (after a change the pane did not make). */
  reloadTracked(): Promise<void>;
  /** The pane's language now (it has a switch). */
  readonly language: UiLanguage;
  /** Settles once the start-up check of the workbook's feed is over (at once when it names none). */
  readonly feedCheck: Promise<void>;
  /** Unsubscribes from the store and empties the root. */
  destroy(): void;
}

/**
 * http://[::1]/...: checkFeedUrl allows it (the CLI reads it), but a Content-Security-Policy cannot
 * name an IPv6 address, so the pane's policy would block the request.
 */
function plainHttpToIpv6Loopback(url: string): boolean {
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === "http:" && parsed.hostname === "[::1]";
  } catch {
    return false;
  }
}

/** A message kept as a function of the language, so switching the language re-words it. */
type StatusSource = ((ui: UiLanguage) => StatusModel) | undefined;
type StatusLines = (ui: UiLanguage) => string[];

/**
 * Starts the task pane in `root`: the catalogue of report tables with search and preview, the
 * insert options, the tables already in the workbook with Refresh, the refresh-on-open switch, and
 * the Data section (the dataset in use, the workbook's feed, Check for updates and what changed).
 * At start-up a workbook that names a feed gets the feed's data kept from the last check at once,
 * and the feed is checked in the background; then tables refresh if the workbook asks for it.
 * Every action shows one message in its status region (announced to screen readers) and the pane
 * never leaves a promise unsettled or a failure unshown.
 */
export async function startTaskpane(options: TaskpaneOptions): Promise<TaskpaneHandle> {
  const { root, actions, store } = options;
  const doc = root.ownerDocument;
  const view = doc.defaultView;
  await loadFluent(isDarkTheme(options.theme));

  const origins = options.origins ?? new DatasetOrigins();
  origins.remember(store);
  const loadPipeline = options.loadFeedPipeline ?? feedPipelineLoader();
  const feedCache = options.feedCache ?? new LocalFeedCache(() => view?.localStorage);
  const httpGet: HttpGet =
    options.httpGet ??
    ((url, init) => {
      if (!view?.fetch) return Promise.reject(new Error("This page cannot fetch: it has no window.fetch."));
      return view.fetch(url, init);
    });

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
  let workbook: WorkbookState = { refreshOnOpen: false };
  /** Whether the workbook's record has been read, so the version notice never shows a guess. */
  let workbookRead = false;
  let feedInput = "";
  let feedStatus: StatusSource;
  let feedTablesStatus: StatusSource;
  let whatChanged: ((ui: UiLanguage) => WhatChangedView) | undefined;
  let busy = false;
  /** A feed check (the one at start-up included) is running: the feed's buttons wait. */
  let feedBusy = false;
  let destroyed = false;
  let sections: PaneSection[] = [];
  /** The tracked tables have been read from the workbook at least once. */
  let trackedRead = false;

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
    versionNotice: HTMLElement;
    versionText: HTMLElement;
    versionRefresh: HTMLElement;
    dataInfo: HTMLElement;
    feedUrl: HTMLElement;
    feedButtons: HTMLElement[];
    feedStatus: HTMLElement;
    feedTablesStatus: HTMLElement;
    whatChanged: HTMLElement;
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

  const stampOf = (s: DatasetState): DatasetStamp => ({ version: s.version, hash: s.hash });

  function updateStatuses(): void {
    renderStatus(refs.insertStatus, insertStatus?.(ui));
    renderStatus(refs.refreshStatus, refreshStatus?.(ui));
    const last = workbook.lastDataset;
    const otherData = workbookRead && usesOtherData(last, stampOf(state));
    refs.versionNotice.hidden = !otherData;
    refs.versionText.textContent = otherData && last ? versionNoticeText(last, stampOf(state), ui) : "";
    // The version notice says more, and offers the refresh.
    refs.dataNotice.textContent = dataNotice && !otherData ? t(ui, "dataChanged", { version: dataNotice }) : "";
    renderDatasetInfo(refs.dataInfo, state, origins.of(store), ui);
    renderStatus(refs.feedStatus, feedStatus?.(ui));
    renderStatus(refs.feedTablesStatus, feedTablesStatus?.(ui));
    renderWhatChanged(refs.whatChanged, whatChanged?.(ui), ui);
  }

  function setBusy(on: boolean): void {
    busy = on;
    for (const button of [refs.insertButton, refs.refreshAll, refs.versionRefresh, ...refs.trackedList.querySelectorAll("fluent-button")]) {
      // disabled-focusable keeps the button in the tab order, so focus is not lost while it waits.
      button.toggleAttribute("disabled-focusable", on);
    }
    for (const button of refs.feedButtons) button.toggleAttribute("disabled-focusable", on || feedBusy);
    for (const section of sections) section.setBusy(on);
  }

  function setFeedBusy(on: boolean): void {
    feedBusy = on;
    setBusy(busy);
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

    const onOpen = h("fluent-switch", { id: "aim-refresh-on-open", slot: "input", checked: workbook.refreshOnOpen });
    onOpen.addEventListener("change", () => void changeRefreshOnOpen(isChecked(onOpen)));

    const header = h("p", { id: "aim-dataset", class: "aim-hint" }, datasetLine());

    const versionRefresh = h("fluent-button", { id: "aim-version-refresh", size: "small" }, t(ui, "versionRefresh"));
    versionRefresh.addEventListener("click", () => void refresh(undefined));
    const versionText = h("span", { id: "aim-version-text" });
    const versionNotice = h(
      "div",
      { id: "aim-version-notice", class: "aim-version-notice", role: "status", hidden: true },
      h("p", {}, versionText, " ", h("span", { class: "aim-hint" }, t(ui, "versionHint"))),
      versionRefresh,
    );

    const feedUrl = h(
      "fluent-text-input",
      {
        id: "aim-feed-url",
        type: "url",
        value: feedInput,
        placeholder: "https://example.com/ai-market.json",
        autocomplete: "off",
        spellcheck: "false",
        "aria-describedby": "aim-feed-hint",
      },
      t(ui, "feedUrlLabel"),
    );
    feedUrl.addEventListener("input", () => {
      feedInput = valueOf(feedUrl);
    });
    const feedSave = h("fluent-button", { id: "aim-feed-save" }, t(ui, "feedSave"));
    feedSave.addEventListener("click", () => void saveFeed());
    const feedRemove = h("fluent-button", { id: "aim-feed-remove" }, t(ui, "feedRemove"));
    feedRemove.addEventListener("click", () => void removeFeed());
    const feedCheck = h("fluent-button", { id: "aim-feed-check", appearance: "primary" }, t(ui, "feedCheck"));
    feedCheck.addEventListener("click", () => void checkFeed());
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
      versionNotice,
      versionText,
      versionRefresh,
      dataInfo: h("dl", { id: "aim-data-info", class: "aim-data-info" }),
      feedUrl,
      feedButtons: [feedSave, feedRemove, feedCheck],
      feedStatus: h("div", { id: "aim-feed-status", class: "aim-status", role: "status", "aria-live": "polite" }),
      feedTablesStatus: h("div", { id: "aim-feed-tables-status", class: "aim-status", role: "status", "aria-live": "polite" }),
      whatChanged: h("div", { id: "aim-what-changed", class: "aim-what-changed", role: "region", "aria-labelledby": "aim-what-changed-heading" }),
    };

    root.setAttribute("lang", localeOf(ui));
    fill(
      root,
      h(
        "div",
        { class: "aim-pane" },
        h("header", { class: "aim-header" }, h("div", {}, h("h1", {}, t(ui, "appTitle")), header, refs.dataNotice, versionNotice), languageButton),
        selectedCell.render(),
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
        formulaBuilder.render(),
        h(
          "section",
          { "aria-labelledby": "aim-workbook-heading" },
          h("h2", { id: "aim-workbook-heading" }, t(ui, "workbookHeading")),
          h("div", { class: "aim-actions" }, refreshAll),
          refs.refreshStatus,
          refs.trackedList,
          h("fluent-field", { "label-position": "after" }, h("label", { slot: "label" }, t(ui, "refreshOnOpenLabel")), onOpen),
        ),
        charts.render(),
        h(
          "section",
          { "aria-labelledby": "aim-data-heading" },
          h("h2", { id: "aim-data-heading" }, t(ui, "dataHeading")),
          refs.dataInfo,
          feedUrl,
          h("p", { id: "aim-feed-hint", class: "aim-hint" }, t(ui, "feedUrlHint")),
          h("div", { class: "aim-actions" }, feedSave, feedRemove, feedCheck),
          refs.feedStatus,
          refs.whatChanged,
          refs.feedTablesStatus,
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

  async function loadTracked(): Promise<TrackedTable[]> {
    trackedRead = true;
    try {
      tracked = { tables: await actions.listTracked() };
    } catch (e) {
      tracked = { error: errorMessage(e, ui) };
    }
    return showTracked();
  }

  /** Shows the tracked tables as last read, and everything that depends on them. */
  function showTracked(): TrackedTable[] {
    const tables = tracked.tables;
    // Once every table shows the data in use, the notice that it changed has done its job.
    if (dataNotice && tables && tables.length > 0 && tables.every((table) => table.datasetVersion === state.version)) dataNotice = undefined;
    updateTracked();
    updateStatuses();
    for (const section of sections) section.update();
    setBusy(busy);
    return tracked.tables ?? [];
  }

  /**
   * Runs one user action: one at a time, buttons marked busy meanwhile, and anything unexpected
   * shown in the action's status region rather than lost as an unhandled rejection.
   */
  async function run(where: "insert" | "refresh" | "feed", work: () => Promise<void>): Promise<void> {
    try {
      await exclusive(work);
    } catch (e) {
      const message = errorMessage(e, ui);
      const key = where === "insert" ? "insertFailed" : where === "refresh" ? "refreshFailed" : "feedFailed";
      const status = (lang: UiLanguage): PaneMessage => ({ intent: "error", headline: t(lang, key, { message }), lines: [] });
      if (where === "insert") insertStatus = status;
      else if (where === "refresh") refreshStatus = status;
      else feedStatus = status;
      updateStatuses();
    }
  }

  /** Runs `work` while no other action runs, every button waiting meanwhile; false when one was running. */
  async function exclusive(work: () => Promise<void>): Promise<boolean> {
    if (busy) return false;
    setBusy(true);
    try {
      await work();
      return true;
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
        workbook = { ...workbook, lastDataset: result.dataset };
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
        noteRefreshed(summary);
        refreshStatus = summaryStatus(summary, prefix);
      } catch (e) {
        const message = errorMessage(e, ui);
        refreshStatus = (): PaneMessage => ({ intent: "error", headline: message, lines: [] });
      }
      updateStatuses();
      await loadTracked();
      if (one) doc.getElementById(refreshButtonId(one))?.focus();
    });
  }

  /** A refresh's summary as a status, after a first line saying why it ran when `prefix` is given. */
  function summaryStatus(summary: RefreshSummary, prefix: "refreshedOnOpen" | undefined): (lang: UiLanguage) => PaneMessage {
    return (lang) => {
      const message = refreshSummaryMessage(summary, lang);
      return prefix ? { ...message, lines: [t(lang, prefix), ...message.lines] } : message;
    };
  }

  function noteRefreshed(summary: RefreshSummary): void {
    if (summary.lastDataset) workbook = { ...workbook, lastDataset: summary.lastDataset };
  }

  async function changeRefreshOnOpen(on: boolean): Promise<void> {
    try {
      await actions.setRefreshOnOpen(on);
      workbook = { ...workbook, refreshOnOpen: on };
    } catch (e) {
      const message = errorMessage(e, ui);
      setChecked(refs.refreshOnOpen, workbook.refreshOnOpen);
      refreshStatus = (lang): PaneMessage => ({ intent: "error", headline: t(lang, "refreshOnOpenFailed", { message }), lines: [] });
      updateStatuses();
    }
  }

  async function readWorkbookState(): Promise<void> {
    try {
      workbook = await actions.getWorkbookState();
      workbookRead = true;
      setChecked(refs.refreshOnOpen, workbook.refreshOnOpen);
      feedInput = workbook.feedUrl ?? "";
      setValue(refs.feedUrl, feedInput);
    } catch (e) {
      const message = errorMessage(e, ui);
      refreshStatus = (lang): PaneMessage => ({ intent: "error", headline: t(lang, "workbookStateReadFailed", { message }), lines: [] });
    }
    updateStatuses();
  }

  const message = (intent: PaneMessage["intent"], key: StringKey, params: Record<string, string> = {}, lines: StatusLines = () => []) =>
    (lang: UiLanguage): PaneMessage => ({ intent, headline: t(lang, key, params), lines: lines(lang) });

  function saveFeed(): Promise<void> {
    return run("feed", async () => {
      feedStatus = (lang) => ({ busy: t(lang, "feedSaving") });
      updateStatuses();
      const typed = valueOf(refs.feedUrl);
      if (plainHttpToIpv6Loopback(typed)) {
        feedStatus = (lang) => ({ intent: "error", headline: t(lang, "feedSaveFailed", { message: t(lang, "feedIpv6Http") }), lines: [] });
        updateStatuses();
        return;
      }
      try {
        const saved = await actions.setFeedUrl(typed);
        workbook = { ...workbook, feedUrl: saved };
        feedInput = saved ?? "";
        setValue(refs.feedUrl, feedInput);
        feedStatus = message("success", "feedSaved");
      } catch (e) {
        feedStatus = message("error", "feedSaveFailed", { message: errorMessage(e, ui) });
      }
      updateStatuses();
    });
  }

  function removeFeed(): Promise<void> {
    return run("feed", async () => {
      try {
        await actions.setFeedUrl(undefined);
        const { feedUrl: _removed, ...rest } = workbook;
        workbook = rest;
        feedInput = "";
        setValue(refs.feedUrl, "");
        const version = state.version;
        feedStatus = message("success", "feedRemoved", {}, (lang) => [t(lang, "feedRemovedData", { version })]);
      } catch (e) {
        feedStatus = message("error", "feedRemoveFailed", { message: errorMessage(e, ui) });
      }
      updateStatuses();
    });
  }

  /**
   * Downloads and checks the workbook's feed with the figures its tables use; on success shows what
   * changed. Throws whatever refreshFeed throws (FeedError, with one sentence): the store and the
   * workbook are then as they were.
   */
  async function updateFromFeed(url: string, showUnchanged: boolean): Promise<FeedUpdate> {
    const pipeline = await loadPipeline();
    const tables = await actions.listTracked();
    const before = store.current.index.dataset;
    const usesBefore = figuresInUse(before, tables);
    const update = await pipeline.refreshFeed(store, url, { httpGet, cache: feedCache, inUse: usesBefore.keys() });
    origins.fromFeed(store, url);
    const uses = mergeUses(usesBefore, figuresInUse(update.dataset, tables));
    if (update.status === "updated" || showUnchanged) whatChanged = (lang) => pipeline.whatChangedOf(update, before, update.dataset, uses, lang);
    const version = update.state.version;
    const cacheLines = (lang: UiLanguage): string[] => (update.cacheError ? [t(lang, "feedNotCached", { message: update.cacheError })] : []);
    feedStatus =
      update.status === "updated"
        ? message("success", "feedUpdated", { version }, cacheLines)
        : message("info", "feedUnchanged", { version }, cacheLines);
    updateStatuses();
    return update;
  }

  function checkFeed(): Promise<void> {
    if (feedBusy) return Promise.resolve();
    return run("feed", async () => {
      const url = workbook.feedUrl;
      if (!url) {
        feedStatus = message("info", "feedNone");
        updateStatuses();
        return;
      }
      setFeedBusy(true);
      try {
        feedStatus = (lang) => ({ busy: t(lang, "feedChecking") });
        feedTablesStatus = undefined;
        whatChanged = undefined;
        updateStatuses();
        try {
          await updateFromFeed(url, true);
        } catch (e) {
          const text = errorMessage(e, ui);
          const version = store.current.version;
          feedStatus = message("error", "feedFailed", { message: text }, (lang) => [t(lang, "feedKept", { version })]);
          updateStatuses();
          return;
        }
        await refreshAfterFeed();
      } finally {
        setFeedBusy(false);
      }
    });
  }

  /** Refreshes every tracked table after the data changed, with its summary in the Data section. */
  async function refreshAfterFeed(prefix?: "refreshedOnOpen"): Promise<void> {
    feedTablesStatus = (lang) => ({ busy: t(lang, "refreshWorking") });
    updateStatuses();
    try {
      const summary = await actions.refresh();
      noteRefreshed(summary);
      feedTablesStatus = summaryStatus(summary, prefix);
    } catch (e) {
      feedTablesStatus = message("error", "refreshFailed", { message: errorMessage(e, ui) });
    }
    updateStatuses();
    await loadTracked();
  }

  /**
   * The start-up feed step: the feed's data kept from the last check goes into use at once (when it
   * is newer than the data in use and still valid); returns the background check of the feed itself
   * (wrapped, as a promise returned from an async function would be waited for).
   */
  async function startFeed(url: string, afterStartup: Promise<void>): Promise<{ check: Promise<void> }> {
    setFeedBusy(true);
    try {
      const pipeline = await loadPipeline();
      const tables = await loadTracked();
      const cached = await pipeline.loadCachedFeed(store, url, feedCache, { inUse: figuresInUse(store.current.index.dataset, tables).keys() });
      if (cached.status === "updated" || cached.status === "unchanged") {
        origins.fromFeed(store, url);
        const version = cached.state.version;
        feedStatus = message("info", "feedCachedUsed", { version });
      } else if (cached.status === "skipped") {
        const text = cached.error.message;
        feedStatus = message("info", "feedCachedSkipped", { message: text });
      }
    } catch (e) {
      // Only a failing store or storage gets here; the feed check below says what it finds.
      feedStatus = message("info", "feedCachedSkipped", { message: errorMessage(e, ui) });
    }
    updateStatuses();
    return { check: backgroundCheck(url, afterStartup) };
  }

  async function backgroundCheck(url: string, afterStartup: Promise<void>): Promise<void> {
    try {
      let update: FeedUpdate;
      try {
        update = await updateFromFeed(url, false);
      } catch (e) {
        const text = errorMessage(e, ui);
        const version = store.current.version;
        // Quiet: the data in use (kept or bundled) serves on; the user did not ask for this check.
        feedStatus = message("info", "feedBackgroundFailed", { message: text, version });
        updateStatuses();
        return;
      }
      await afterStartup;
      // The workbook asked for current tables when it opens: new data from the feed counts too.
      // (A user action under way, or a pane closed meanwhile, leaves it to the version notice.)
      if (update.status === "updated" && workbook.refreshOnOpen && !busy && !destroyed) await run("refresh", () => refreshAfterFeed("refreshedOnOpen"));
    } finally {
      setFeedBusy(false);
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
    for (const section of sections) section.update();
  });

  const host: PaneSectionHost = {
    doc,
    actions,
    state: () => state,
    language: () => ui,
    tracked: () => tracked.tables ?? [],
    exclusive,
    reloadTracked: async () => {
      await loadTracked();
    },
  };
  const selectedCell = createSelectedCellSection(host);
  const storage = (): Storage | undefined => view?.localStorage;
  // Fetched when first opened (its own chunk): most sessions never build a formula here.
  const formulaBuilder = createLazySection(host, {
    id: "formula-builder",
    heading: "formulaBuilderHeading",
    load: () => import(/* webpackChunkName: "formula-builder", webpackMode: "lazy" */ "./formula-builder.js").then((m) => m.createFormulaBuilder),
    storage,
  });
  // Its own chunk too: charts need a numeric table in the workbook first.
  const charts = createLazySection(host, {
    id: "charts",
    heading: "chartsHeading",
    load: () => import(/* webpackChunkName: "charts", webpackMode: "lazy" */ "./chart-section.js").then((m) => m.createChartSection),
    storage,
  });
  sections = [selectedCell, formulaBuilder, charts];

  render();
  await readWorkbookState();
  let startupDone: () => void = () => undefined;
  const afterStartup = new Promise<void>((resolve) => (startupDone = resolve));
  const feedCheck = workbook.feedUrl ? (await startFeed(workbook.feedUrl, afterStartup)).check : Promise.resolve();
  if (workbook.refreshOnOpen) await refresh(undefined, "refreshedOnOpen");
  // The start-up feed step may have just read the tracked tables: show them rather than ask Excel twice.
  else if (trackedRead) showTracked();
  else await loadTracked();
  startupDone();

  return {
    reloadTracked: async () => {
      await loadTracked();
    },
    get language() {
      return ui;
    },
    feedCheck,
    destroy() {
      destroyed = true;
      unsubscribe();
      for (const section of sections) section.destroy();
      root.replaceChildren();
    },
  };
}
