import { shown, simExcel } from "./sim-test-kit";

type Wb = ReturnType<typeof simExcel>["wb"];
const BAD = "The argument is invalid or missing or has an incorrect format.";

async function run<T>(_wb: Wb, Excel: typeof globalThis.Excel, batch: (context: Excel.RequestContext, sheet: Excel.Worksheet) => Promise<T>): Promise<T> {
  return Excel.run(async (context) => batch(context, context.workbook.worksheets.getActiveWorksheet()));
}

function fill(wb: Wb, address: string, rows: (string | number)[][]) {
  const [first] = address.split(":");
  const m = /^([A-Z]+)(\d+)$/.exec(first!)!;
  rows.forEach((row, i) =>
    row.forEach((v, j) => {
      const col = String.fromCharCode(m[1]!.charCodeAt(0) + j);
      wb.setCell(`${col}${Number(m[2]) + i}`, v);
    }),
  );
}

describe("tables.add", () => {
  test("the first row becomes unique text headers; the table gets a default name", async () => {
    const { wb, Excel } = simExcel();
    fill(wb, "B2", [
      ["Vendor", "", 2026, "Vendor", "vendor"],
      ["OpenAI", 1, 2, 3, 4],
    ]);
    const info = await run(wb, Excel, async (context, sheet) => {
      const table = sheet.tables.add("B2:F3", true);
      table.load("name, showHeaders, showTotals, style");
      const header = table.getHeaderRowRange();
      const body = table.getDataBodyRange();
      header.load("values, address");
      body.load("address");
      table.columns.load("items/name");
      await context.sync();
      return [table.name, table.showHeaders, table.showTotals, table.style, header.values, header.address, body.address, table.columns.items.map((c) => c.name)];
    });
    const headers = ["Vendor", "Column2", "2026", "Vendor2", "vendor3"];
    expect(info).toEqual(["Table1", true, false, "TableStyleMedium2", [headers], "Sheet1!B2:F2", "Sheet1!B3:F3", headers]);
    expect(wb.tables).toEqual([{ name: "Table1", id: "1", sheet: "Sheet1", address: "Sheet1!B2:F3", headers, dataRowCount: 1, style: "TableStyleMedium2" }]);
  });

  test("a one-row range gets an empty data row", async () => {
    const { wb, Excel } = simExcel();
    fill(wb, "A1", [["A", "B"]]);
    await run(wb, Excel, async (context, sheet) => {
      sheet.tables.add("A1:B1", true);
      await context.sync();
    });
    expect(wb.getTable("Table1")?.address).toBe("Sheet1!A1:B2");
  });

  test("without headers Excel inserts a header row and shifts the data down within the table's columns", async () => {
    const { wb, Excel } = simExcel();
    fill(wb, "A1", [
      [1, 2, "beside"],
      [3, 4, ""],
      ["below", "", ""],
    ]);
    await run(wb, Excel, async (context) => {
      context.workbook.tables.add("Sheet1!A1:B2", false);
      await context.sync();
    });
    expect(shown(wb, "A1:C4")).toEqual([
      ["Column1", "Column2", "beside"],
      [1, 2, ""],
      [3, 4, ""],
      ["below", "", ""],
    ]);
    expect(wb.getTable("Table1")?.address).toBe("Sheet1!A1:B3");
  });

  test("a table over another table is refused and the rest of the batch is not applied", async () => {
    const { wb, Excel } = simExcel();
    await expect(
      run(wb, Excel, async (context, sheet) => {
        sheet.tables.add("B2:D4", true);
        await context.sync();
        sheet.tables.add("D4:E6", true);
        sheet.getRange("H1").values = [["after"]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument", message: "A table can't overlap another table.", debugInfo: { errorLocation: "TableCollection.add" } });
    expect([wb.tables.length, wb.getCell("H1").value]).toEqual([1, ""]);
  });

  test("default names skip taken ones; sheet-scoped and workbook collections", async () => {
    const { wb, Excel } = simExcel();
    wb.addSheet("Other");
    const names = await run(wb, Excel, async (context, sheet) => {
      sheet.tables.add("A1:B2", true).name = "Table2";
      sheet.tables.add("D1:E2", true);
      context.workbook.worksheets.getItem("Other").tables.add("A1:B2", true);
      sheet.tables.load("items/name");
      context.workbook.tables.load("items/name");
      const onOther = context.workbook.worksheets.getItem("Other").tables.getItemOrNullObject("Table2");
      await context.sync();
      return [sheet.tables.items.map((t) => t.name), context.workbook.tables.items.map((t) => t.name), onOther.isNullObject];
    });
    expect(names).toEqual([["Table2", "Table3"], ["Table2", "Table3", "Table4"], true]);
  });
});

describe("table names", () => {
  test.each(["Revenue", "revenue_2026", "_private", "\\slash", "收入表", "T.1", "ABCD1", "XFE1", "Rx", "Cat"])("%j is accepted", async (name) => {
    const { wb, Excel } = simExcel();
    await run(wb, Excel, async (context, sheet) => {
      sheet.tables.add("A1:B2", true).name = name;
      await context.sync();
    });
    expect(wb.tables.map((t) => t.name)).toEqual([name]);
  });

  test.each<[string, string]>([
    ["", `${BAD} A table name cannot be empty.`],
    ["1abc", `${BAD} Table name "1abc" must start with a letter, an underscore or a backslash.`],
    [".x", `${BAD} Table name ".x" must start with a letter, an underscore or a backslash.`],
    ["my table", `${BAD} Table name "my table" may contain only letters, digits, periods and underscores (no spaces).`],
    ["rev-2026", `${BAD} Table name "rev-2026" may contain only letters, digits, periods and underscores (no spaces).`],
    ["A1", `${BAD} Table name "A1" cannot be used because it looks like a cell reference.`],
    ["xfd1048576", `${BAD} Table name "xfd1048576" cannot be used because it looks like a cell reference.`],
    ["R1C1", `${BAD} Table name "R1C1" cannot be used because it looks like a cell reference.`],
    ["R2", `${BAD} Table name "R2" cannot be used because it looks like a cell reference.`],
    ["C", `${BAD} Table name "C" cannot be used because it looks like a cell reference.`],
    ["r", `${BAD} Table name "r" cannot be used because it looks like a cell reference.`],
    ["EXISTING", `${BAD} Table name "EXISTING" is already used in this workbook; table names must be unique, ignoring case.`],
    ["x".repeat(256), `${BAD} Table name "${"x".repeat(256)}" is longer than 255 characters.`],
  ])("%j is refused at sync", async (name, message) => {
    const { wb, Excel } = simExcel();
    wb.addSheet("Other");
    await run(wb, Excel, async (context) => {
      context.workbook.tables.add("Other!A1:B2", true).name = "Existing";
      await context.sync();
    });
    await expect(
      run(wb, Excel, async (context, sheet) => {
        sheet.tables.add("A1:B2", true).name = name;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument", message, debugInfo: { errorLocation: "Table.name" } });
    expect(wb.tables.map((t) => t.name)).toEqual(["Existing", "Table2"]);
  });

  test("renaming a table to its own name in another case is allowed", async () => {
    const { wb, Excel } = simExcel();
    await run(wb, Excel, async (context, sheet) => {
      const t = sheet.tables.add("A1:B2", true);
      t.name = "Revenue";
      t.name = "REVENUE";
      await context.sync();
    });
    expect(wb.tables[0]!.name).toBe("REVENUE");
  });
});

describe("Table.resize", () => {
  async function resized(setup: (wb: Wb) => void, address: string) {
    const { wb, Excel } = simExcel();
    fill(wb, "B2", [
      ["Vendor", "Revenue"],
      ["OpenAI", 33],
      ["Google", 100],
    ]);
    setup(wb);
    await run(wb, Excel, async (context, sheet) => {
      sheet.tables.add("B2:C4", true).name = "Rev";
      await context.sync();
      sheet.tables.getItem("Rev").resize(address);
      await context.sync();
    });
    return wb;
  }

  test("growing right and down names the new headers and keeps the cells", async () => {
    const wb = await resized((w) => w.setCell("D2", "Year"), "B2:E5");
    expect(wb.getTable("Rev")).toMatchObject({ address: "Sheet1!B2:E5", headers: ["Vendor", "Revenue", "Year", "Column4"], dataRowCount: 3 });
  });

  test("shrinking leaves the cells outside as plain cells", async () => {
    const wb = await resized(() => undefined, "Sheet1!B2:B3");
    expect([wb.getTable("Rev")?.address, wb.getCell("C4").value]).toEqual(["Sheet1!B2:B3", 100]);
  });

  test.each<[string, string, string]>([
    ["the header row moves", "B3:C5", `${BAD} The header row of table "Rev" must stay in row 2; Sheet1!B3:C5 starts in row 3.`],
    ["no data row is left", "B2:C2", `${BAD} A table needs a header row and at least one data row; Sheet1!B2:C2 has one row.`],
    ["the new range does not overlap the table", "E2:F4", `${BAD} The new range Sheet1!E2:F4 must overlap the table's current range, Sheet1!B2:C4.`],
    ["it is on another sheet", "Other!B2:C4", `${BAD} The new range Other!B2:C4 must be on the table's sheet, "Sheet1".`],
    ["it overlaps another table", "B2:H4", "A table can't overlap another table."],
  ])("is refused when %s", async (_name, address, message) => {
    const { wb, Excel } = simExcel();
    wb.addSheet("Other");
    await expect(
      run(wb, Excel, async (context, sheet) => {
        sheet.tables.add("B2:C4", true).name = "Rev";
        sheet.tables.add("G2:H4", true);
        await context.sync();
        sheet.tables.getItem("Rev").resize(address);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument", message, debugInfo: { errorLocation: "Table.resize" } });
    expect(wb.getTable("Rev")?.address).toBe("Sheet1!B2:C4");
  });

  test("resize accepts a Range", async () => {
    const { wb, Excel } = simExcel();
    await run(wb, Excel, async (context, sheet) => {
      const t = sheet.tables.add("A1:B2", true);
      t.resize(t.getRange().getResizedRange(3, 0));
      await context.sync();
    });
    expect(wb.tables[0]!.address).toBe("Sheet1!A1:B5");
  });
});

describe("deleting tables", () => {
  test("Table.delete clears the cells; convertToRange keeps them; a deleted table's proxy fails", async () => {
    const { wb, Excel } = simExcel();
    fill(wb, "A1", [["X"], [1]]);
    fill(wb, "D1", [["Y"], [2]]);
    await expect(
      run(wb, Excel, async (context, sheet) => {
        const first = sheet.tables.add("A1:A2", true);
        const second = sheet.tables.add("D1:D2", true);
        await context.sync();
        first.delete();
        const range = second.convertToRange();
        range.load("address");
        await context.sync();
        expect(range.address).toBe("Sheet1!D1:D2");
        first.load("name");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound", message: 'The requested resource doesn\'t exist. The table "Table1" was deleted.' });
    expect([wb.tables, shown(wb, "A1:D2")]).toEqual([
      [],
      [
        ["", "", "", "Y"],
        ["", "", "", 2],
      ],
    ]);
  });
});

describe("table columns", () => {
  test("add at the end with values and a name; ids are stable", async () => {
    const { wb, Excel } = simExcel();
    fill(wb, "A1", [["Vendor"], ["OpenAI"], ["Google"]]);
    const result = await run(wb, Excel, async (context, sheet) => {
      const t = sheet.tables.add("A1:A3", true);
      const added = t.columns.add(undefined, [["ignored"], [33], [100]], "Revenue");
      added.load("name, index, id, values");
      const count = t.columns.getCount();
      await context.sync();
      return [added.name, added.index, added.id, added.values, count.value];
    });
    expect(result).toEqual(["Revenue", 1, 2, [["Revenue"], [33], [100]], 2]);
  });

  test("inserting in the middle shifts cells right within the table's rows only", async () => {
    const { wb, Excel } = simExcel();
    fill(wb, "A1", [
      ["A", "B", "right"],
      [1, 2, "r2"],
      ["below", "b2", "b3"],
    ]);
    await run(wb, Excel, async (context, sheet) => {
      sheet.tables.add("A1:B2", true).columns.add(1, [["A"], ["new"]]);
      await context.sync();
    });
    expect(shown(wb, "A1:D3")).toEqual([
      ["A", "A2", "B", "right"],
      [1, "new", 2, "r2"],
      ["below", "b2", "b3", ""],
    ]);
  });

  test.each<[string, unknown, string]>([
    ["values without the header row", [[1], [2]], "The number of rows or columns in the input array doesn't match the size or dimensions of the range."],
    ["two columns of values", [["a", "b"], [1, 2], [3, 4]], "The number of rows or columns in the input array doesn't match the size or dimensions of the range."],
  ])("columns.add refuses %s", async (_name, values, message) => {
    const { wb, Excel } = simExcel();
    await expect(
      run(wb, Excel, async (context, sheet) => {
        sheet.tables.add("A1:B3", true).columns.add(undefined, values as (string | number)[][]);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument", message });
  });

  test("columns.add refuses an index outside the table", async () => {
    const { wb, Excel } = simExcel();
    await expect(
      run(wb, Excel, async (context, sheet) => {
        sheet.tables.add("A1:B3", true).columns.add(5);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument", message: `${BAD} Column index 5 is outside 0..2 for table "Table1".` });
  });

  test("inserting a column that would cut another table in two is refused", async () => {
    const { wb, Excel } = simExcel();
    await expect(
      run(wb, Excel, async (context, sheet) => {
        sheet.tables.add("A1:B3", true);
        sheet.tables.add("D2:E5", true);
        await context.sync();
        sheet.tables.getItem("Table1").columns.add();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InsertDeleteConflict", message: 'This operation isn\'t allowed: it would shift cells of table "Table2" (Sheet1!D2:E5) and cut it in two.' });
  });

  test("a table wholly inside the shifted rows moves along", async () => {
    const { wb, Excel } = simExcel();
    await run(wb, Excel, async (context, sheet) => {
      sheet.tables.add("A1:B4", true);
      sheet.tables.add("D2:E3", true);
      await context.sync();
      sheet.tables.getItem("Table1").columns.add(0);
      await context.sync();
    });
    expect(wb.tables.map((t) => t.address)).toEqual(["Sheet1!A1:C4", "Sheet1!E2:F3"]);
  });

  test("getItem by name or id, getItemOrNullObject, renaming and deleting a column", async () => {
    const { wb, Excel } = simExcel();
    fill(wb, "A1", [
      ["Vendor", "Revenue", "Year"],
      ["OpenAI", 33, 2026],
    ]);
    const result = await run(wb, Excel, async (context, sheet) => {
      const t = sheet.tables.add("A1:C2", true);
      const byName = t.columns.getItem("revenue");
      const byId = t.columns.getItem(3);
      const missing = t.columns.getItemOrNullObject("Profit");
      byName.load("index");
      byId.load("name");
      await context.sync();
      t.columns.getItem("Year").name = "Vendor";
      byName.delete();
      t.columns.load("items/name");
      await context.sync();
      return [byName.index, byId.name, missing.isNullObject, t.columns.items.map((c) => c.name)];
    });
    expect(result).toEqual([1, "Year", true, ["Vendor", "Vendor2"]]);
    expect(shown(wb, "A1:C2")).toEqual([
      ["Vendor", "Vendor2", ""],
      ["OpenAI", 2026, ""],
    ]);
  });
});

describe("table rows", () => {
  test("add at the end and in the middle shifts cells below within the table's columns", async () => {
    const { wb, Excel } = simExcel();
    fill(wb, "A1", [
      ["K", "V", "side"],
      ["a", 1, "s2"],
      ["below", "", "s3"],
    ]);
    const count = await run(wb, Excel, async (context, sheet) => {
      const t = sheet.tables.add("A1:B2", true);
      t.rows.add(undefined, [["z", 26]]);
      t.rows.add(0, [["first", 0]]);
      const n = t.rows.getCount();
      await context.sync();
      return n.value;
    });
    expect(count).toBe(3);
    expect(shown(wb, "A1:C5")).toEqual([
      ["K", "V", "side"],
      ["first", 0, "s2"],
      ["a", 1, "s3"],
      ["z", 26, ""],
      ["below", "", ""],
    ]);
  });

  test("alwaysInsert false takes the cells below instead of shifting", async () => {
    const { wb, Excel } = simExcel();
    fill(wb, "A1", [["K"], ["a"], ["", ""], ["below"]]);
    await run(wb, Excel, async (context, sheet) => {
      sheet.tables.add("A1:A2", true).rows.add(undefined, [["b"]], false);
      await context.sync();
    });
    expect(shown(wb, "A1:A4")).toEqual([["K"], ["a"], ["b"], ["below"]]);
  });

  test("deleteRowsAt shifts cells up; deleting every row keeps one empty data row", async () => {
    const { wb, Excel } = simExcel();
    fill(wb, "A1", [["K"], ["a"], ["b"], ["c"], ["below"]]);
    await run(wb, Excel, async (context, sheet) => {
      const t = sheet.tables.add("A1:A4", true);
      t.rows.deleteRowsAt(0, 2);
      await context.sync();
      expect(wb.getTable("Table1")?.address).toBe("Sheet1!A1:A2");
      t.rows.getItemAt(0).delete();
      await context.sync();
    });
    expect([wb.getTable("Table1")?.address, shown(wb, "A1:A3")]).toEqual(["Sheet1!A1:A2", [["K"], [""], ["below"]]]);
  });

  test("row values read and write", async () => {
    const { wb, Excel } = simExcel();
    const values = await run(wb, Excel, async (context, sheet) => {
      const t = sheet.tables.add("A1:B3", true);
      t.rows.getItemAt(1).values = [["x", 2]];
      t.rows.load("items/values");
      await context.sync();
      return t.rows.items.map((r) => r.values);
    });
    expect(values).toEqual([[["", ""]], [["x", 2]]]);
  });
});

describe("header cells stay unique text", () => {
  test.each<[string, unknown, string[]]>([
    ["a number", [[2026]], ["2026", "B"]],
    ["a duplicate", [["b"]], ["b2", "B"]],
    ["blank", [[""]], ["Column1", "B"]],
    ["a formula", [["=1+1"]], ["=1+1", "B"]],
  ])("writing %s into a header cell", async (_name, value, headers) => {
    const { wb, Excel } = simExcel();
    fill(wb, "A1", [["A", "B"]]);
    await run(wb, Excel, async (context, sheet) => {
      sheet.tables.add("A1:B2", true);
      (sheet.getRange("A1") as { values: unknown }).values = value;
      await context.sync();
    });
    expect(wb.getTable("Table1")?.headers).toEqual(headers);
    expect(wb.getCell("A1").formula).toBeUndefined();
  });
});

describe("other table properties", () => {
  test("style, flags, worksheet; no header-less tables or totals rows", async () => {
    const { wb, Excel } = simExcel();
    const result = await run(wb, Excel, async (context, sheet) => {
      const t = sheet.tables.add("A1:B2", true);
      t.style = "TableStyleLight9";
      t.showBandedRows = false;
      t.load("style, showBandedRows, id");
      t.worksheet.load("name");
      await context.sync();
      return [t.style, t.showBandedRows, t.id, t.worksheet.name];
    });
    expect(result).toEqual(["TableStyleLight9", false, "1", "Sheet1"]);
  });

  test.each<[string, (t: Excel.Table) => void, string, string]>([
    ["an unknown style", (t) => (t.style = "Fancy"), "InvalidArgument", `${BAD} Unknown table style "Fancy": use TableStyleLight1-21, TableStyleMedium1-28 or TableStyleDark1-11.`],
    ["hiding the header row", (t) => (t.showHeaders = false), "NotImplemented", "The requested feature isn't implemented. The Excel stand-in does not model tables without a header row."],
    ["a totals row", (t) => (t.showTotals = true), "NotImplemented", "The requested feature isn't implemented. The Excel stand-in does not model totals rows."],
  ])("%s is refused", async (_name, write, code, message) => {
    const { wb, Excel } = simExcel();
    await expect(
      run(wb, Excel, async (context, sheet) => {
        write(sheet.tables.add("A1:B2", true));
        await context.sync();
      }),
    ).rejects.toMatchObject({ code, message });
  });
});
