/**
 * An in-memory stand-in for Excel and the Office.js Excel API, for tests and the preview page.
 * See src/excel-sim/README.md for what is strict and what is simplified.
 */
export { AddressError, MAX_COLUMNS, MAX_ROWS, columnIndex, columnLetters, formatAddress, parseAddress, quoteSheetName, type RangeAddress } from "./address";
export { EXCEL_ERRORS, isSimError, type CellValue, type EvaluatedValue, type SimError } from "./cell-value";
export { SimOfficeError, isSimOfficeError, type SimDebugInfo, type SimErrorCode } from "./errors";
export { ErrorCodes, OfficeExtensionErrorCodes, createExcelApi, createOfficeExtensionApi, installSimExcel, type SimExcelApi } from "./excel-api";
export type { EvaluateResult, FormulaLocation } from "./recalculate";
export { SimRequestContext } from "./request-context";
export {
  SimWorkbook,
  type Evaluator,
  type SimCell,
  type SimCellEntry,
  type SimTableInfo,
  type SimWorkbookEvent,
  type SimWorkbookListener,
  type SimWorkbookOptions,
} from "./sim-workbook";
export type { SimWorkbookJson } from "./workbook-json";
export { simCharts, type SimChartInfo, type SimSeriesInfo, type TitleRun } from "./chart-model";
export { SimEventHandlerResult, SimEventHandlers, SimEventRegistry, type SimEventHandler } from "./sim-events";
