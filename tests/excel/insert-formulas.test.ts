/**
 * src/excel/insert-formulas.ts against the Excel stand-in: formulas from the active cell down, the
 * values the stand-in computes for them, the refusals that leave the sheet as it was, and the
 * round trips.
 */
import { buildFormula } from "../../src/core/formula-text";
import { evaluateAimarketFormula } from "../../src/preview/aimarket-evaluator";
import { simSetup } from "../helpers/sim-setup";

const snapshot = (s: ReturnType<typeof simSetup>) => JSON.stringify(s.workbook.toJSON());

test("one formula goes into the active cell, in two round trips, and the cell shows its value", async () => {
  const s = simSetup();
  s.workbook.select("C3");
  const formula = buildFormula(s.store.current.index, { entity: "anthropic", metric: "revenue", year: 2026, scale: "B", bound: "low" });
  expect(formula).toBe('=AIMARKET.REVENUE("Anthropic",2026,,"B","low")');
  const { result, syncs } = await s.measure(() => s.actions.insertFormulas({ formulas: [formula] }));
  expect(result).toEqual({ address: "Sheet1!C3" });
  expect(syncs).toBe(2);
  expect(s.workbook.getCell("C3")).toMatchObject({ formula, value: 24 });
});

test("a column of formulas fills down from the active cell, one per row, each with its value", async () => {
  const s = simSetup();
  const index = s.store.current.index;
  s.workbook.setCell("E1", "keep me");
  s.workbook.select("E2");
  const formulas = [
    buildFormula(index, { entity: "openai", metric: "mau", scale: "亿" }),
    buildFormula(index, { entity: "bytedance", metric: "mau", scale: "亿" }),
    buildFormula(index, { entity: "alibaba", metric: "mau", scale: "亿" }),
    '=AIMARKET.METRIC("月之暗面Kimi 2.5","total_params",,,"亿")',
  ];
  const { result, syncs } = await s.measure(() => s.actions.insertFormulas({ formulas }));
  expect(result).toEqual({ address: "Sheet1!E2:E5" });
  expect(syncs).toBe(2);
  expect(s.workbook.getValues("E1:E5")).toEqual([["keep me"], [7.5], [6.8], [4.2], [10000]]);
  formulas.forEach((f, i) => {
    expect(s.workbook.getCell(`E${i + 2}`).formula).toBe(f);
    expect(s.workbook.getCell(`E${i + 2}`).value).toEqual(evaluateAimarketFormula(f, s.store.current));
  });
  expect(s.workbook.getCell("E6").formula).toBeUndefined();
});

test("a formula the data cannot answer is written and shows the function's error", async () => {
  const s = simSetup();
  s.workbook.select("A1");
  await s.actions.insertFormulas({ formulas: ['=AIMARKET.REVENUE("OpenAI",2025)'] });
  expect(s.workbook.getCell("A1").value).toEqual({
    error: "#N/A",
    message: `The report gives OpenAI's "revenue" for 2026 only, not for 2025. Leave the year empty for the latest.`,
  });
});

describe("refusals write nothing", () => {
  test.each([
    ["a value", "B4", "42", 'Nothing was written: Sheet1!B4 is not empty. Select a cell with 3 empty cells from it down, or clear that cell.'],
    ["a formula", "B3", '=AIMARKET.INFO("version")', 'Nothing was written: Sheet1!B3 is not empty. Select a cell with 3 empty cells from it down, or clear that cell.'],
    ["text", "B2", "'note", 'Nothing was written: Sheet1!B2 is not empty. Select a cell with 3 empty cells from it down, or clear that cell.'],
  ])("over %s", async (_what, address, input, message) => {
    const s = simSetup();
    s.workbook.setCell(address, input);
    s.workbook.select("B2");
    const before = snapshot(s);
    const { syncs } = await s.measure(() => expect(s.actions.insertFormulas({ formulas: ['=AIMARKET.REVENUE("OpenAI")', '=AIMARKET.REVENUE("Google")', '=AIMARKET.REVENUE("Meta")'] })).rejects.toThrow(message));
    expect(syncs).toBe(1);
    expect(snapshot(s)).toBe(before);
  });

  test("names at most three cells and counts the rest; one formula asks for an empty cell", async () => {
    const s = simSetup();
    for (const a of ["C1", "C2", "C3", "C4", "C5"]) s.workbook.setCell(a, 1);
    s.workbook.select("C1");
    const before = snapshot(s);
    await expect(s.actions.insertFormulas({ formulas: Array(6).fill('=AIMARKET.REVENUE("OpenAI")') })).rejects.toThrow(
      "Nothing was written: Sheet1!C1, Sheet1!C2, Sheet1!C3 and 2 more are not empty. Select a cell with 6 empty cells from it down, or clear those cells.",
    );
    await expect(s.actions.insertFormulas({ formulas: ['=AIMARKET.REVENUE("OpenAI")'] })).rejects.toThrow(
      "Nothing was written: Sheet1!C1 is not empty. Select an empty cell, or clear that cell.",
    );
    expect(snapshot(s)).toBe(before);
  });

  test("over a cell a spill fills", async () => {
    const s = simSetup();
    s.workbook.setCell("A1", '=AIMARKET.TABLE("vendor_revenue")');
    s.workbook.select("B2");
    expect(s.workbook.getCell("B2").spilled).toBe(true);
    const before = snapshot(s);
    await expect(s.actions.insertFormulas({ formulas: ['=AIMARKET.REVENUE("OpenAI")'] })).rejects.toThrow("Nothing was written: Sheet1!B2 is not empty.");
    expect(snapshot(s)).toBe(before);
  });

  test("into a blank cell of a table the add-in inserted", async () => {
    const s = simSetup();
    s.workbook.select("A1");
    const inserted = await s.actions.insertTable({ tableId: "vendor_metrics", mode: "snapshot", language: "en", currency: "USD", scale: "B", bound: "mid" });
    // OpenAI's row (2) has no compute investment (column D): a blank cell inside the table.
    expect(s.workbook.getCell("D2").value).toBe("");
    s.workbook.select("D2");
    const before = snapshot(s);
    await expect(s.actions.insertFormulas({ formulas: ['=AIMARKET.REVENUE("OpenAI")'] })).rejects.toThrow(
      `Nothing was written: Sheet1!D2 is in the table ${inserted.name} that the add-in inserted. Select an empty cell outside it.`,
    );
    expect(snapshot(s)).toBe(before);
    // Once the user deleted that table, its cells are free again.
    s.workbook.deleteTable(inserted.name);
    await expect(s.actions.insertFormulas({ formulas: ['=AIMARKET.REVENUE("OpenAI")'] })).resolves.toEqual({ address: "Sheet1!D2" });
  });

  test("an empty list, and text that is not a formula, without asking Excel", async () => {
    const s = simSetup();
    await expect(s.measure(() => s.actions.insertFormulas({ formulas: [] }))).rejects.toThrow("There is no formula to write: choose at least one entity.");
    await expect(s.actions.insertFormulas({ formulas: ['AIMARKET.REVENUE("OpenAI")'] })).rejects.toThrow(
      'Not a formula: "AIMARKET.REVENUE(\\"OpenAI\\")". A formula starts with "=".',
    );
    expect(s.workbook.syncCount).toBe(0);
  });

  test("a column that would run off the sheet is refused by Excel, with its reason", async () => {
    const s = simSetup();
    s.workbook.select("A1048576");
    await expect(s.actions.insertFormulas({ formulas: ['=AIMARKET.REVENUE("OpenAI")', '=AIMARKET.REVENUE("Meta")'] })).rejects.toThrow(/^Excel did not write the formulas: /);
    expect(s.workbook.getCell("A1048576").formula).toBeUndefined();
  });
});

test("writes on the active sheet, whichever it is, with its name quoted in the address", async () => {
  const s = simSetup();
  s.workbook.addSheet("My data");
  s.workbook.select("'My data'!B5");
  const { result } = await s.measure(() => s.actions.insertFormulas({ formulas: ['=AIMARKET.METRIC("OpenAI","compute_gw")', '=AIMARKET.METRIC("Google","compute_gw")'] }));
  expect(result.address).toBe("'My data'!B5:B6");
  expect(s.workbook.getValues("'My data'!B5:B6")).toEqual([[1.9], [2.3]]);
  expect(s.workbook.getCell("Sheet1!B5").formula).toBeUndefined();
});
