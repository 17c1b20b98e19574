import { SimWorkbook, createExcelApi, type SimWorkbookEvent } from "../../src/excel-sim";
import { shown, simExcel } from "./sim-test-kit";

describe("the user's side", () => {
  test("typing: formulas, apostrophes, numbers, percentages; getCell reports format and text", () => {
    const wb = new SimWorkbook();
    wb.setCell("A1", "=A2");
    wb.setCell("A2", "'007");
    wb.setCell("A3", "007");
    wb.setCell("A4", "68%");
    expect([wb.getCell("A1"), wb.getCell("A2").value, wb.getCell("A3").value, wb.getCell("A4")]).toEqual([
      { value: "", formula: "=A2", numberFormat: "General", text: "", bold: false, horizontalAlignment: "General", spilled: false },
      "007",
      7,
      { value: 0.68, numberFormat: "0%", text: "68%", bold: false, horizontalAlignment: "General", spilled: false },
    ]);
  });

  test("setCell on a range fills every cell; clearCell empties a range but keeps formats", () => {
    const wb = new SimWorkbook();
    wb.setCell("A1:B2", "5%");
    wb.clearCell("A1:A2");
    expect([shown(wb, "A1:B2"), wb.getCell("A1").numberFormat]).toEqual([
      [
        ["", 0.05],
        ["", 0.05],
      ],
      "0%",
    ]);
  });

  test("sheets, selection and the used range", () => {
    const wb = new SimWorkbook({ sheets: ["Data", "Notes"] });
    wb.addSheet("My Sheet");
    wb.select("'My Sheet'!C3:D4");
    wb.setCell("E9", 1);
    wb.setCell("Data!B2", 2);
    expect([wb.sheetNames, wb.activeSheetName, wb.activeCellAddress, wb.selectedAddress, wb.usedRange(), wb.usedRange("Data"), wb.usedRange("Notes")]).toEqual([
      ["Data", "Notes", "My Sheet"],
      "My Sheet",
      "'My Sheet'!C3",
      "'My Sheet'!C3:D4",
      "'My Sheet'!E9",
      "Data!B2",
      null,
    ]);
  });

  test.each<[string, (wb: SimWorkbook) => void, string, string]>([
    ["a bad address", (wb) => wb.setCell("A0", 1), "InvalidArgument", 'The argument is invalid or missing or has an incorrect format. Invalid address "A0": rows run from 1 to 1048576.'],
    ["a missing sheet", (wb) => wb.getCell("Nope!A1"), "ItemNotFound", 'The requested resource doesn\'t exist. There is no sheet named "Nope".'],
    ["a duplicate sheet", (wb) => wb.addSheet("SHEET1"), "ItemAlreadyExists", 'A resource with the same name or identifier already exists. There is already a sheet named "SHEET1".'],
    ["renaming a missing table", (wb) => wb.renameTable("Nope", "X"), "ItemNotFound", 'The requested resource doesn\'t exist. There is no table named "Nope".'],
    ["usedRange of a missing sheet", (wb) => wb.usedRange("Nope"), "ItemNotFound", 'The requested resource doesn\'t exist. There is no sheet named "Nope".'],
  ])("%s is refused", (_name, act, code, message) => {
    expect(() => act(new SimWorkbook())).toThrow(expect.objectContaining({ code, message }));
  });

  test("the user renames, extends and deletes a table; deleting keeps the cells", async () => {
    const { wb, Excel } = simExcel();
    wb.setCell("A1", "Vendor");
    wb.setCell("A2", "OpenAI");
    await Excel.run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().tables.add("A1:A3", true).name = "Rev";
      await context.sync();
    });
    wb.renameTable("Rev", "Revenue");
    wb.addTableColumn("revenue", "vendor", [33]);
    expect(wb.getTable("Revenue")).toMatchObject({ address: "Sheet1!A1:B3", headers: ["Vendor", "vendor2"] });
    expect(() => wb.renameTable("Revenue", "A1")).toThrow("Table name \"A1\" cannot be used because it looks like a cell reference.");
    expect(() => wb.addTableColumn("Revenue", "X", [1, 2, 3])).toThrow('Table "Revenue" has 2 data rows; 3 values were given.');
    wb.deleteTable("Revenue");
    expect([wb.tables, shown(wb, "A1:B2")]).toEqual([
      [],
      [
        ["Vendor", "vendor2"],
        ["OpenAI", 33],
      ],
    ]);
  });

  test("extending a table into another one is refused", async () => {
    const { wb, Excel } = simExcel();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.tables.add("A1:A2", true);
      sheet.tables.add("B1:B2", true);
      await context.sync();
    });
    expect(() => wb.addTableColumn("Table1", "X")).toThrow("A table can't overlap another table.");
  });
});

describe("subscribe", () => {
  test("listeners hear every sync (failed ones too) and every user edit, until they unsubscribe", async () => {
    const { wb, Excel } = simExcel();
    const events: SimWorkbookEvent[] = [];
    const unsubscribe = wb.subscribe((e) => events.push(e));
    wb.setCell("A1", 1);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().getRange("A2").values = [[2]];
      await context.sync();
      context.workbook.worksheets.getItem("Nope").load("name");
      await context.sync().catch(() => undefined);
    });
    wb.recalculate();
    unsubscribe();
    wb.setCell("A3", 3);
    expect(events).toEqual([
      { kind: "edit", action: "setCell" },
      { kind: "sync", syncCount: 1, failed: false },
      { kind: "sync", syncCount: 2, failed: true },
      { kind: "recalculate" },
    ]);
  });

  test("a failing listener does not keep the others from hearing; its error is rethrown", () => {
    const wb = new SimWorkbook();
    const heard: string[] = [];
    wb.subscribe(() => {
      throw new Error("listener broke");
    });
    wb.subscribe((e) => heard.push(e.kind));
    expect(() => wb.setCell("A1", 1)).toThrow("listener broke");
    expect(heard).toEqual(["edit"]);
  });
});

describe("save and reopen", () => {
  test("cells, formulas, formats, widths, tables, settings and selection survive", async () => {
    const evaluate = (formula: string) => (formula === "=ANSWER()" ? 42 : [[1], [2]]);
    const { wb, Excel } = simExcel({ evaluate });
    wb.addSheet("My Sheet");
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.getRange("A1:C2").values = [
        ["Vendor", "Revenue", "Share"],
        ["OpenAI", 33000000000, 0.68],
      ];
      sheet.getRange("C2").numberFormat = [["0%"]];
      sheet.getRange("A1:C1").format.font.bold = true;
      sheet.getRange("B1").format.horizontalAlignment = "Right";
      sheet.getRange("A:A").format.columnWidth = 80;
      sheet.getRange("3:3").format.rowHeight = 30;
      const table = sheet.tables.add("A1:C2", true);
      table.name = "Revenue";
      table.style = "TableStyleLight9";
      sheet.getRange("E1").formulas = [["=ANSWER()"]];
      sheet.getRange("F1").formulas = [["=SPILL()"]];
      context.workbook.settings.add("aimarket.registry", { version: 1, tables: ["Revenue"] });
      context.workbook.worksheets.getItem("My Sheet").getRange("B2").select();
      await context.sync();
    });
    const saved = JSON.parse(JSON.stringify(wb.toJSON()));
    const reopened = SimWorkbook.fromJSON(saved, { evaluate });
    expect(reopened.toJSON()).toEqual(saved);
    expect([
      shown(reopened, "Sheet1!A1:F2"),
      reopened.getCell("Sheet1!C2").text,
      reopened.getCell("Sheet1!A1").bold,
      reopened.getCell("Sheet1!B1").horizontalAlignment,
      reopened.columnWidth("Sheet1", 0),
      reopened.rowHeight("Sheet1", 2),
      reopened.tables,
      reopened.getSetting("aimarket.registry"),
      reopened.activeCellAddress,
      reopened.sheetNames,
    ]).toEqual([
      [
        ["Vendor", "Revenue", "Share", "", 42, 1],
        ["OpenAI", 33000000000, 0.68, "", "", 2],
      ],
      "68%",
      true,
      "Right",
      80,
      30,
      [{ name: "Revenue", id: "1", sheet: "Sheet1", address: "Sheet1!A1:C2", headers: ["Vendor", "Revenue", "Share"], dataRowCount: 1, style: "TableStyleLight9" }],
      { version: 1, tables: ["Revenue"] },
      "'My Sheet'!B2",
      ["Sheet1", "My Sheet"],
    ]);
    expect(reopened.syncCount).toBe(0);
  });

  test("a reopened workbook keeps numbering tables after the saved ones", async () => {
    const { wb, Excel } = simExcel();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().tables.add("A1:A2", true);
      await context.sync();
    });
    const reopened = SimWorkbook.fromJSON(wb.toJSON());
    await createExcelApi(reopened).run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().tables.add("C1:C2", true);
      await context.sync();
    });
    expect(reopened.tables.map((t) => [t.name, t.id])).toEqual([
      ["Table1", "1"],
      ["Table2", "2"],
    ]);
  });

  test.each<[unknown, string]>([
    [null, 'Not a saved Excel stand-in workbook: "format" is not "aimarket-excel-sim".'],
    [{ format: "xlsx" }, 'Not a saved Excel stand-in workbook: "format" is not "aimarket-excel-sim".'],
    [{ format: "aimarket-excel-sim", version: 2 }, "Not a saved Excel stand-in workbook: version 2 is not 1."],
    [{ format: "aimarket-excel-sim", version: 1, sheets: [] }, "Not a saved Excel stand-in workbook: it has no sheets."],
  ])("fromJSON(%j) is refused", (json, message) => {
    expect(() => SimWorkbook.fromJSON(json)).toThrow(message);
  });
});
