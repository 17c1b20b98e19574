import type { Cell } from "../core/build-table";

/**
 * Whether a cell still holds what the add-in wrote there, given the input form it wrote (a
 * formula, apostrophe-prefixed text, or a plain value) and what Excel reports now.
 */
export function stillWritten(written: Cell | undefined, value: unknown, formula: unknown): boolean {
  if (written === undefined) return isEmpty(value, formula);
  if (typeof written === "string" && written.startsWith("=")) return formula === written;
  if (typeof written === "string" && written.startsWith("'")) return value === written.slice(1);
  return value === written;
}

export function isEmpty(value: unknown, formula: unknown): boolean {
  return (value === "" || value === null || value === undefined) && (formula === "" || formula === null || formula === undefined);
}
