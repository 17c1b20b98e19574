/**
 * Errors shaped like Office.js's `OfficeExtension.Error` (name "RichApi.Error", a `code`, a
 * `debugInfo` with the failing location), so writer code that inspects `code` or `debugInfo`
 * behaves as it would in Excel. Where Excel's English message is known it is used verbatim;
 * otherwise Excel's generic sentence for the code comes first and the stand-in adds one sentence
 * saying what exactly was wrong. Code should branch on `code`, never on the message (Excel
 * translates messages).
 */
export type SimErrorCode =
  | "InvalidArgument"
  | "InvalidOperation"
  | "InvalidReference"
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "NotImplemented"
  | "GeneralException"
  | "PropertyNotLoaded"
  | "ValueNotLoaded"
  | "InvalidObjectPath"
  | "InvalidRequestContext"
  | "RunMustReturnPromise"
  | "RangeExceedsLimit"
  | "InsertDeleteConflict"
  | "NonBlankCellOffSheet"
  | "ResponsePayloadSizeLimitExceeded";

export interface SimDebugInfo {
  code: string;
  message: string;
  /** "Type.member" of the queued operation that failed, as Excel reports it (e.g. "Range.values"). */
  errorLocation?: string;
}

export class SimOfficeError extends Error {
  readonly code: SimErrorCode;
  readonly debugInfo: SimDebugInfo;
  readonly traceMessages: string[] = [];
  readonly innerError: null = null;

  constructor(code: SimErrorCode, message: string, errorLocation?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = errorLocation === undefined ? { code, message } : { code, message, errorLocation };
  }
}

export function isSimOfficeError(e: unknown): e is SimOfficeError {
  return e instanceof SimOfficeError;
}

const GENERIC: Partial<Record<SimErrorCode, string>> = {
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  InvalidOperation: "The operation is invalid for the object.",
  ItemNotFound: "The requested resource doesn't exist.",
  ItemAlreadyExists: "A resource with the same name or identifier already exists.",
  NotImplemented: "The requested feature isn't implemented.",
  InvalidReference: "This reference isn't valid for the current operation.",
};

/** Excel's generic sentence for `code`, followed by the stand-in's specific reason. */
export function simError(code: SimErrorCode, detail: string, errorLocation?: string): SimOfficeError {
  const generic = GENERIC[code];
  return new SimOfficeError(code, generic ? `${generic} ${detail}` : detail, errorLocation);
}

export function propertyNotLoaded(property: string, typeName: string): SimOfficeError {
  return new SimOfficeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${typeName}.${property}`,
  );
}

export function valueNotLoaded(): SimOfficeError {
  return new SimOfficeError(
    "ValueNotLoaded",
    'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
  );
}

export function shapeMismatch(errorLocation: string): SimOfficeError {
  return new SimOfficeError(
    "InvalidArgument",
    "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
    errorLocation,
  );
}

export function tableOverlap(errorLocation: string): SimOfficeError {
  return new SimOfficeError("InvalidArgument", "A table can't overlap another table.", errorLocation);
}

export function invalidObjectPath(typeName: string): SimOfficeError {
  return new SimOfficeError(
    "InvalidObjectPath",
    `The object path '${typeName}' isn't working for what you're trying to do. If you're using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object's lifetime.`,
  );
}

export function crossContext(): SimOfficeError {
  return new SimOfficeError("InvalidRequestContext", "Cannot use the object across different request contexts.");
}

export function runMustReturnPromise(): SimOfficeError {
  return new SimOfficeError(
    "RunMustReturnPromise",
    'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation.',
  );
}
