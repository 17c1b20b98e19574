import type { EvaluatedValue, EvaluateResult } from "../../src/excel-sim";
import { shown, simExcel } from "./sim-test-kit";

/** A tiny evaluator: =N(x) is x, =NA() an error, =GRID(r,c) an r x c array of r*10+c, =THROW() throws. */
function evaluate(formula: string): EvaluateResult {
  const n = /^=N\((.*)\)$/.exec(formula);
  if (n) return Number(n[1]);
  if (formula === "=NA()") return { error: "#N/A", message: "No figure for that year." };
  if (formula === "=THROW()") throw new Error("evaluator failed");
  const grid = /^=GRID\((\d+),(\d+)\)$/.exec(formula);
  if (grid) return [...Array(Number(grid[1])).keys()].map((r) => [...Array(Number(grid[2])).keys()].map((c) => (r + 1) * 10 + c + 1));
  if (formula === "=EMPTY()") return [];
  return { error: "#NAME?" };
}

describe("formula values", () => {
  test("without an evaluator a formula's value is empty", () => {
    const { wb } = simExcel();
    wb.setCell("A1", "=N(5)");
    expect(wb.getCell("A1")).toEqual(expect.objectContaining({ value: "", formula: "=N(5)" }));
  });

  test("the evaluator's results show as values; errors read as their text through the API", async () => {
    const { wb, Excel } = simExcel({ evaluate });
    const result = await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getActiveWorksheet().getRange("A1:C1");
      range.formulas = [["=N(5)", "=NA()", "=THROW()"]];
      range.load("values, valueTypes, text, formulas");
      await context.sync();
      return [range.values, range.valueTypes, range.text, range.formulas];
    });
    expect(result).toEqual([[[5, "#N/A", "#VALUE!"]], [["Double", "Error", "Error"]], [["5", "#N/A", "#VALUE!"]], [["=N(5)", "=NA()", "=THROW()"]]]);
    expect(wb.getCell("B1").value).toEqual({ error: "#N/A", message: "No figure for that year." });
    expect(wb.getCell("C1").value).toEqual({ error: "#VALUE!", message: "evaluator failed" });
  });

  test("the evaluator gets the workbook and the cell", () => {
    const seen: unknown[] = [];
    const { wb } = simExcel({ evaluate: (formula, workbook, location) => (seen.push([formula, workbook.activeSheetName, location]), 1) });
    wb.setCell("C3", "=X()");
    expect(seen.at(-1)).toEqual(["=X()", "Sheet1", { sheet: "Sheet1", address: "C3", row: 2, column: 2 }]);
  });

  test("every sync that carries work recalculates, even one that only loads", async () => {
    let answer: EvaluatedValue = 1;
    const { wb, Excel } = simExcel({ evaluate: () => answer });
    wb.setCell("A1", "=LIVE()");
    answer = 2;
    const seen = await Excel.run(async (context) => {
      const cell = context.workbook.worksheets.getActiveWorksheet().getRange("A1");
      cell.load("values");
      await context.sync();
      return cell.values;
    });
    expect(seen).toEqual([[2]]);
  });

  test("recalculate() asks the evaluator again", () => {
    let answer: EvaluatedValue = 1;
    const { wb } = simExcel({ evaluate: () => answer });
    wb.setCell("A1", "=LIVE()");
    answer = 2;
    expect(wb.getCell("A1").value).toBe(1);
    wb.recalculate();
    expect(wb.getCell("A1").value).toBe(2);
  });
});

describe("spills", () => {
  test("a 2-D result spills right and down; the spilled cells hold values only", async () => {
    const { wb, Excel } = simExcel({ evaluate });
    const result = await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.getRange("B2").formulas = [["=GRID(2,3)"]];
      const area = sheet.getRange("B2:D3");
      area.load("values, formulas");
      const spill = sheet.getRange("B2").getSpillingToRangeOrNullObject();
      spill.load("address");
      const parent = sheet.getRange("D3").getSpillParentOrNullObject();
      parent.load("address");
      await context.sync();
      return [area.values, area.formulas, spill.address, parent.address];
    });
    expect(result).toEqual([
      [
        [11, 12, 13],
        [21, 22, 23],
      ],
      [
        ["=GRID(2,3)", 12, 13],
        [21, 22, 23],
      ],
      "Sheet1!B2:D3",
      "Sheet1!B2",
    ]);
    expect([wb.getCell("C2").spilled, wb.getCell("C2").formula, wb.usedRange()]).toEqual([true, undefined, "Sheet1!B2:D3"]);
  });

  test.each<[string, (wb: ReturnType<typeof simExcel>["wb"]) => void, string]>([
    ["a value in the way", (wb) => wb.setCell("C3", "x"), "Spill range isn't blank."],
    ["a table in the way", (wb) => wb.setCell("A1", "x"), "Spill range in table."],
    ["the sheet's edge", () => undefined, "Spill range extends beyond the edge of the worksheet."],
  ])("#SPILL! when blocked by %s", async (name, setup, message) => {
    const { wb, Excel } = simExcel({ evaluate });
    setup(wb);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      if (name === "a table in the way") sheet.tables.add("C3:D4", true);
      const at = name === "the sheet's edge" ? "XFD1" : "B2";
      sheet.getRange(at).formulas = [["=GRID(2,2)"]];
      await context.sync();
      const anchor = name === "the sheet's edge" ? "XFD1" : "B2";
      expect(wb.getCell(anchor).value).toEqual({ error: "#SPILL!", message });
    });
  });

  test("a formula inside a table cannot spill", () => {
    const { wb, Excel } = simExcel({ evaluate });
    return Excel.run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().tables.add("A1:C5", true);
      context.workbook.worksheets.getActiveWorksheet().getRange("A2").formulas = [["=GRID(2,2)"]];
      await context.sync();
      expect(wb.getCell("A2").value).toEqual({ error: "#SPILL!", message: "Spill range in table." });
    });
  });

  test("a 1x1 array is a plain value; an empty array is #CALC!", () => {
    const { wb } = simExcel({ evaluate });
    wb.setCell("A1", "=GRID(1,1)");
    wb.setCell("A2", "=EMPTY()");
    expect([wb.getCell("A1").value, wb.getCell("A2").value]).toEqual([11, { error: "#CALC!", message: "Empty arrays are not supported." }]);
  });

  test("the user typing into a spill blocks it; clearing unblocks it; changing the anchor clears the spill", () => {
    const { wb } = simExcel({ evaluate });
    wb.setCell("A1", "=GRID(2,1)");
    expect(shown(wb, "A1:A2")).toEqual([[11], [21]]);
    wb.setCell("A2", "mine");
    expect(shown(wb, "A1:A2")).toEqual([["#SPILL!"], ["mine"]]);
    wb.clearCell("A2");
    expect(shown(wb, "A1:A2")).toEqual([[11], [21]]);
    wb.setCell("A1", "=N(1)");
    expect(shown(wb, "A1:A2")).toEqual([[1], [""]]);
  });

  test("of two spills that would overlap, the one whose anchor comes first (row by row) wins", () => {
    const { wb } = simExcel({ evaluate });
    wb.setCell("A2", "=GRID(1,2)");
    wb.setCell("B1", "=GRID(3,1)");
    expect(shown(wb, "A1:B3")).toEqual([
      ["", 11],
      ["#SPILL!", 21],
      ["", 31],
    ]);
  });

  test("a later anchor overlapping an earlier spill shows #SPILL!", () => {
    const { wb } = simExcel({ evaluate });
    wb.setCell("A1", "=GRID(3,1)");
    wb.setCell("B1", "=GRID(1,1)");
    wb.setCell("B2", "=GRID(1,1)");
    expect(shown(wb, "A1:A3")).toEqual([[11], [21], [31]]);
    wb.setCell("C1", "=GRID(3,1)");
    wb.setCell("C2", "=N(0)");
    expect(shown(wb, "C1:C2")).toEqual([["#SPILL!"], [0]]);
  });
});
