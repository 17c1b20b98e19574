import { cellError } from "../core/function-calls";

/**
 * Core's cellError as Excel's error object (Excel shows messages for #VALUE! and #N/A only), so
 * nothing escapes a function.
 */
export function toExcelError(e: unknown): CustomFunctions.Error {
  const { shows, message } = cellError(e);
  return new CustomFunctions.Error(shows === "#VALUE!" ? CustomFunctions.ErrorCode.invalidValue : CustomFunctions.ErrorCode.notAvailable, message);
}
