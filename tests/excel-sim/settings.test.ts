import { SimWorkbook } from "../../src/excel-sim";
import { simExcel } from "./sim-test-kit";

const REGISTRY = { version: 1, tables: [{ name: "Revenue", tableId: "vendor_revenue", mode: "live", address: "Sheet1!B2:F11" }], refreshOnOpen: true };

describe("settings", () => {
  test("add, read back as a copy, overwrite, count and delete", async () => {
    const { wb, Excel } = simExcel();
    const result = await Excel.run(async (context) => {
      const settings = context.workbook.settings;
      settings.add("aimarket.registry", REGISTRY);
      settings.add("aimarket.flag", true);
      settings.add("aimarket.flag", false);
      const item = settings.getItem("aimarket.registry");
      item.load("key, value");
      const count = settings.getCount();
      await context.sync();
      (item.value as typeof REGISTRY).version = 99;
      const again = settings.getItem("aimarket.registry");
      again.load("value");
      settings.getItem("aimarket.flag").delete();
      await context.sync();
      return [item.key, (again.value as typeof REGISTRY).version, count.value];
    });
    expect(result).toEqual(["aimarket.registry", 1, 2]);
    expect([wb.settingKeys, wb.getSetting("aimarket.registry")]).toEqual([["aimarket.registry"], REGISTRY]);
  });

  test("getItemOrNullObject for a missing key; getItem of a missing key fails when used", async () => {
    const { Excel } = simExcel();
    await Excel.run(async (context) => {
      const missing = context.workbook.settings.getItemOrNullObject("nope");
      missing.load("value");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
    });
    await expect(
      Excel.run(async (context) => {
        context.workbook.settings.getItem("nope").load("value");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound", message: 'The requested resource doesn\'t exist. There is no setting "nope".' });
  });

  test("setting.value writes; a deleted setting cannot be used", async () => {
    const { wb, Excel } = simExcel();
    await expect(
      Excel.run(async (context) => {
        const s = context.workbook.settings.add("k", 1);
        s.value = { a: [1, 2] };
        await context.sync();
        expect(wb.getSetting("k")).toEqual({ a: [1, 2] });
        s.delete();
        await context.sync();
        s.load("value");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound", message: 'The requested resource doesn\'t exist. The setting "k" was deleted.' });
  });

  test("items load keys and values", async () => {
    const { Excel } = simExcel();
    const items = await Excel.run(async (context) => {
      context.workbook.settings.add("a", 1);
      context.workbook.settings.add("b", "two");
      context.workbook.settings.load("items");
      await context.sync();
      return context.workbook.settings.items.map((s) => [s.key, s.value]);
    });
    expect(items).toEqual([
      ["a", 1],
      ["b", "two"],
    ]);
  });

  test.each<[string, [string, unknown], string]>([
    ["an empty key", ["", 1], "The argument is invalid or missing or has an incorrect format. A setting key must be non-empty text."],
    ["undefined", ["k", undefined], "The argument is invalid or missing or has an incorrect format. A setting value must be JSON-serialisable; got undefined."],
    ["a function", ["k", () => 1], "The argument is invalid or missing or has an incorrect format. A setting value must be JSON-serialisable; got function."],
  ])("%s is refused", async (_name, [key, value], message) => {
    const { Excel } = simExcel();
    await expect(
      Excel.run(async (context) => {
        context.workbook.settings.add(key, value);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument", message });
  });

  test("a circular value is refused", async () => {
    const { Excel } = simExcel();
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    await expect(
      Excel.run(async (context) => {
        context.workbook.settings.add("k", circular);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument", message: expect.stringMatching(/^The argument is invalid or missing or has an incorrect format\. A setting value must be JSON-serialisable: /) });
  });

  test("a Date comes back as its ISO text", async () => {
    const { wb, Excel } = simExcel();
    await Excel.run(async (context) => {
      context.workbook.settings.add("when", new Date(Date.UTC(2026, 1, 22)));
      await context.sync();
    });
    expect(wb.getSetting("when")).toBe("2026-02-22T00:00:00.000Z");
  });

  test("settings survive save and reopen", async () => {
    const { wb, Excel } = simExcel();
    await Excel.run(async (context) => {
      context.workbook.settings.add("aimarket.registry", REGISTRY);
      await context.sync();
    });
    const reopened = SimWorkbook.fromJSON(JSON.parse(JSON.stringify(wb.toJSON())));
    expect(reopened.getSetting("aimarket.registry")).toEqual(REGISTRY);
  });
});
