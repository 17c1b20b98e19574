import { emptyRegistry, lastDatasetOf, nextTableName, readRegistry, writeRegistry, type RegistryEntry } from "../../src/excel/registry";

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

describe("the feed and the dataset last used (optional fields of format 1)", () => {
  const stamp = { version: "1.1.0", hash: "0123456789abcd" };

  test("round-trip, and the format version stays 1", () => {
    const registry = { ...emptyRegistry(), entries: [entry], feedUrl: "https://example.com/feed.json", lastDataset: stamp };
    const stored = writeRegistry(registry);
    expect(JSON.parse(stored)).toMatchObject({ version: 1, feedUrl: "https://example.com/feed.json", lastDataset: stamp });
    expect(readRegistry(stored)).toEqual({ registry, problems: [] });
  });

  test("a registry written before they existed reads as before, without them", () => {
    const old = JSON.stringify({ version: 1, refreshOnOpen: true, entries: [entry] });
    const read = readRegistry(old);
    expect(read).toEqual({ registry: { version: 1, refreshOnOpen: true, entries: [entry] }, problems: [] });
    expect("feedUrl" in read.registry || "lastDataset" in read.registry).toBe(false);
  });

  test.each<[string, Record<string, unknown>, string[]]>([
    ["a feed address that is not text", { feedUrl: 42 }, ["The feed address stored in this workbook could not be read and is ignored."]],
    ["an empty feed address", { feedUrl: "" }, ["The feed address stored in this workbook could not be read and is ignored."]],
    ["a dataset record without a hash", { lastDataset: { version: "1.0.0" } }, ["The record of the data this workbook last used could not be read and is ignored."]],
    ["a dataset record that is text", { lastDataset: "1.0.0" }, ["The record of the data this workbook last used could not be read and is ignored."]],
  ])("%s is ignored and reported; the tables are kept", (_name, fields, problems) => {
    const read = readRegistry(JSON.stringify({ version: 1, refreshOnOpen: false, entries: [entry], ...fields }));
    expect(read.registry.entries).toEqual([entry]);
    expect(read.registry.feedUrl).toBeUndefined();
    expect(read.registry.lastDataset).toBeUndefined();
    expect(read.problems).toEqual(problems);
  });

  test("lastDatasetOf: as recorded, else the dataset of the table written last, else none", () => {
    const older = { ...entry, name: "A", datasetVersion: "1.0.0", datasetHash: "a", insertedAt: "2026-01-01T00:00:00.000Z" };
    const newer = { ...entry, name: "B", datasetVersion: "1.0.1", datasetHash: "b", insertedAt: "2025-12-01T00:00:00.000Z", refreshedAt: "2026-02-01T00:00:00.000Z" };
    expect(lastDatasetOf({ ...emptyRegistry(), entries: [older, newer], lastDataset: stamp })).toEqual(stamp);
    expect(lastDatasetOf({ ...emptyRegistry(), entries: [older, newer] })).toEqual({ version: "1.0.1", hash: "b" });
    expect(lastDatasetOf(emptyRegistry())).toBeUndefined();
  });
});
