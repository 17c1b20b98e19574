import { SimOfficeError, SimWorkbook, createExcelApi, createOfficeExtensionApi, installSimExcel } from "../../src/excel-sim";
import { simExcel } from "./sim-test-kit";

const NOT_LOADED = (p: string) =>
  `The property '${p}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`;

describe("reading before load and sync", () => {
  test.each<[string, (ctx: Excel.RequestContext) => unknown]>([
    ["values", (ctx) => ctx.workbook.worksheets.getActiveWorksheet().getRange("A1").values],
    ["address", (ctx) => ctx.workbook.worksheets.getActiveWorksheet().getRange("A1").address],
    ["name", (ctx) => ctx.workbook.worksheets.getActiveWorksheet().name],
    ["items", (ctx) => ctx.workbook.tables.items],
    ["value", (ctx) => ctx.workbook.settings.getItem("k").value],
    ["isNullObject", (ctx) => ctx.workbook.tables.getItemOrNullObject("T").isNullObject],
  ])("%s throws PropertyNotLoaded", async (property, read) => {
    const { Excel } = simExcel();
    await Excel.run(async (context) => {
      expect(() => read(context)).toThrow(expect.objectContaining({ name: "RichApi.Error", code: "PropertyNotLoaded", message: NOT_LOADED(property) }));
    });
  });

  test("load() alone is not enough: the value arrives with sync()", async () => {
    const { wb, Excel } = simExcel();
    wb.setCell("A1", 5);
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getActiveWorksheet().getRange("A1");
      range.load("values");
      expect(() => range.values).toThrow(NOT_LOADED("values"));
      await context.sync();
      expect(range.values).toEqual([[5]]);
      expect(() => range.address).toThrow(NOT_LOADED("address"));
    });
  });

  test.each<[string, string | string[] | { select: string } | Excel.Interfaces.RangeLoadOptions]>([
    ["a comma-separated string", "values, address ,rowCount"],
    ["an array", ["values", "address", "rowCount"]],
    ["{ select }", { select: "values,address,rowCount" }],
    ["a load-options object", { values: true, address: true, rowCount: true }],
  ])("load accepts %s", async (_name, option) => {
    const { wb, Excel } = simExcel();
    wb.setCell("B2", "x");
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getActiveWorksheet().getRange("B2");
      range.load(option as Excel.Interfaces.RangeLoadOptions);
      await context.sync();
      expect([range.values, range.address, range.rowCount]).toEqual([[["x"]], "Sheet1!B2", 1]);
    });
  });

  test("load() without arguments loads every scalar property; nested paths reach navigation properties", async () => {
    const { Excel } = simExcel();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getActiveWorksheet().getRange("C3:D4");
      range.load();
      range.load("format/columnWidth, format/font/bold, worksheet/name");
      await context.sync();
      expect(range.toJSON()).toMatchObject({ address: "Sheet1!C3:D4", rowIndex: 2, columnIndex: 2, rowCount: 2, columnCount: 2, cellCount: 4 });
      expect([range.format.columnWidth, range.format.font.bold, range.worksheet.name]).toEqual([48, false, "Sheet1"]);
    });
  });

  test("an unknown property name is refused at once", async () => {
    const { Excel } = simExcel();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getActiveWorksheet().getRange("A1");
      expect(() => range.load("value")).toThrow(
        expect.objectContaining({ code: "InvalidArgument", message: 'The argument is invalid or missing or has an incorrect format. Range has no property "value" to load.' }),
      );
    });
  });

  test("a property set on a proxy reads back as set until it is loaded again (as in Office.js)", async () => {
    const { Excel } = simExcel();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getActiveWorksheet().getRange("A1");
      range.values = [["=1+1"]];
      expect(range.values).toEqual([["=1+1"]]);
      range.load("values");
      await context.sync();
      expect(range.values).toEqual([[""]]);
    });
  });
});

describe("queued writes", () => {
  test("are invisible before sync and visible after; loads see the writes queued before them", async () => {
    const { wb, Excel } = simExcel();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      const before = sheet.getRange("A1:B1");
      before.load("values");
      sheet.getRange("A1:B1").values = [["Vendor", 2026]];
      const after = sheet.getRange("A1:B1");
      after.load("values");
      expect(wb.getCell("A1").value).toBe("");
      await context.sync();
      expect(wb.getCell("A1").value).toBe("Vendor");
      expect(before.values).toEqual([["", ""]]);
      expect(after.values).toEqual([["Vendor", 2026]]);
    });
  });

  test("a failing operation rejects the sync; the ones before it stay applied, the ones after are not applied", async () => {
    const { wb, Excel } = simExcel();
    const run = Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.getRange("A1").values = [["first"]];
      sheet.getRange("A2:B2").values = [["only one"]] as unknown as unknown[][];
      sheet.getRange("A2:B2").values = [[1, 2, 3]];
      sheet.getRange("A3").values = [["never"]];
      await context.sync();
    });
    await expect(run).rejects.toMatchObject({
      name: "RichApi.Error",
      code: "InvalidArgument",
      message: "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
      debugInfo: { code: "InvalidArgument", errorLocation: "Range.values" },
    });
    expect([wb.getCell("A1").value, wb.getCell("A2").value, wb.getCell("B2").value, wb.getCell("A3").value]).toEqual(["first", "only one", "only one", ""]);
  });

  test("loads queued before the failure publish nothing", async () => {
    const { wb, Excel } = simExcel();
    wb.setCell("A1", 1);
    let range: Excel.Range | undefined;
    await expect(
      Excel.run(async (context) => {
        range = context.workbook.worksheets.getActiveWorksheet().getRange("A1");
        range.load("values");
        context.workbook.worksheets.getItem("Nope").getRange("A1").values = [[1]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound", message: 'The requested resource doesn\'t exist. There is no sheet named "Nope".' });
    expect(() => range!.values).toThrow(NOT_LOADED("values"));
  });

  test("errors are instances of OfficeExtension.Error (the stand-in's)", async () => {
    const { Excel } = simExcel();
    const OfficeExtension = createOfficeExtensionApi();
    const error = await Excel.run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().getRange("A1:B1").values = [[1]].concat([[2]]);
      await context.sync();
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfficeExtension.Error);
    expect(error).toBeInstanceOf(SimOfficeError);
    expect(error).toBeInstanceOf(Error);
  });
});

describe("sync counting", () => {
  test("each sync that carries work is one round trip; an empty sync is none", async () => {
    const { wb, Excel } = simExcel();
    await Excel.run(async (context) => {
      await context.sync();
      expect(wb.syncCount).toBe(0);
      const range = context.workbook.worksheets.getActiveWorksheet().getRange("A1");
      range.load("values");
      await context.sync();
      range.values = [[1]];
      await context.sync();
    });
    expect(wb.syncCount).toBe(2);
  });

  test("Excel.run sends what the batch left queued in one last round trip", async () => {
    const { wb, Excel } = simExcel();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().getRange("A1").values = [["late"]];
    });
    expect([wb.syncCount, wb.getCell("A1").value]).toEqual([1, "late"]);
  });

  test("a failed sync counts too", async () => {
    const { wb, Excel } = simExcel();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Nope").load("name");
      await context.sync();
    }).catch(() => undefined);
    expect(wb.syncCount).toBe(1);
  });

  test("sync passes its argument through", async () => {
    const { Excel } = simExcel();
    await expect(Excel.run(async (context) => context.sync("through"))).resolves.toBe("through");
  });
});

describe("Excel.run", () => {
  test("resolves with the batch's result and rejects with the batch's error", async () => {
    const { Excel } = simExcel();
    await expect(Excel.run(async () => 42)).resolves.toBe(42);
    await expect(
      Excel.run(async () => {
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
  });

  test("a batch that does not return a promise is refused", async () => {
    const { Excel } = simExcel();
    await expect(Excel.run((() => 1) as unknown as () => Promise<number>)).rejects.toMatchObject({
      code: "RunMustReturnPromise",
      message:
        'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation.',
    });
  });

  test("objects from a finished run cannot queue anything", async () => {
    const { Excel } = simExcel();
    let leaked: Excel.Range | undefined;
    let leakedContext: Excel.RequestContext | undefined;
    await Excel.run(async (context) => {
      leaked = context.workbook.worksheets.getActiveWorksheet().getRange("A1");
      leaked.load("address");
      leakedContext = context;
      await context.sync();
    });
    expect(leaked!.address).toBe("Sheet1!A1");
    const message = `The object path 'Range' isn't working for what you're trying to do. If you're using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object's lifetime.`;
    expect(() => leaked!.load("values")).toThrow(expect.objectContaining({ code: "InvalidObjectPath", message }));
    expect(() => {
      leaked!.values = [[1]];
    }).toThrow(expect.objectContaining({ code: "InvalidObjectPath" }));
    expect(() => leaked!.getCell(0, 0)).toThrow(expect.objectContaining({ code: "InvalidObjectPath" }));
    await expect(leakedContext!.sync()).rejects.toMatchObject({ code: "InvalidObjectPath" });
  });

  test("objects cannot cross request contexts", async () => {
    const { Excel } = simExcel();
    await Excel.run(async (outer) => {
      const range = outer.workbook.worksheets.getActiveWorksheet().getRange("A1:B2");
      await Excel.run(async (inner) => {
        const tables = inner.workbook.worksheets.getActiveWorksheet().tables;
        expect(() => tables.add(range, true)).toThrow(expect.objectContaining({ code: "InvalidRequestContext", message: "Cannot use the object across different request contexts." }));
        expect(() => inner.load(range, "values")).toThrow(expect.objectContaining({ code: "InvalidRequestContext" }));
      });
    });
  });

  test("passing objects from an earlier run is not supported", async () => {
    const { Excel } = simExcel();
    await expect(Excel.run({ previousObjects: [] } as Excel.RunOptions, async () => 1)).rejects.toMatchObject({ code: "NotImplemented" });
  });

  test("installSimExcel sets and restores the globals", async () => {
    const wb = new SimWorkbook();
    const target: Record<string, unknown> = { Excel: "before" };
    const uninstall = installSimExcel(wb, target);
    const excel = target.Excel as typeof Excel;
    await excel.run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().getRange("A1").values = [["hi"]];
      await context.sync();
    });
    expect(wb.getCell("A1").value).toBe("hi");
    expect((target.OfficeExtension as ReturnType<typeof createOfficeExtensionApi>).Error).toBe(SimOfficeError);
    uninstall();
    expect(target).toEqual({ Excel: "before" });
  });

  test("the namespace carries the enums writers use", () => {
    const api = createExcelApi(new SimWorkbook());
    expect([api.HorizontalAlignment.center, api.ErrorCodes.itemNotFound, api.ClearApplyTo.contents, api.RangeValueType.error]).toEqual(["Center", "ItemNotFound", "Contents", "Error"]);
  });
});

describe("null objects", () => {
  test("isNullObject is known after a sync, with or without load", async () => {
    const { wb, Excel } = simExcel();
    wb.addSheet("Data");
    await Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Missing");
      const present = context.workbook.worksheets.getItemOrNullObject("data");
      present.load("name");
      const plain = context.workbook.worksheets.getActiveWorksheet();
      await context.sync();
      expect([missing.isNullObject, present.isNullObject, present.name, plain.isNullObject]).toEqual([true, false, "Data", false]);
    });
  });

  test("reading a property of a null object throws; so does writing through it, at sync", async () => {
    const { Excel } = simExcel();
    await expect(
      Excel.run(async (context) => {
        const table = context.workbook.tables.getItemOrNullObject("Revenue");
        table.load("name");
        await context.sync();
        expect(() => table.name).toThrow(
          expect.objectContaining({ code: "ItemNotFound", message: "The requested resource doesn't exist. This Table is a null object (isNullObject is true), so it has no 'name'." }),
        );
        table.style = "TableStyleLight1";
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound", message: "The requested resource doesn't exist. The Table does not exist (it is a null object).", debugInfo: { errorLocation: "Table.style" } });
  });

  test("objects reached from a null object are null objects too", async () => {
    const { Excel } = simExcel();
    await Excel.run(async (context) => {
      const range = context.workbook.tables.getItemOrNullObject("Revenue").getDataBodyRange();
      range.load("address");
      const used = context.workbook.worksheets.getActiveWorksheet().getUsedRangeOrNullObject();
      await context.sync();
      expect([range.isNullObject, used.isNullObject]).toEqual([true, true]);
    });
  });

  test("the null check happens where the lookup was queued", async () => {
    const { Excel } = simExcel();
    await Excel.run(async (context) => {
      const early = context.workbook.tables.getItemOrNullObject("T");
      context.workbook.tables.add("Sheet1!A1:B2", true).name = "T";
      const late = context.workbook.tables.getItemOrNullObject("T");
      await context.sync();
      expect([early.isNullObject, late.isNullObject]).toEqual([true, false]);
    });
  });

  test("getItem of a missing item fails when the object is used", async () => {
    const { Excel } = simExcel();
    await expect(
      Excel.run(async (context) => {
        context.workbook.tables.getItem("Revenue").getRange().load("address");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound", message: 'The requested resource doesn\'t exist. There is no table named "Revenue".' });
  });
});

describe("collections and results", () => {
  test("items after load; getCount gives a ClientResult", async () => {
    const { wb, Excel } = simExcel();
    wb.addSheet("Data");
    await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      const count = sheets.getCount();
      expect(() => count.value).toThrow(
        expect.objectContaining({
          code: "ValueNotLoaded",
          message: 'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
        }),
      );
      await context.sync();
      expect([sheets.items.map((s) => s.name), count.value]).toEqual([["Sheet1", "Data"], 2]);
      expect(() => sheets.items[0]!.position).toThrow(NOT_LOADED("position"));
    });
  });

  test("count loads only where Office.js has it (tables, columns, rows; not sheets or settings)", async () => {
    const { Excel } = simExcel();
    await Excel.run(async (context) => {
      const tables = context.workbook.tables;
      tables.load("count");
      await context.sync();
      expect(tables.count).toBe(0);
      expect(() => context.workbook.worksheets.load("count")).toThrow(
        'The argument is invalid or missing or has an incorrect format. The items of WorksheetCollection have no property "count" to load.',
      );
    });
  });

  test("a collection's items are bound to their objects", async () => {
    const { wb, Excel } = simExcel();
    wb.addSheet("Data");
    await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items");
      await context.sync();
      sheets.items[1]!.getRange("A1").values = [["via item"]];
      await context.sync();
    });
    expect(wb.getCell("Data!A1").value).toBe("via item");
  });

  test("toJSON gives the loaded properties", async () => {
    const { Excel } = simExcel();
    await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("name");
      await context.sync();
      expect(JSON.parse(JSON.stringify(sheets))).toEqual({ items: [{ name: "Sheet1" }] });
    });
  });
});

describe("workbook-level objects", () => {
  test("active sheet, active cell, selection and adding sheets", async () => {
    const { wb, Excel } = simExcel();
    wb.select("C3:D5");
    await Excel.run(async (context) => {
      const cell = context.workbook.getActiveCell();
      const selected = context.workbook.getSelectedRange();
      cell.load("address");
      selected.load("address");
      const added = context.workbook.worksheets.add("Report");
      added.load("name, position");
      const unnamed = context.workbook.worksheets.add();
      unnamed.load("name");
      await context.sync();
      expect([cell.address, selected.address, added.name, added.position, unnamed.name]).toEqual(["Sheet1!C3", "Sheet1!C3:D5", "Report", 1, "Sheet2"]);
      added.activate();
      added.getRange("B2").select();
      await context.sync();
    });
    expect([wb.activeSheetName, wb.activeCellAddress]).toEqual(["Report", "Report!B2"]);
  });

  test.each<[string, string, string]>([
    ["sheet1", "ItemAlreadyExists", 'A resource with the same name or identifier already exists. There is already a sheet named "sheet1".'],
    ["a/b", "InvalidArgument", 'The argument is invalid or missing or has an incorrect format. Sheet name "a/b" contains one of the characters : \\ / ? * [ ].'],
    ["'quoted'", "InvalidArgument", "The argument is invalid or missing or has an incorrect format. Sheet name \"'quoted'\" cannot begin or end with an apostrophe."],
    ["History", "InvalidArgument", 'The argument is invalid or missing or has an incorrect format. Sheet name "History" is reserved by Excel.'],
    ["x".repeat(32), "InvalidArgument", `The argument is invalid or missing or has an incorrect format. Sheet name "${"x".repeat(32)}" is longer than 31 characters.`],
    [" ", "InvalidArgument", "The argument is invalid or missing or has an incorrect format. A sheet name cannot be blank."],
  ])("worksheets.add(%j) is refused", async (name, code, message) => {
    const { Excel } = simExcel();
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.add(name);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code, message });
  });

  test("a sheet can be renamed; tables follow it", async () => {
    const { wb, Excel } = simExcel();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.tables.add("A1:B2", true);
      sheet.name = "Data";
      await context.sync();
    });
    expect([wb.sheetNames, wb.tables[0]!.address]).toEqual([["Data"], "Data!A1:B2"]);
  });

  test("calculation mode and calculate", async () => {
    const calls: string[] = [];
    const { wb, Excel } = simExcel({ evaluate: (formula) => (calls.push(formula), 1) });
    await Excel.run(async (context) => {
      const app = context.workbook.application;
      app.calculationMode = "Manual";
      context.workbook.worksheets.getActiveWorksheet().getRange("A1").formulas = [["=ONE()"]];
      app.suspendApiCalculationUntilNextSync();
      await context.sync();
      expect(wb.getCell("A1").value).toBe("");
      app.calculate("Full");
      app.load("calculationMode");
      await context.sync();
      expect(app.calculationMode).toBe("Manual");
    });
    expect(wb.getCell("A1").value).toBe(1);
  });
});
