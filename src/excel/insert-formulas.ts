// PLACEHOLDER (issue 7, formula-builder helper replaces this file).
import type { InsertFormulasRequest, InsertFormulasResult } from "./contracts";
import type { ExcelRunner } from "./excel-runner";

export function insertFormulas(_runner: ExcelRunner, _request: InsertFormulasRequest): Promise<InsertFormulasResult> {
  return Promise.reject(new Error("insertFormulas is not built yet"));
}
