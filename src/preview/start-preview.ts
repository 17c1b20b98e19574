import { DatasetStore } from "../core/dataset-store";
import { createExcelActions } from "../excel/excel-actions";
import type { ExcelRunner } from "../excel/excel-runner";
import { columnLetters, parseAddress, quoteSheetName } from "../excel-sim/address";
import { createExcelApi } from "../excel-sim/excel-api";
import { SimWorkbook, type SimWorkbookOptions } from "../excel-sim/sim-workbook";
import { fill, h } from "../taskpane/dom";
import { DatasetOrigins } from "../taskpane/dataset-origin";
import type { OfficeThemeLike } from "../taskpane/office-theme";
import { startTaskpane, type TaskpaneHandle } from "../taskpane/start-taskpane";
import { evaluateAimarketFormula } from "./aimarket-evaluator";
import { addPreviewStyles } from "./preview-styles";
import { renderGrid } from "./render-grid";
import { renderCharts } from "./render-charts";
import { dropLastVendor } from "./drop-vendor";
import { reviseDataset } from "./revise-dataset";

export interface PreviewOptions {
  root: HTMLElement;
  store: DatasetStore;
  displayLanguage?: string;
  theme?: OfficeThemeLike;
}

/** What the page exposes for tests and the console: the workbook in use (it changes on reopen). */
export interface PreviewHandle {
  readonly workbook: SimWorkbook;
  readonly pane: TaskpaneHandle;
  /** The store of the simulated add-in runtime (a new one after "Save, close and reopen"). */
  readonly store: DatasetStore;
  /** Settles when the pane has started again after "Save and reopen". */
  readonly ready: Promise<void>;
}

const button = (id: string, text: string, onClick: () => void | Promise<void>): HTMLElement => {
  const element = h("button", { id, type: "button", class: "sim-button" }, text);
  element.addEventListener("click", () => void onClick());
  return element;
};

/**
 * The simulator page: the real task pane, in a pane-wide column, over an in-memory workbook whose
 * AIMARKET formulas are answered by core; the workbook drawn as a grid the user can select cells
 * in and type into; and controls for what only a user or a new feed would do: change the data,
 * save and reopen, delete, rename or widen a table.
 */
export async function startPreview(options: PreviewOptions): Promise<PreviewHandle> {
  const { root } = options;
  let store = options.store;
  // What a new add-in runtime starts with: the dataset the page's store was created with.
  const bundled = store.current.index.dataset;
  const doc = root.ownerDocument;
  const simOptions: Omit<SimWorkbookOptions, "sheets"> = { evaluate: (formula) => evaluateAimarketFormula(formula, store.current) };
  let workbook = new SimWorkbook(simOptions);
  let pane: TaskpaneHandle;
  let ready: Promise<void> = Promise.resolve();

  const status = h("p", { id: "sim-status", class: "sim-status", role: "status" });
  const say = (text: string): void => {
    status.textContent = text;
  };
  const attempt = (what: () => void, done: string): void => {
    try {
      what();
      say(done);
    } catch (e) {
      say(e instanceof Error ? e.message : String(e));
    }
  };

  const sheetSelect = h("select", { id: "sim-sheet", class: "sim-input" }) as HTMLSelectElement;
  sheetSelect.addEventListener("change", () => attempt(() => workbook.select(`${quoteSheetName(sheetSelect.value)}!A1`), `Showing ${sheetSelect.value}.`));
  const nameBox = h("input", { id: "sim-name-box", class: "sim-input sim-name-box", autocomplete: "off", spellcheck: "false" }) as HTMLInputElement;
  const formulaBar = h("input", { id: "sim-formula-bar", class: "sim-input sim-formula-bar", autocomplete: "off", spellcheck: "false" }) as HTMLInputElement;
  const gridHolder = h("div", { class: "sim-grid-wrap" });
  const chartHolder = h("div", { class: "sim-charts-wrap" });
  const tableSelect = h("select", { id: "sim-table", class: "sim-input" }) as HTMLSelectElement;
  const newName = h("input", { id: "sim-new-name", class: "sim-input", value: "MyTable", autocomplete: "off" }) as HTMLInputElement;
  const newSheetName = h("input", { id: "sim-new-sheet-name", class: "sim-input", value: "Renamed", autocomplete: "off" }) as HTMLInputElement;
  const newColumn = h("input", { id: "sim-new-column", class: "sim-input", value: "My notes", autocomplete: "off" }) as HTMLInputElement;

  const numberFormat = h("input", { id: "sim-number-format", class: "sim-input", value: "0.00", autocomplete: "off", spellcheck: "false" }) as HTMLInputElement;

  const activeAddress = (): string => workbook.activeCellAddress;

  /** Formats the active cell as a user would from the ribbon (through the stand-in's Excel API). */
  const formatActive = async (what: string, apply: (cell: Excel.Range) => void): Promise<void> => {
    const address = activeAddress();
    try {
      await (createExcelApi(workbook) as unknown as ExcelRunner).run(async (context) => {
        apply(context.workbook.getActiveCell());
        await context.sync();
      });
      say(`${address}: ${what}.`);
    } catch (e) {
      say(e instanceof Error ? e.message : String(e));
    }
  };
  const select = (address: string): void =>
    attempt(() => workbook.select(address.includes("!") ? address : `${quoteSheetName(workbook.activeSheetName)}!${address}`), `Selected ${address}.`);

  nameBox.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    select(nameBox.value.trim());
  });
  const commit = (): void => {
    const address = activeAddress();
    const text = formulaBar.value;
    attempt(() => (text === "" ? workbook.clearCell(address) : workbook.setCell(address, text)), `${address}: ${text === "" ? "cleared" : "entered"}.`);
  };
  formulaBar.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    commit();
  });

  gridHolder.addEventListener("click", (event) => {
    const cell = (event.target as Element).closest<HTMLElement>("td[data-address]");
    if (cell?.dataset.address) select(cell.dataset.address);
  });
  gridHolder.addEventListener("keydown", (event) => {
    const active = parseAddress(activeAddress());
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      const row = Math.max(0, active.row + move[0]);
      const column = Math.max(0, active.column + move[1]);
      select(`${columnLetters(column)}${row + 1}`);
      doc.getElementById("sim-grid")?.focus();
    } else if (event.key === "Enter" || event.key === "F2") {
      event.preventDefault();
      formulaBar.focus();
    } else if (event.key === "Delete") {
      event.preventDefault();
      attempt(() => workbook.clearCell(activeAddress()), `${activeAddress()}: cleared.`);
    }
  });

  const draw = (): void => {
    const focused = doc.activeElement?.id === "sim-grid";
    fill(gridHolder, renderGrid(workbook));
    fill(chartHolder, renderCharts(workbook));
    if (focused) doc.getElementById("sim-grid")?.focus();
    const active = activeAddress();
    const local = active.slice(active.lastIndexOf("!") + 1);
    if (doc.activeElement !== nameBox) nameBox.value = local;
    if (doc.activeElement !== formulaBar) {
      const cell = workbook.getCell(active);
      formulaBar.value = cell.formula ?? (typeof cell.value === "object" ? cell.value.error : String(cell.value));
    }
    fill(sheetSelect, ...workbook.sheetNames.map((name) => h("option", { value: name, selected: name === workbook.activeSheetName }, name)));
    const chosen = tableSelect.value;
    const names = workbook.tables.map((t) => t.name);
    fill(tableSelect, ...names.map((name) => h("option", { value: name, selected: name === chosen }, name)));
    if (names.length === 0) tableSelect.append(h("option", { value: "" }, "(no tables)"));
  };

  let unsubscribe = workbook.subscribe(draw);
  let unsubscribeStore = store.subscribe(() => workbook.recalculate());

  // One per runtime: the pane started again after "Save and reopen" still knows where the data came from.
  let origins = new DatasetOrigins();
  const startPane = async (displayLanguage: string | undefined): Promise<TaskpaneHandle> =>
    startTaskpane({
      root: paneRoot,
      actions: createExcelActions(createExcelApi(workbook) as unknown as ExcelRunner, store),
      store,
      displayLanguage,
      theme: options.theme,
      origins,
    });

  /**
   * Saves the workbook and opens it again. With `newRuntime`, as when Excel is closed and started
   * again: the add-in's runtime starts over with the bundled dataset (the browser's storage, where
   * the pane keeps the last good feed, stays); without, the add-in's runtime and its data carry on.
   */
  const saveAndReopen = async (newRuntime = false): Promise<void> => {
    const language = pane.language === "zh" ? "zh-CN" : "en-US";
    const saved: unknown = JSON.parse(JSON.stringify(workbook.toJSON()));
    unsubscribe();
    pane.destroy();
    if (newRuntime) {
      unsubscribeStore();
      store = new DatasetStore(bundled);
      origins = new DatasetOrigins();
    }
    workbook = SimWorkbook.fromJSON(saved, simOptions);
    unsubscribe = workbook.subscribe(draw);
    if (newRuntime) unsubscribeStore = store.subscribe(() => workbook.recalculate());
    draw();
    say(newRuntime ? "Saved, closed and reopened the workbook in a new add-in runtime." : "Saved and reopened the workbook.");
    ready = startPane(language).then((next) => {
      pane = next;
    });
    await ready;
  };

  const paneRoot = h("div", { id: "aim-pane-root", class: "sim-pane-root" });
  addPreviewStyles(doc);
  fill(
    root,
    h(
      "div",
      { class: "sim-layout" },
      h(
        "main",
        { class: "sim-workbook", "aria-labelledby": "sim-heading" },
        h("h2", { id: "sim-heading", class: "sim-heading" }, "Simulated workbook"),
        h(
          "div",
          { class: "sim-toolbar" },
          h("label", { class: "sim-label" }, "Sheet ", sheetSelect),
          h("label", { class: "sim-label" }, "Cell ", nameBox),
          h("label", { class: "sim-label sim-grow" }, "Contents ", formulaBar),
          button("sim-enter", "Enter", commit),
          button("sim-add-sheet", "Add sheet", () => attempt(() => workbook.addSheet(`Sheet${workbook.sheetNames.length + 1}`), "Added a sheet.")),
        ),
        h(
          "div",
          { class: "sim-toolbar" },
          h("label", { class: "sim-label" }, "Sheet name ", newSheetName),
          button("sim-rename-sheet", "Rename this sheet", () => {
            const from = sheetSelect.value;
            attempt(() => workbook.renameSheet(from, newSheetName.value), `Renamed sheet ${from} to ${newSheetName.value}.`);
          }),
          button("sim-delete-sheet", "Delete this sheet", () => {
            const gone = sheetSelect.value;
            attempt(() => workbook.deleteSheet(gone), `Deleted sheet ${gone} with its tables and charts.`);
          }),
        ),
        h(
          "div",
          { class: "sim-toolbar" },
          h("span", { class: "sim-label" }, "Format the active cell:"),
          button("sim-bold", "Bold", () => formatActive("bold", (cell) => (cell.format.font.bold = true))),
          h("label", { class: "sim-label" }, "Number format ", numberFormat),
          button("sim-apply-format", "Apply number format", () => formatActive(`number format ${numberFormat.value}`, (cell) => (cell.numberFormat = [[numberFormat.value]]))),
        ),
        gridHolder,
        chartHolder,
        h(
          "section",
          { class: "sim-controls", "aria-labelledby": "sim-controls-heading" },
          h("h2", { id: "sim-controls-heading", class: "sim-heading" }, "Simulator controls (what a user or a new feed would do)"),
          h(
            "div",
            { class: "sim-toolbar" },
            button("sim-change-data", "Change data", () => {
              const next = reviseDataset(store.current.index.dataset);
              attempt(
                () => store.replace(next),
                `The dataset is now v${next.meta.version}: OpenAI's and Anthropic's revenue, the market growth and the camps table changed.`,
              );
            }),
            button("sim-drop-vendor", "Remove a vendor", () => {
              const next = dropLastVendor(store.current.index.dataset);
              if (!next) return say("The vendor tables have no vendor left to remove.");
              attempt(() => store.replace(next.dataset), `The dataset is now v${next.dataset.meta.version}: ${next.vendor} left the vendor tables (refresh to shrink them).`);
            }),
            button("sim-save-reopen", "Save and reopen", () => saveAndReopen()),
            button("sim-reopen-new-runtime", "Save, close and reopen (new add-in runtime)", () => saveAndReopen(true)),
          ),
          h(
            "div",
            { class: "sim-toolbar" },
            h("label", { class: "sim-label" }, "Table ", tableSelect),
            button("sim-delete-table", "Delete table", () => attempt(() => workbook.deleteTable(tableSelect.value), `Deleted table ${tableSelect.value} (its cells stay).`)),
          ),
          h(
            "div",
            { class: "sim-toolbar" },
            h("label", { class: "sim-label" }, "New name ", newName),
            button("sim-rename-table", "Rename table", () => {
              const from = tableSelect.value;
              attempt(() => workbook.renameTable(from, newName.value), `Renamed table ${from} to ${newName.value}.`);
            }),
          ),
          h(
            "div",
            { class: "sim-toolbar" },
            h("label", { class: "sim-label" }, "Column header ", newColumn),
            button("sim-add-column", "Add column to table", () =>
              attempt(() => workbook.addTableColumn(tableSelect.value, newColumn.value), `Added column "${newColumn.value}" to ${tableSelect.value}.`),
            ),
          ),
          status,
        ),
      ),
      h("aside", { class: "sim-pane", "aria-label": "Task pane" }, paneRoot),
    ),
  );
  draw();
  pane = await startPane(options.displayLanguage);

  return {
    get workbook() {
      return workbook;
    },
    get pane() {
      return pane;
    },
    get ready() {
      return ready;
    },
    get store() {
      return store;
    },
  };
}
