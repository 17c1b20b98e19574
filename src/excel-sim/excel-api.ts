import { SimOfficeError, runMustReturnPromise, simError } from "./errors";
import { SimRequestContext } from "./request-context";
import type { SimWorkbook } from "./sim-workbook";

/** The part of Office.js's `Excel.ErrorCodes` a writer may compare `error.code` with. */
export const ErrorCodes = {
  accessDenied: "AccessDenied",
  apiNotFound: "ApiNotFound",
  generalException: "GeneralException",
  insertDeleteConflict: "InsertDeleteConflict",
  invalidArgument: "InvalidArgument",
  invalidOperation: "InvalidOperation",
  invalidReference: "InvalidReference",
  itemAlreadyExists: "ItemAlreadyExists",
  itemNotFound: "ItemNotFound",
  nonBlankCellOffSheet: "NonBlankCellOffSheet",
  notImplemented: "NotImplemented",
  rangeExceedsLimit: "RangeExceedsLimit",
  responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
  unsupportedOperation: "UnsupportedOperation",
} as const;

/** Office.js's OfficeExtension.ErrorCodes (the runtime's own codes). */
export const OfficeExtensionErrorCodes = {
  generalException: "GeneralException",
  invalidArgument: "InvalidArgument",
  invalidObjectPath: "InvalidObjectPath",
  invalidRequestContext: "InvalidRequestContext",
  propertyNotLoaded: "PropertyNotLoaded",
  runMustReturnPromise: "RunMustReturnPromise",
  valueNotLoaded: "ValueNotLoaded",
} as const;

const HorizontalAlignment = { general: "General", left: "Left", center: "Center", right: "Right", fill: "Fill", justify: "Justify", centerAcrossSelection: "CenterAcrossSelection", distributed: "Distributed" } as const;
const ClearApplyTo = { all: "All", formats: "Formats", contents: "Contents", hyperlinks: "Hyperlinks", removeHyperlinks: "RemoveHyperlinks", resetContents: "ResetContents" } as const;
const RangeValueType = { unknown: "Unknown", empty: "Empty", string: "String", integer: "Integer", double: "Double", boolean: "Boolean", error: "Error", richValue: "RichValue" } as const;
const CalculationMode = { automatic: "Automatic", automaticExceptTables: "AutomaticExceptTables", manual: "Manual" } as const;
const CalculationType = { recalculate: "Recalculate", full: "Full", fullRebuild: "FullRebuild" } as const;

export type Batch<T> = (context: SimRequestContext) => Promise<T>;

/** The stand-in for the global `Excel` namespace: `run` plus the enums a writer uses. */
export interface SimExcelApi {
  run<T>(batch: Batch<T>): Promise<T>;
  run<T>(options: object, batch: Batch<T>): Promise<T>;
  readonly ErrorCodes: typeof ErrorCodes;
  readonly HorizontalAlignment: typeof HorizontalAlignment;
  readonly ClearApplyTo: typeof ClearApplyTo;
  readonly RangeValueType: typeof RangeValueType;
  readonly CalculationMode: typeof CalculationMode;
  readonly CalculationType: typeof CalculationType;
  readonly RequestContext: typeof SimRequestContext;
}

/**
 * `Excel.run` against `workbook`: a fresh request context per batch; the batch must return a
 * promise; what it leaves queued is sent in one last sync (a round trip, as in Excel); the run
 * rejects with the batch's error; afterwards its proxies cannot queue anything (InvalidObjectPath).
 * Passing objects from an earlier run (`Excel.run(object, batch)`) is not supported.
 */
export function createExcelApi(workbook: SimWorkbook): SimExcelApi {
  async function run<T>(first: Batch<T> | object, second?: Batch<T>): Promise<T> {
    const batch = typeof first === "function" ? (first as Batch<T>) : second;
    if (typeof batch !== "function") throw simError("InvalidArgument", "Excel.run needs a batch function.", "Excel.run");
    if (typeof first !== "function" && (Array.isArray(first) || "_context" in first || "previousObjects" in first)) {
      throw simError("NotImplemented", "The Excel stand-in cannot pass objects from one Excel.run to another.", "Excel.run");
    }
    const context = new SimRequestContext(workbook);
    try {
      const pending = batch(context) as unknown;
      if (!pending || typeof (pending as Promise<T>).then !== "function") throw runMustReturnPromise();
      const result = await (pending as Promise<T>);
      if (context._pending > 0) await context.sync();
      return result;
    } finally {
      context._close();
    }
  }
  return {
    run: run as SimExcelApi["run"],
    ErrorCodes,
    HorizontalAlignment,
    ClearApplyTo,
    RangeValueType,
    CalculationMode,
    CalculationType,
    RequestContext: SimRequestContext,
  };
}

/** The stand-in for the global `OfficeExtension` namespace: `instanceof OfficeExtension.Error` works on the stand-in's errors. */
export function createOfficeExtensionApi(): { Error: typeof SimOfficeError; ErrorCodes: typeof OfficeExtensionErrorCodes } {
  return { Error: SimOfficeError, ErrorCodes: OfficeExtensionErrorCodes };
}

/**
 * Sets `Excel` and `OfficeExtension` on `target` (globalThis by default) for code written against
 * the real globals; the returned function restores what was there.
 */
export function installSimExcel(workbook: SimWorkbook, target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): () => void {
  const previous = { Excel: target.Excel, OfficeExtension: target.OfficeExtension };
  const had = { Excel: "Excel" in target, OfficeExtension: "OfficeExtension" in target };
  target.Excel = createExcelApi(workbook);
  target.OfficeExtension = createOfficeExtensionApi();
  return () => {
    for (const key of ["Excel", "OfficeExtension"] as const) {
      if (had[key]) target[key] = previous[key];
      else delete target[key];
    }
  };
}
