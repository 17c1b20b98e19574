// Task pane entry. Minimal until the task-pane issue: it says whether Excel started it and which
// dataset the shared runtime holds. It must not import ../functions/functions.ts (that would
// register every function twice); it reaches the functions' dataset through the shared store.
import type { DatasetState } from "../core/dataset-store";
import { sharedStore } from "../runtime/shared-store";

const store = sharedStore();

function showDataset(state: DatasetState): void {
  const element = document.getElementById("dataset");
  if (!element) return;
  const { meta, figures, tables } = state.index.dataset;
  element.textContent = `Dataset ${meta.id} v${state.version}: ${figures.length} figures, ${tables.length} tables, as of ${meta.asOf}.`;
}

Office.onReady((info) => {
  showDataset(store.current);
  store.subscribe(showDataset);
  const status = document.getElementById("status");
  if (!status) return;
  status.textContent = info.host
    ? `Running in ${info.host}. Type =AIMARKET. in a cell to see the functions.`
    : "Not running inside Excel: sideload manifest.xml to use the add-in.";
});
