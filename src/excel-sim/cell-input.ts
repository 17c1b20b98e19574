import { simError } from "./errors";
import type { CellValue } from "./cell-value";

/** What one entry written through `values`/`formulas` (or typed by the user) leaves in a cell. */
export type CellInput =
  | { kind: "clear" }
  | { kind: "value"; value: CellValue; numberFormat?: string }
  | { kind: "formula"; formula: string };

const NUMBER = /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i;
const PERCENT = /^\s*([+-]?(\d+\.?\d*|\.\d+))\s*%\s*$/;
const GROUPED = /^\s*[+-]?\d{1,3}(,\d{3})+(\.\d*)?\s*$/;
const ISO_DATE = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/;

/**
 * Reads one written entry the way Excel reads typed input: "=..." is a formula, and so is text
 * starting with "+" or "-" that is not a number (Office.js documents this for `values`); a leading
 * apostrophe keeps the rest as text; numeric text becomes a number, "12%" 0.12, "1,234" 1234,
 * "TRUE"/"FALSE" booleans and "2026-02-22" a date serial, each with the number format Excel would
 * give a General cell. A cell formatted as text ("@") keeps strings as written. `null` (and
 * `undefined`) mean "leave this cell as it is", as in Office.js. Returns undefined for that case.
 */
export function interpretInput(input: unknown, cellFormat: string, location: string): CellInput | undefined {
  if (input === null || input === undefined) return undefined;
  if (typeof input === "boolean") return { kind: "value", value: input };
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw simError("InvalidArgument", `${String(input)} cannot be written to a cell.`, location);
    return { kind: "value", value: input };
  }
  if (typeof input !== "string") {
    const what = input instanceof Date ? "a Date (write a date serial number or an ISO date string)" : `a value of type ${typeof input}`;
    throw simError("InvalidArgument", `A cell cannot hold ${what}.`, location);
  }
  if (input === "") return { kind: "clear" };
  if (input.startsWith("'")) return { kind: "value", value: input.slice(1) };
  if (cellFormat === "@") return { kind: "value", value: input };
  if (input.startsWith("=")) return { kind: "formula", formula: input };
  const general = cellFormat === "General";
  if (NUMBER.test(input)) {
    const n = Number(input.trim());
    if (Number.isFinite(n)) return { kind: "value", value: n };
  }
  const pct = PERCENT.exec(input);
  if (pct) {
    const digits = pct[1]!;
    const n = Number(digits) / 100;
    if (Number.isFinite(n)) return general ? { kind: "value", value: n, numberFormat: digits.includes(".") ? "0.00%" : "0%" } : { kind: "value", value: n };
  }
  if (GROUPED.test(input)) {
    const text = input.trim().replace(/,/g, "");
    const n = Number(text);
    return general ? { kind: "value", value: n, numberFormat: text.includes(".") ? "#,##0.00" : "#,##0" } : { kind: "value", value: n };
  }
  const upper = input.trim().toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return { kind: "value", value: upper === "TRUE" };
  const date = ISO_DATE.exec(input);
  if (date) {
    const serial = dateSerial(Number(date[1]), Number(date[2]), Number(date[3]));
    if (serial !== undefined) return general ? { kind: "value", value: serial, numberFormat: "m/d/yyyy" } : { kind: "value", value: serial };
  }
  if ((input.startsWith("+") || input.startsWith("-")) && input.length > 1) return { kind: "formula", formula: `=${input}` };
  return { kind: "value", value: input };
}

/** Excel's 1900 date system: 1900-03-01 is 61 (Excel counts the non-existent 1900-02-29). */
export function dateSerial(year: number, month: number, day: number): number | undefined {
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 9999) return undefined;
  const utc = Date.UTC(year, month - 1, day);
  const check = new Date(utc);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  const days = Math.round((utc - Date.UTC(1899, 11, 31)) / 86_400_000);
  return days >= 60 ? days + 1 : days;
}

/** The calendar date of an Excel serial (1900 date system), or undefined when it has none. */
export function serialDate(serial: number): { year: number; month: number; day: number } | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) return undefined;
  const whole = Math.floor(serial);
  if (whole === 60) return { year: 1900, month: 2, day: 29 };
  const days = whole > 60 ? whole - 1 : whole;
  const d = new Date(Date.UTC(1899, 11, 31) + days * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
