// Refresh when the user renamed or deleted a sheet the add-in wrote to: every other table still
// refreshes, and what cannot be refreshed is reported in one sentence, never a failed refresh.
import { dropLastVendor } from "../../src/preview/drop-vendor";
import { bundledDataset } from "../helpers/bundled-dataset";
import { revisedDataset, simSetup } from "../helpers/sim-setup";

const request = { language: "en", currency: "USD", scale: "B", bound: "mid" } as const;

/** The bundled dataset without its last vendor, version 0.9.0, so the bundled one is newer and one row longer. */
function shorter() {
  const dropped = dropLastVendor(bundledDataset())!.dataset;
  dropped.meta.version = "0.9.0";
  return dropped;
}

describe("a sheet renamed after the insert", () => {
  test("a table on it that grows is refreshed there, its source line moved, and the record follows the new name", async () => {
    const s = simSetup(shorter());
    const { name } = await s.actions.insertTable({ tableId: "vendor_revenue", mode: "snapshot", ...request });
    s.workbook.renameSheet("Sheet1", "Revenue");
    s.store.replace(bundledDataset());
    const summary = await s.actions.refresh();
    expect(summary.failed).toEqual([]);
    expect(summary.refreshed).toEqual([expect.objectContaining({ name, rowsAdded: 1 })]);
    expect(s.workbook.getTable(name)!.address).toBe("Revenue!A1:E10");
    expect(String(s.workbook.getCell("Revenue!A11").value)).toMatch(/^Source: /);
    expect(s.workbook.getCell("Revenue!A10").value).toBe("DeepSeek");
    expect(await s.actions.listTracked()).toEqual([expect.objectContaining({ name, sheet: "Revenue", address: "A1:E10" })]);
  });

  test("a spill on it is reported, and the other tables still refresh", async () => {
    const s = simSetup();
    const spill = await s.actions.insertTable({ tableId: "model_specs", mode: "spill", ...request });
    s.workbook.addSheet("Other");
    s.workbook.select("Other!B2");
    const table = await s.actions.insertTable({ tableId: "vendor_revenue", mode: "snapshot", ...request });
    s.workbook.renameSheet("Sheet1", "Models");
    s.store.replace(revisedDataset());
    const summary = await s.actions.refresh();
    expect(summary.refreshed.map((r) => r.name)).toEqual([table.name]);
    expect(summary.failed).toEqual([
      { name: spill.name, reason: `${spill.name} was on the sheet "Sheet1", which was renamed or deleted, so it was not refreshed; insert it again to track it.` },
    ]);
    // The spill formula itself still answers from the data in use.
    expect(s.workbook.getCell("Models!A1").formula).toBe('=AIMARKET.TABLE("model_specs","en","USD","B","mid")');
  });
});

describe("a sheet deleted after the insert", () => {
  test("its table is reported deleted and its spill reported; a table on another sheet refreshes", async () => {
    const s = simSetup();
    s.workbook.addSheet("Gone");
    s.workbook.select("Gone!A1");
    const spill = await s.actions.insertTable({ tableId: "model_specs", mode: "spill", ...request });
    s.workbook.select("Gone!A10");
    const gone = await s.actions.insertTable({ tableId: "market_indicators", mode: "snapshot", ...request });
    s.workbook.select("Sheet1!B2");
    const kept = await s.actions.insertTable({ tableId: "vendor_revenue", mode: "snapshot", ...request });
    s.workbook.deleteSheet("Gone");
    s.store.replace(revisedDataset());
    const { result, syncs } = await s.measure(() => s.actions.refresh());
    expect(syncs).toBeLessThanOrEqual(4);
    expect(result.refreshed.map((r) => r.name)).toEqual([kept.name]);
    expect(result.failed.map((f) => f.name).sort()).toEqual([gone.name, spill.name].sort());
    expect(result.failed.find((f) => f.name === gone.name)!.reason).toMatch(/was deleted from the workbook; it is not recreated/);
    expect(result.failed.find((f) => f.name === spill.name)!.reason).toMatch(/was on the sheet "Gone", which was renamed or deleted/);
    expect(result.lastDataset).toEqual({ version: "1.1.0", hash: s.store.current.hash });
  });
});

describe("the stand-in's sheet actions", () => {
  test("rename checks the name; delete takes tables and charts with it and refuses the last sheet", () => {
    const s = simSetup();
    expect(() => s.workbook.renameSheet("Sheet1", "a/b")).toThrow(/contains one of the characters/);
    s.workbook.addSheet("Two");
    expect(() => s.workbook.renameSheet("Two", "sheet1")).toThrow();
    s.workbook.deleteSheet("Two");
    expect(() => s.workbook.deleteSheet("Sheet1")).toThrow(/at least one visible worksheet/);
    expect(() => s.workbook.deleteSheet("Two")).toThrow(/no sheet named/);
  });
});

test.each(["Bob's", "数据", "a!b"])("a table renamed on a sheet named %s is reported as renamed, not deleted", async (sheet) => {
  const s = simSetup();
  s.workbook.addSheet(sheet);
  s.workbook.select(`'${sheet.replace(/'/g, "''")}'!B2`);
  const { name } = await s.actions.insertTable({ tableId: "model_specs", mode: "snapshot", ...request });
  s.workbook.renameTable(name, "MyModels");
  const summary = await s.actions.refresh();
  expect(summary.failed).toEqual([{ name, reason: `${name} was renamed to "MyModels", so it is no longer refreshed; rename it back to ${name} to refresh it.` }]);
});
