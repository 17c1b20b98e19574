import type { DatasetStore } from "../core/dataset-store";

import { SHARED_STORE_KEY } from "../runtime/store-key";

/**
 * The shared runtime's dataset store as functions.js created it, without bundling a second copy
 * of the dataset into taskpane.js (src/runtime/shared-store.ts imports the dataset to create the
 * store; on taskpane.html functions.js always runs first and has done so).
 */

export function runningSharedStore(): DatasetStore | undefined {
  return (globalThis as unknown as Record<string, DatasetStore | undefined>)[SHARED_STORE_KEY];
}
