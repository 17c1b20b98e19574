import { emptyRegistry, nextTableName, readRegistry, writeRegistry, type RegistryEntry } from "../../src/excel/registry";

const entry: RegistryEntry = {
  name: "AIM_vendor_revenue_1",
  tableId: "vendor_revenue",
  mode: "snapshot",
  options: { language: "en", currency: "USD", scale: "B", bound: "mid" },
  sheet: "Sheet1",
  address: "B2:E11",
  headers: ["Vendor", "Low", "Mid", "High"],
  written: [["OpenAI", 33, 33, 33]],
  shown: [["OpenAI", 33, 33, 33]],
  datasetVersion: "1.0.0",
  datasetHash: "00000000000001",
  insertedAt: "2026-11-29T00:00:00.000Z",
};

test("round-trips through the JSON the workbook stores", () => {
  const registry = { ...emptyRegistry(), refreshOnOpen: true, entries: [entry] };
  expect(readRegistry(writeRegistry(registry))).toEqual({ registry, problems: [] });
});

test.each<[string, unknown, string[]]>([
  ["nothing stored", undefined, []],
  ["damaged JSON", "{not json", ["The add-in's record of inserted tables is damaged; tables inserted before cannot be refreshed."]],
  ["no entries", JSON.stringify({ version: 1 }), ["The add-in's record of inserted tables is damaged; tables inserted before cannot be refreshed."]],
])("reads %s leniently", (_name, stored, problems) => {
  const read = readRegistry(stored);
  expect(read.registry.entries).toEqual([]);
  expect(read.problems).toEqual(problems);
});

test("skips an unreadable entry and keeps the others; a newer format is read as far as it goes", () => {
  const stored = JSON.stringify({ version: 2, refreshOnOpen: false, entries: [entry, { name: 3 }, { ...entry, name: "AIM_x_1", extra: true }] });
  const read = readRegistry(stored);
  expect(read.registry.entries.map((e) => e.name)).toEqual(["AIM_vendor_revenue_1", "AIM_x_1"]);
  expect(read.problems).toEqual([
    "This workbook's record of inserted tables was written by a newer add-in (format 2); some details may be ignored.",
    "Entry 2 of the record of inserted tables could not be read and is ignored.",
  ]);
});

test("table names take the prefix and the first free number, case-insensitively", () => {
  expect(nextTableName("vendor_revenue", [])).toBe("AIM_vendor_revenue_1");
  expect(nextTableName("vendor_revenue", ["aim_vendor_revenue_1", "AIM_vendor_revenue_2"])).toBe("AIM_vendor_revenue_3");
  expect(nextTableName("model-specs.x", [])).toBe("AIM_model_specs_x_1");
});
