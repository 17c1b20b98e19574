import { SimWorkbook, createExcelApi, type SimWorkbookOptions } from "../../src/excel-sim";

/** A fresh workbook and an `Excel` namespace over it, typed as the real Office.js one. */
export function simExcel(options: SimWorkbookOptions = {}): { wb: SimWorkbook; Excel: typeof Excel } {
  const wb = new SimWorkbook(options);
  return { wb, Excel: createExcelApi(wb) as unknown as typeof Excel };
}

/** Rows of a range as the user sees them (errors as their text). */
export function shown(wb: SimWorkbook, address: string): unknown[][] {
  return wb.getValues(address).map((row) => row.map((v) => (typeof v === "object" ? v.error : v)));
}
