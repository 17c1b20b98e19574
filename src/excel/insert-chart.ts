// PLACEHOLDER (issue 7, charts helper replaces this file).
import type { DatasetStore } from "../core/dataset-store";
import type { InsertChartRequest, InsertChartResult } from "./contracts";
import type { ExcelRunner } from "./excel-runner";

export function insertChart(_runner: ExcelRunner, _store: DatasetStore, _request: InsertChartRequest): Promise<InsertChartResult> {
  return Promise.reject(new Error("insertChart is not built yet"));
}
