import { DatasetStore } from "../../src/core/dataset-store";
import type { Dataset } from "../../src/core/schema";
import type { ExcelActions } from "../../src/excel/contracts";
import { createExcelActions } from "../../src/excel/excel-actions";
import type { ExcelRunner } from "../../src/excel/excel-runner";
import { createExcelApi, SimWorkbook } from "../../src/excel-sim";
import { evaluateAimarketFormula } from "../../src/preview/aimarket-evaluator";
import { bundledDataset } from "./bundled-dataset";

/** A workbook in the Excel stand-in whose AIMARKET formulas answer from `store`, and the actions over it. */
export interface SimSetup {
  store: DatasetStore;
  workbook: SimWorkbook;
  actions: ExcelActions;
  /** Round trips the last `measure` call made. */
  measure<T>(action: () => Promise<T>): Promise<{ result: T; syncs: number }>;
  reopen(): SimSetup;
}

export function simSetup(dataset: Dataset = bundledDataset(), workbook?: SimWorkbook, store?: DatasetStore): SimSetup {
  const theStore = store ?? new DatasetStore(dataset);
  const options = { evaluate: (formula: string) => evaluateAimarketFormula(formula, theStore.current) };
  const wb = workbook ?? new SimWorkbook(options);
  theStore.subscribe(() => wb.recalculate());
  const actions = createExcelActions(createExcelApi(wb) as unknown as ExcelRunner, theStore);
  return {
    store: theStore,
    workbook: wb,
    actions,
    async measure(action) {
      const before = wb.syncCount;
      const result = await action();
      return { result, syncs: wb.syncCount - before };
    },
    reopen() {
      return simSetup(dataset, SimWorkbook.fromJSON(JSON.parse(JSON.stringify(wb.toJSON())), options), theStore);
    },
  };
}

/** The bundled dataset with a few figures changed and the version raised, as a revised feed would be. */
export function revisedDataset(change: (d: Dataset) => void = () => {}): Dataset {
  const next = structuredClone(bundledDataset());
  next.meta.version = "1.1.0";
  next.figures.find((f) => f.id === "openai.revenue.2026")!.value = 340;
  next.figures.find((f) => f.id === "anthropic.revenue.2026")!.high = 280;
  change(next);
  return next;
}
