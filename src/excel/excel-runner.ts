/**
 * The one thing src/excel needs of Office.js: `Excel.run`. The real global satisfies it, and so
 * does the in-memory stand-in used by the tests and the preview page.
 */
export interface ExcelRunner {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/** One sentence from whatever Excel rejected a batch with. */
export function excelMessage(e: unknown): string {
  if (e && typeof e === "object" && "message" in e && typeof (e as { message: unknown }).message === "string") {
    return (e as { message: string }).message;
  }
  return String(e);
}
