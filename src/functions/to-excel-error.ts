import { isAimarketError } from "../core/errors";

/**
 * The one mapping from core errors to what a cell shows: a bad argument is #VALUE!, a question
 * the data cannot answer is #N/A, each with its message (Excel shows messages for these two codes
 * only). Anything unexpected is #N/A with its message too, so nothing escapes a function.
 */
export function toExcelError(e: unknown): CustomFunctions.Error {
  if (isAimarketError(e) && e.code === "BAD_ARGUMENT") {
    return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, e.message);
  }
  if (isAimarketError(e)) return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, e.message);
  const message = e instanceof Error ? e.message : String(e);
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, `AIMARKET could not answer: ${message}`);
}
