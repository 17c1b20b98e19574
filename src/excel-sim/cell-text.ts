import { isSimError, type EvaluatedValue } from "./cell-value";
import { serialDate } from "./cell-input";

const FIXED = /^(#,##)?0(\.(0+))?(%)?$/;

/**
 * The text Excel displays for a value under a number format (Office.js `Range.text`). Understood
 * formats: General, "@", "0", "0.00", "#,##0", "#,##0.00", "0%", "0.0%", date formats made of
 * d/m/y parts. Anything else is shown as General. General shows up to 10 significant digits and
 * switches to scientific notation from 1E+11 (Excel's column-width-dependent rounding is not modelled).
 */
export function formatCellText(value: EvaluatedValue, numberFormat: string): string {
  if (isSimError(value)) return value.error;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  const fixed = FIXED.exec(numberFormat);
  if (fixed) {
    const decimals = fixed[3]?.length ?? 0;
    const percent = fixed[4] === "%";
    const n = percent ? value * 100 : value;
    let text = n.toFixed(decimals);
    if (fixed[1]) {
      const [int, frac] = text.split(".");
      text = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (frac === undefined ? "" : `.${frac}`);
    }
    return percent ? `${text}%` : text;
  }
  if (/^[dmy]+([/\-.][dmy]+)+$/i.test(numberFormat)) {
    const date = serialDate(value);
    if (date) return formatDate(date, numberFormat);
  }
  return generalText(value);
}

function formatDate(date: { year: number; month: number; day: number }, format: string): string {
  return format.replace(/y+|m+|d+/gi, (part) => {
    const p = part.toLowerCase();
    if (p.startsWith("y")) return p.length <= 2 ? String(date.year).slice(-2) : String(date.year);
    const n = p.startsWith("m") ? date.month : date.day;
    return p.length >= 2 ? String(n).padStart(2, "0") : String(n);
  });
}

function generalText(n: number): string {
  if (n === 0) return "0";
  const abs = Math.abs(n);
  if (abs >= 1e11 || abs < 1e-5) {
    const [mantissa, exp] = n.toExponential(5).split("e");
    const m = mantissa!.replace(/\.?0+$/, "");
    const e = Number(exp);
    return `${m}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  return String(Number(n.toPrecision(10)));
}
