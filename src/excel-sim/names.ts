import { MAX_COLUMNS, MAX_ROWS } from "./address";
import { simError } from "./errors";

/**
 * Excel's naming rules. Table names (support.microsoft.com "Rename an Excel table"): start with a
 * letter, an underscore or a backslash; then letters, digits, periods and underscores; at most 255
 * characters; not "C", "c", "R" or "r"; not a cell reference (A1 or R1C1 style); unique in the
 * workbook, ignoring case. Sheet names: 1 to 31 characters, none of : \ / ? * [ ], not starting or
 * ending with an apostrophe, not "History", unique ignoring case.
 */
export function checkTableName(name: unknown, taken: readonly string[], location: string): string {
  if (typeof name !== "string" || name === "") throw simError("InvalidArgument", "A table name cannot be empty.", location);
  const quoted = JSON.stringify(name);
  if (name.length > 255) throw simError("InvalidArgument", `Table name ${quoted} is longer than 255 characters.`, location);
  if (!/^[\p{L}_\\]/u.test(name)) {
    throw simError("InvalidArgument", `Table name ${quoted} must start with a letter, an underscore or a backslash.`, location);
  }
  if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name)) {
    throw simError("InvalidArgument", `Table name ${quoted} may contain only letters, digits, periods and underscores (no spaces).`, location);
  }
  if (looksLikeCellReference(name)) {
    throw simError("InvalidArgument", `Table name ${quoted} cannot be used because it looks like a cell reference.`, location);
  }
  const lower = name.toLowerCase();
  if (taken.some((t) => t.toLowerCase() === lower)) {
    throw simError("InvalidArgument", `Table name ${quoted} is already used in this workbook; table names must be unique, ignoring case.`, location);
  }
  return name;
}

function looksLikeCellReference(name: string): boolean {
  if (/^[RrCc]$/.test(name)) return true;
  const a1 = /^([A-Za-z]{1,3})(\d+)$/.exec(name);
  if (a1) {
    let col = 0;
    for (const ch of a1[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
    const row = Number(a1[2]);
    if (col <= MAX_COLUMNS && row >= 1 && row <= MAX_ROWS) return true;
  }
  return /^[Rr]\d+([Cc]\d*)?$/.test(name) || /^[Rr]\d*[Cc]\d+$/.test(name) || /^[Cc]\d+$/.test(name);
}

export function checkSheetName(name: unknown, taken: readonly string[], location: string): string {
  if (typeof name !== "string" || name.trim() === "") throw simError("InvalidArgument", "A sheet name cannot be blank.", location);
  const quoted = JSON.stringify(name);
  if (name.length > 31) throw simError("InvalidArgument", `Sheet name ${quoted} is longer than 31 characters.`, location);
  if (/[:\\/?*[\]]/.test(name)) throw simError("InvalidArgument", `Sheet name ${quoted} contains one of the characters : \\ / ? * [ ].`, location);
  if (name.startsWith("'") || name.endsWith("'")) {
    throw simError("InvalidArgument", `Sheet name ${quoted} cannot begin or end with an apostrophe.`, location);
  }
  if (name.toLowerCase() === "history") throw simError("InvalidArgument", `Sheet name ${quoted} is reserved by Excel.`, location);
  const lower = name.toLowerCase();
  if (taken.some((t) => t.toLowerCase() === lower)) {
    throw simError("ItemAlreadyExists", `There is already a sheet named ${quoted}.`, location);
  }
  return name;
}
