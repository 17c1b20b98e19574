import type { DatasetState } from "../core/dataset-store";
import { sharedStore } from "../runtime/shared-store";
import { toExcelError } from "./to-excel-error";

/** Answers once from the dataset in use; a core error becomes the matching Excel error. */
export function answerOnce<T>(compute: (state: DatasetState) => T): T | CustomFunctions.Error {
  try {
    return compute(sharedStore().current);
  } catch (e) {
    return toExcelError(e);
  }
}

/**
 * Delivers the answer now and again whenever the dataset in use changes, until Excel cancels the
 * cell (formula removed or changed, workbook closed), when the listener is released. An unchanged
 * scalar is not delivered again, so a refresh recalculates only the cells whose value moved.
 */
export function answerStreaming<T>(invocation: CustomFunctions.StreamingInvocation<T>, compute: (state: DatasetState) => T): void {
  const store = sharedStore();
  let last: unknown = undefined;
  const deliver = (state: DatasetState): void => {
    let result: T | CustomFunctions.Error;
    try {
      result = compute(state);
    } catch (e) {
      result = toExcelError(e);
    }
    if (isPrimitive(result) && isPrimitive(last) && Object.is(result, last)) return;
    last = result;
    invocation.setResult(result);
  };
  deliver(store.current);
  invocation.onCanceled = store.subscribe(deliver);
}

function isPrimitive(x: unknown): x is string | number | boolean {
  return typeof x === "string" || typeof x === "number" || typeof x === "boolean";
}
