import bundled from "../../data/ai-market-2026.json";
import { DatasetStore } from "../core/dataset-store";
import type { Dataset } from "../core/schema";
import { SHARED_STORE_KEY as KEY } from "./store-key";

/**
 * The one dataset store of the shared runtime. The functions bundle and the task pane bundle are
 * separate webpack entries with separate module instances, so a module-level singleton would give
 * each its own store; a well-known global gives them the same one. Whichever bundle runs first
 * creates it from the bundled dataset, which the test suite validates before every build. (On
 * taskpane.html functions.js always runs first; the pane only looks the store up.)
 */

type Holder = { [KEY]?: DatasetStore };

export function sharedStore(): DatasetStore {
  const holder = globalThis as unknown as Holder;
  return (holder[KEY] ??= new DatasetStore(bundled as unknown as Dataset));
}
