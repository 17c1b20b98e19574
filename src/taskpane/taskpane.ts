// Task pane entry, loaded by taskpane.html after functions.js in the shared runtime. The only
// module of the pane with top-level side effects. It must not import ../functions/functions.ts
// (that would register every function twice); it reaches the functions' dataset through the
// shared store, which functions.js has created by the time this runs.
import type { ExcelActions } from "../excel/contracts";
import { createExcelActions } from "../excel/excel-actions";
import { t, uiLanguageOf, type StringKey } from "./i18n";
import { runningSharedStore } from "./running-store";
import { startTaskpane } from "./start-taskpane";

function show(root: HTMLElement, displayLanguage: string | undefined, key: StringKey, message = ""): void {
  const paragraph = document.createElement("p");
  paragraph.setAttribute("role", "alert");
  paragraph.textContent = t(uiLanguageOf(displayLanguage), key, { message });
  root.replaceChildren(paragraph);
}

/**
 * Refresh on open needs the add-in to load with the workbook: the shared runtime's startup
 * behaviour (SharedRuntime 1.1) follows the switch, so the pane's start-up code runs at open.
 */
function withStartupBehavior(actions: ExcelActions): ExcelActions {
  return {
    ...actions,
    async setRefreshOnOpen(on) {
      await actions.setRefreshOnOpen(on);
      if (Office.addin?.setStartupBehavior) {
        await Office.addin.setStartupBehavior(on ? Office.StartupBehavior.load : Office.StartupBehavior.none);
      }
    },
  };
}

Office.onReady((info) => {
  const root = document.getElementById("app");
  if (!root) return;
  // Outside Office, Office.context and Excel are missing; the pane then runs only in the simulator.
  const context = Office.context as Office.Context | undefined;
  const displayLanguage = context?.displayLanguage ?? (typeof navigator === "undefined" ? undefined : navigator.language);
  if (!info.host || typeof Excel === "undefined") {
    show(root, displayLanguage, "notInExcel");
    return;
  }
  const store = runningSharedStore();
  if (!store) {
    show(root, displayLanguage, "noDataset");
    return;
  }
  startTaskpane({ root, actions: withStartupBehavior(createExcelActions(Excel, store)), store, displayLanguage, theme: context?.officeTheme }).catch(
    (error: unknown) => show(root, displayLanguage, "startFailed", error instanceof Error ? error.message : String(error)),
  );
});
