// PLACEHOLDER (issue 7, provenance helper replaces this file).
import type { DatasetStore } from "../core/dataset-store";
import type { ExcelRunner } from "./excel-runner";

/** What the active cell holds, as far as the add-in knows it. */
export interface SelectionInfo {
  /** Sheet-qualified address of the active cell. */
  address: string;
}

export function describeSelection(_runner: ExcelRunner, _store: DatasetStore): Promise<SelectionInfo> {
  return Promise.reject(new Error("describeSelection is not built yet"));
}

export function onSelectionChanged(_runner: ExcelRunner, _listener: () => void): Promise<() => Promise<void>> {
  return Promise.reject(new Error("onSelectionChanged is not built yet"));
}
