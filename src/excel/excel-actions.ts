import type { DatasetStore } from "../core/dataset-store";
import { checkFeedUrl } from "../core/feed/feed-url";
import type { ExcelActions, TrackedTable, WorkbookState } from "./contracts";
import { excelMessage, type ExcelRunner } from "./excel-runner";
import { describeSelection, onSelectionChanged } from "./describe-selection";
import { insertChart } from "./insert-chart";
import { insertFormulas } from "./insert-formulas";
import { insertTable } from "./insert-table";
import { refreshTables } from "./refresh-tables";
import { lastDatasetOf, loadRegistrySetting, readLoadedRegistry, REGISTRY_KEY, toTracked, writeRegistry, type Registry } from "./registry";

/** What the task pane can ask of Excel, over `Excel.run` (real or the in-memory stand-in). */
export function createExcelActions(runner: ExcelRunner, store: DatasetStore): ExcelActions {
  /** One round trip to read the registry, and a second to write it back when `write` is set. */
  async function withRegistry<T>(what: string, use: (registry: Registry, context: Excel.RequestContext) => T, write = false): Promise<T> {
    try {
      return await runner.run(async (context) => {
        const setting = loadRegistrySetting(context.workbook);
        await context.sync();
        const { registry } = readLoadedRegistry(setting);
        const result = use(registry, context);
        if (write) {
          context.workbook.settings.add(REGISTRY_KEY, writeRegistry(registry));
          await context.sync();
        }
        return result;
      });
    } catch (e) {
      throw new Error(`Excel could not ${what}: ${excelMessage(e)}`);
    }
  }

  return {
    insertTable: (request) => insertTable(runner, store, request),
    insertFormulas: (request) => insertFormulas(runner, request),
    insertChart: (request) => insertChart(runner, store, request),
    describeSelection: () => describeSelection(runner, store),
    onSelectionChanged: (listener) => onSelectionChanged(runner, listener),
    refresh: (names) => refreshTables(runner, store, names),
    listTracked: (): Promise<TrackedTable[]> => withRegistry("list the inserted tables", (registry) => registry.entries.map(toTracked)),
    getWorkbookState: () =>
      withRegistry("read the add-in's settings in this workbook", (registry): WorkbookState => {
        const lastDataset = lastDatasetOf(registry);
        return { refreshOnOpen: registry.refreshOnOpen, ...(registry.feedUrl ? { feedUrl: registry.feedUrl } : {}), ...(lastDataset ? { lastDataset } : {}) };
      }),
    getRefreshOnOpen: () => withRegistry("read the refresh setting", (registry) => registry.refreshOnOpen),
    setRefreshOnOpen: (on) =>
      withRegistry(
        "save the refresh setting",
        (registry) => {
          registry.refreshOnOpen = on;
        },
        true,
      ),
    async setFeedUrl(url) {
      // Checked before Excel is asked anything, so a refused address leaves the workbook untouched
      // and the rejection is the check's own sentence.
      const href = url === undefined ? undefined : checkFeedUrl(url.trim()).href;
      return withRegistry(
        href === undefined ? "remove the feed address" : "save the feed address",
        (registry) => {
          if (href === undefined) delete registry.feedUrl;
          else registry.feedUrl = href;
          return href;
        },
        true,
      );
    },
    recordDatasetUsed: (version, hash) =>
      withRegistry(
        "record the data this workbook uses",
        (registry) => {
          registry.lastDataset = { version, hash };
        },
        true,
      ),
  };
}
