import type { DatasetStore } from "../core/dataset-store";
import type { ExcelActions, TrackedTable } from "./contracts";
import { excelMessage, type ExcelRunner } from "./excel-runner";
import { insertTable } from "./insert-table";
import { refreshTables } from "./refresh-tables";
import { readRegistry, REGISTRY_KEY, toTracked, writeRegistry } from "./registry";

/** What the task pane can ask of Excel, over `Excel.run` (real or the in-memory stand-in). */
export function createExcelActions(runner: ExcelRunner, store: DatasetStore): ExcelActions {
  async function withRegistry<T>(what: string, use: (registry: ReturnType<typeof readRegistry>["registry"], context: Excel.RequestContext) => T, write = false): Promise<T> {
    try {
      return await runner.run(async (context) => {
        const setting = context.workbook.settings.getItemOrNullObject(REGISTRY_KEY);
        setting.load("value");
        await context.sync();
        const { registry } = readRegistry(setting.isNullObject ? undefined : setting.value);
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
    refresh: (names) => refreshTables(runner, store, names),
    listTracked: (): Promise<TrackedTable[]> => withRegistry("list the inserted tables", (registry) => registry.entries.map(toTracked)),
    getRefreshOnOpen: () => withRegistry("read the refresh setting", (registry) => registry.refreshOnOpen),
    setRefreshOnOpen: (on) =>
      withRegistry(
        "save the refresh setting",
        (registry) => {
          registry.refreshOnOpen = on;
        },
        true,
      ),
  };
}
