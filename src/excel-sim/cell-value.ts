/** What a cell can hold: text, a number or a boolean; "" is an empty cell. */
export type CellValue = string | number | boolean;

/** An Excel error value. Through the API it reads as its text ("#N/A"); `message` is what Excel shows on hover. */
export interface SimError {
  error: string;
  message?: string;
}

/** A cell's value after calculation. */
export type EvaluatedValue = CellValue | SimError;

export function isSimError(value: unknown): value is SimError {
  return typeof value === "object" && value !== null && typeof (value as SimError).error === "string";
}

/** Excel's error texts. */
export const EXCEL_ERRORS = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#BUSY!", "#FIELD!", "#CONNECT!", "#BLOCKED!", "#UNKNOWN!"] as const;

/** The plain value Office.js's `Range.values` gives for a cell: an error reads as its text. */
export function apiValue(value: EvaluatedValue): CellValue {
  return isSimError(value) ? value.error : value;
}

/** Office.js's `Range.valueTypes` entry for a cell. Excel reports every number as "Double". */
export function valueType(value: EvaluatedValue): "Empty" | "String" | "Double" | "Boolean" | "Error" {
  if (isSimError(value)) return "Error";
  if (value === "") return "Empty";
  if (typeof value === "number") return "Double";
  if (typeof value === "boolean") return "Boolean";
  return "String";
}
