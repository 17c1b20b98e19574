import { toExcelInput } from "./plan-table";

/** Writes the source line into `cell`: as text, in the quiet italic grey of a caption. */
export function writeSourceLine(cell: Excel.Range, text: string): void {
  cell.values = [[toExcelInput(text)]];
  cell.format.font.italic = true;
  cell.format.font.color = "#605E5C";
}
