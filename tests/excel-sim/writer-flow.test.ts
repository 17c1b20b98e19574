/**
 * An insert and a refresh written the way src/excel will write them, against the real Office.js
 * types: the stand-in must run such code unchanged and count its round trips.
 */
import { simExcel } from "./sim-test-kit";

const PLAN = {
  name: "Revenue",
  headers: ["Vendor", "Revenue 2026 (USD)"],
  rows: [
    ["OpenAI", 33000000000],
    ["Anthropic", 25500000000],
  ],
};

async function insert(Excel: typeof globalThis.Excel): Promise<string> {
  return Excel.run(async (context) => {
    const cell = context.workbook.getActiveCell();
    cell.load("rowIndex, columnIndex");
    const existing = context.workbook.tables.getItemOrNullObject(PLAN.name);
    const registry = context.workbook.settings.getItemOrNullObject("aimarket.registry");
    registry.load("value");
    await context.sync();
    if (!existing.isNullObject) throw new Error("name taken");
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    const target = sheet.getRangeByIndexes(cell.rowIndex, cell.columnIndex, PLAN.rows.length + 1, PLAN.headers.length);
    target.load("values, formulas");
    await context.sync();
    if (target.formulas.flat().some((v) => v !== "")) throw new Error("occupied");
    target.values = [PLAN.headers, ...PLAN.rows];
    target.getLastColumn().getResizedRange(-PLAN.rows.length, 0).getOffsetRange(1, 0).numberFormat = [["#,##0"]];
    const table = sheet.tables.add(target, true);
    table.name = PLAN.name;
    target.format.autofitColumns();
    const tracked = registry.isNullObject ? [] : (registry.value as string[]);
    context.workbook.settings.add("aimarket.registry", [...tracked, PLAN.name]);
    target.load("address");
    await context.sync();
    return target.address;
  });
}

async function refresh(Excel: typeof globalThis.Excel, rows: (string | number)[][]): Promise<number> {
  return Excel.run(async (context) => {
    const table = context.workbook.tables.getItemOrNullObject(PLAN.name);
    const body = table.getDataBodyRange();
    body.load("values, rowCount");
    const header = table.getHeaderRowRange();
    header.load("address");
    await context.sync();
    if (table.isNullObject) throw new Error("deleted");
    const changed = body.values.flat().filter((v, i) => v !== rows.flat()[i]).length;
    if (rows.length !== body.rowCount) table.resize(header.getResizedRange(rows.length, 0));
    header.getOffsetRange(1, 0).getResizedRange(rows.length - 1, 0).values = rows;
    await context.sync();
    return changed;
  });
}

test("insert in three round trips, refresh in two", async () => {
  const { wb, Excel } = simExcel();
  wb.select("B2");
  await expect(insert(Excel)).resolves.toBe("Sheet1!B2:C4");
  expect(wb.syncCount).toBe(3);
  expect(wb.getTable("Revenue")).toMatchObject({ address: "Sheet1!B2:C4", headers: PLAN.headers });
  expect([wb.getCell("C3").text, wb.getSetting("aimarket.registry")]).toEqual(["33,000,000,000", ["Revenue"]]);

  await expect(refresh(Excel, [...PLAN.rows, ["Google", 100000000000]])).resolves.toBe(0);
  expect(wb.syncCount).toBe(5);
  expect(wb.getTable("Revenue")).toMatchObject({ address: "Sheet1!B2:C5", dataRowCount: 3 });
  expect(wb.getValues("B5:C5")).toEqual([["Google", 100000000000]]);
});

test("the same insert refuses a taken spot without writing anything", async () => {
  const { wb, Excel } = simExcel();
  wb.select("B2");
  wb.setCell("C3", "user data");
  await expect(insert(Excel)).rejects.toThrow("occupied");
  expect([wb.tables, wb.syncCount, wb.getCell("B2").value]).toEqual([[], 2, ""]);
});
