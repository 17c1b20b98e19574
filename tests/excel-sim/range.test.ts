import { simExcel } from "./sim-test-kit";

type Sheet = Excel.Worksheet;

async function withSheet<T>(setup: (wb: ReturnType<typeof simExcel>["wb"]) => void, batch: (sheet: Sheet, context: Excel.RequestContext) => Promise<T>) {
  const { wb, Excel } = simExcel();
  setup(wb);
  const result = await Excel.run(async (context) => batch(context.workbook.worksheets.getActiveWorksheet(), context));
  return { wb, result };
}

describe("writing values and formulas", () => {
  test("strings starting with = become formulas, an apostrophe keeps text, numbers stay numbers", async () => {
    const { wb } = await withSheet(
      () => undefined,
      async (sheet, context) => {
        sheet.getRange("A1:E1").values = [["=1+1", "'=1+1", 2026, "2026", "'2026"]];
        sheet.getRange("A2:C2").formulas = [["=A1*2", "text", 3.5]];
        await context.sync();
      },
    );
    expect(["A1", "B1", "C1", "D1", "E1", "A2", "B2", "C2"].map((a) => wb.getCell(a))).toEqual([
      expect.objectContaining({ formula: "=1+1", value: "" }),
      expect.objectContaining({ value: "=1+1" }),
      expect.objectContaining({ value: 2026 }),
      expect.objectContaining({ value: 2026 }),
      expect.objectContaining({ value: "2026" }),
      expect.objectContaining({ formula: "=A1*2" }),
      expect.objectContaining({ value: "text" }),
      expect.objectContaining({ value: 3.5 }),
    ]);
    expect(wb.getCell("B1").formula).toBeUndefined();
  });

  test("reading back: values give results, formulas give formulas (or the constant)", async () => {
    const { result } = await withSheet(
      (wb) => {
        wb.setCell("A1", "=1+1");
        wb.setCell("B1", "x");
        wb.setCell("C1", 7);
      },
      async (sheet, context) => {
        const range = sheet.getRange("A1:D1");
        range.load("values, formulas, numberFormat, text, valueTypes");
        await context.sync();
        return [range.values, range.formulas, range.numberFormat, range.text, range.valueTypes];
      },
    );
    expect(result).toEqual([[["", "x", 7, ""]], [["=1+1", "x", 7, ""]], [["General", "General", "General", "General"]], [["", "x", "7", ""]], [["Empty", "String", "Double", "Empty"]]]);
  });

  test.each<[string, unknown]>([
    ["a bare value", "n/a"],
    ["a 1x1 array", [["n/a"]]],
  ])("%s is written to every cell", async (_name, input) => {
    const { wb } = await withSheet(
      () => undefined,
      async (sheet, context) => {
        (sheet.getRange("B2:C3") as { values: unknown }).values = input;
        await context.sync();
      },
    );
    expect(wb.getValues("A1:D4")).toEqual([
      ["", "", "", ""],
      ["", "n/a", "n/a", ""],
      ["", "n/a", "n/a", ""],
      ["", "", "", ""],
    ]);
  });

  test.each<[string, unknown]>([
    ["too few rows", [[1, 2]]],
    ["too many columns", [[1, 2, 3], [4, 5, 6]]],
    ["a ragged array", [[1, 2], [3]]],
    ["a flat array", [1, 2, 3, 4]],
  ])("%s rejects at sync with Excel's message", async (_name, input) => {
    const { Excel } = simExcel();
    await expect(
      Excel.run(async (context) => {
        (context.workbook.worksheets.getActiveWorksheet().getRange("A1:B2") as { values: unknown }).values = input;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument", message: "The number of rows or columns in the input array doesn't match the size or dimensions of the range." });
  });

  test("null leaves a cell as it is; an empty string clears it (formats stay)", async () => {
    const { wb } = await withSheet(
      (wb) => {
        wb.setCell("A1", "keep");
        wb.setCell("B1", "12%");
      },
      async (sheet, context) => {
        sheet.getRange("A1:B1").values = [[null, ""]];
        await context.sync();
      },
    );
    expect([wb.getCell("A1").value, wb.getCell("B1")]).toEqual(["keep", expect.objectContaining({ value: "", numberFormat: "0%" })]);
  });

  test("null for a whole property is refused", async () => {
    const { Excel } = simExcel();
    await expect(
      Excel.run(async (context) => {
        (context.workbook.worksheets.getActiveWorksheet().getRange("A1") as { values: unknown }).values = null;
        await context.sync();
      }),
    ).rejects.toMatchObject({
      code: "InvalidArgument",
      message: "The argument is invalid or missing or has an incorrect format. Range.values cannot be set to null; use null inside the 2-D array to leave a cell unchanged.",
    });
  });

  test("a bad entry leaves the whole range unchanged", async () => {
    const { wb, Excel } = simExcel();
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().getRange("A1:B1").values = [["ok", Number.NaN]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument", message: "The argument is invalid or missing or has an incorrect format. NaN cannot be written to a cell." });
    expect(wb.getCell("A1").value).toBe("");
  });

  test("number formats: 2-D, broadcast, null keeps, empty resets to General; text format keeps strings", async () => {
    const { wb, result } = await withSheet(
      () => undefined,
      async (sheet, context) => {
        sheet.getRange("A1:C1").numberFormat = [["0.0%", "#,##0", "@"]];
        sheet.getRange("A2:B2").numberFormat = [["0.00"]];
        sheet.getRange("A1:C1").numberFormat = [[null, "", null]];
        sheet.getRange("A1:C1").values = [[0.685, 1234.5, "2026"]];
        const range = sheet.getRange("A1:C2");
        range.load("numberFormat, text, values");
        await context.sync();
        return [range.numberFormat, range.text, range.values];
      },
    );
    expect(result).toEqual([
      [
        ["0.0%", "General", "@"],
        ["0.00", "0.00", "General"],
      ],
      [
        ["68.5%", "1234.5", "2026"],
        ["", "", ""],
      ],
      [
        [0.685, 1234.5, "2026"],
        ["", "", ""],
      ],
    ]);
    expect(wb.getCell("C1").value).toBe("2026");
  });
});

describe("range navigation", () => {
  test.each<[string, (r: Excel.Range) => Excel.Range, string]>([
    ["getCell inside", (r) => r.getCell(1, 2), "Sheet1!D3"],
    ["getCell outside the range", (r) => r.getCell(20, 0), "Sheet1!B22"],
    ["getResizedRange", (r) => r.getResizedRange(2, -1), "Sheet1!B2:C7"],
    ["getOffsetRange", (r) => r.getOffsetRange(-1, 3), "Sheet1!E1:G4"],
    ["getLastRow", (r) => r.getLastRow(), "Sheet1!B5:D5"],
    ["getLastColumn", (r) => r.getLastColumn(), "Sheet1!D2:D5"],
    ["getLastCell", (r) => r.getLastCell(), "Sheet1!D5"],
    ["getRow", (r) => r.getRow(1), "Sheet1!B3:D3"],
    ["getColumn", (r) => r.getColumn(2), "Sheet1!D2:D5"],
    ["getEntireColumn", (r) => r.getEntireColumn(), "Sheet1!B:D"],
    ["getEntireRow", (r) => r.getEntireRow(), "Sheet1!2:5"],
    ["getIntersection", (r) => r.getIntersection("C4:F9"), "Sheet1!C4:D5"],
    ["getBoundingRect", (r) => r.getBoundingRect("F9"), "Sheet1!B2:F9"],
  ])("%s", async (_name, derive, address) => {
    const { result } = await withSheet(
      () => undefined,
      async (sheet, context) => {
        const range = derive(sheet.getRange("B2:D5"));
        range.load("address");
        await context.sync();
        return range.address;
      },
    );
    expect(result).toBe(address);
  });

  test.each<[string, (s: Sheet) => Excel.Range, string]>([
    ["getRangeByIndexes", (s) => s.getRangeByIndexes(1, 1, 10, 5), "Sheet1!B2:F11"],
    ["getCell", (s) => s.getCell(0, 16383), "Sheet1!XFD1"],
    ["getRange()", (s) => s.getRange(), "Sheet1!1:1048576"],
    ["getRange with the sheet's own name", (s) => s.getRange("sheet1!A1"), "Sheet1!A1"],
  ])("worksheet.%s", async (_name, get, address) => {
    const { result } = await withSheet(
      () => undefined,
      async (sheet, context) => {
        const range = get(sheet);
        range.load("address");
        await context.sync();
        return range.address;
      },
    );
    expect(result).toBe(address);
  });

  const BAD = "The argument is invalid or missing or has an incorrect format.";
  test.each<[string, (s: Sheet) => Excel.Range, string]>([
    ["a malformed address", (s) => s.getRange("B2:"), `${BAD} Invalid address "B2:": expected a cell like "B2", a range like "B2:F11", whole columns like "B:F" or whole rows like "2:11", optionally after a sheet name ("Sheet1!B2", "'My Sheet'!B2").`],
    ["a row off the grid", (s) => s.getRange("A1048577"), `${BAD} Invalid address "A1048577": rows run from 1 to 1048576.`],
    ["another sheet's address", (s) => s.getRange("Other!A1"), `${BAD} The address "Other!A1" names another sheet than "Sheet1".`],
    ["an offset off the grid", (s) => s.getRange("A1").getOffsetRange(-1, 0), `${BAD} The range would lie off the sheet (rows 1 to 1048576, columns A to XFD).`],
    ["a resize to nothing", (s) => s.getRange("A1:B2").getResizedRange(-2, 0), `${BAD} A range needs at least one row and one column.`],
    ["a row outside the range", (s) => s.getRange("A1:B2").getRow(2), `${BAD} Row 2 is outside the range (0 to 1).`],
    ["negative indexes", (s) => s.getRangeByIndexes(-1, 0, 1, 1), `${BAD} The range would lie off the sheet (rows 1 to 1048576, columns A to XFD).`],
    ["fractional indexes", (s) => s.getRangeByIndexes(0.5, 0, 1, 1), `${BAD} Row and column numbers must be whole numbers.`],
  ])("%s rejects at sync", async (_name, get, message) => {
    const { Excel } = simExcel();
    await expect(
      Excel.run(async (context) => {
        get(context.workbook.worksheets.getActiveWorksheet()).load("address");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument", message });
  });

  test("a range's worksheet", async () => {
    const { wb, Excel } = simExcel();
    wb.addSheet("My Data");
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("My Data").getRange("A1:B2");
      range.worksheet.load("name");
      range.load("address");
      await context.sync();
      expect([range.worksheet.name, range.address]).toEqual(["My Data", "'My Data'!A1:B2"]);
    });
  });
});

describe("used range", () => {
  test.each<[string, (wb: ReturnType<typeof simExcel>["wb"]) => void, boolean, string | null]>([
    ["an empty sheet", () => undefined, false, null],
    ["values", (wb) => (wb.setCell("C3", 1), wb.setCell("E7", "x")), false, "Sheet1!C3:E7"],
    ["a formatted empty cell counts", (wb) => (wb.setCell("C3", 1), wb.setCell("F2", "5%"), wb.clearCell("F2")), false, "Sheet1!C2:F3"],
    ["valuesOnly ignores formats", (wb) => (wb.setCell("C3", 1), wb.setCell("F2", "5%"), wb.clearCell("F2")), true, "Sheet1!C3"],
  ])("%s", async (_name, setup, valuesOnly, address) => {
    const { result } = await withSheet(setup, async (sheet, context) => {
      const used = sheet.getUsedRangeOrNullObject(valuesOnly);
      used.load("address");
      await context.sync();
      return used.isNullObject ? null : used.address;
    });
    expect(result).toBe(address);
  });

  test("getUsedRange of an empty sheet is A1", async () => {
    const { result } = await withSheet(
      () => undefined,
      async (sheet, context) => {
        const used = sheet.getUsedRange();
        used.load("address");
        await context.sync();
        return used.address;
      },
    );
    expect(result).toBe("Sheet1!A1");
  });
});

describe("clear and formats", () => {
  test.each<[Excel.ClearApplyTo | "All" | "Contents" | "Formats" | undefined, unknown[]]>([
    [undefined, [{ value: "", numberFormat: "General", bold: false }]],
    ["All", [{ value: "", numberFormat: "General", bold: false }]],
    ["Contents", [{ value: "", numberFormat: "0%", bold: true }]],
    ["Formats", [{ value: 0.5, numberFormat: "General", bold: false }]],
  ])("clear(%s)", async (applyTo, expected) => {
    const { wb } = await withSheet(
      (wb) => wb.setCell("A1", "50%"),
      async (sheet, context) => {
        sheet.getRange("A1").format.font.bold = true;
        await context.sync();
        sheet.getRange("A1:B2").clear(applyTo);
        await context.sync();
      },
    );
    expect([wb.getCell("A1")]).toEqual(expected.map((e) => expect.objectContaining(e as object)));
  });

  test("column width, bold and alignment read back; mixed values read as null", async () => {
    const { result } = await withSheet(
      () => undefined,
      async (sheet, context) => {
        sheet.getRange("A:A").format.columnWidth = 100;
        sheet.getRange("A1:B1").format.font.bold = true;
        sheet.getRange("A1").format.horizontalAlignment = "Center";
        const one = sheet.getRange("A1").format;
        const both = sheet.getRange("A1:B2").format;
        one.load("columnWidth, horizontalAlignment");
        one.font.load("bold");
        both.load("columnWidth, horizontalAlignment, rowHeight");
        both.font.load("bold");
        await context.sync();
        return [one.columnWidth, one.horizontalAlignment, one.font.bold, both.columnWidth, both.horizontalAlignment, both.font.bold, both.rowHeight];
      },
    );
    expect(result).toEqual([100, "Center", true, null, null, null, 15]);
  });

  test.each<[string, (f: Excel.RangeFormat) => void, string]>([
    ["a negative width", (f) => (f.columnWidth = -1), "The argument is invalid or missing or has an incorrect format. A column width must be a number of points from 0 to 1789.5; got -1."],
    ["an unknown alignment", (f) => (f.horizontalAlignment = "Middle" as Excel.HorizontalAlignment), "The argument is invalid or missing or has an incorrect format. horizontalAlignment must be one of General, Left, Center, Right, Fill, Justify, CenterAcrossSelection, Distributed; got \"Middle\"."],
    ["a non-boolean bold", (f) => (f.font.bold = "yes" as unknown as boolean), 'The argument is invalid or missing or has an incorrect format. font.bold must be true or false; got "yes".'],
  ])("%s is refused", async (_name, write, message) => {
    const { Excel } = simExcel();
    await expect(
      Excel.run(async (context) => {
        write(context.workbook.worksheets.getActiveWorksheet().getRange("A1").format);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument", message });
  });

  test("autofitColumns widens columns to their text and leaves empty ones alone", async () => {
    const { wb } = await withSheet(
      (wb) => {
        wb.setCell("A1", "Anthropic revenue 2026");
        wb.setCell("B1", 1);
      },
      async (sheet, context) => {
        sheet.getRange("C:C").format.columnWidth = 30;
        sheet.getRange("A1:C1").format.autofitColumns();
        await context.sync();
      },
    );
    expect(wb.columnWidth("Sheet1", 0)).toBeGreaterThan(100);
    expect(wb.columnWidth("Sheet1", 1)).toBeLessThan(48);
    expect(wb.columnWidth("Sheet1", 2)).toBe(30);
  });
});
