import { buildTable } from "../../src/core/build-table";
import { checkMeaning } from "../../src/core/check-meaning";
import { DatasetStore } from "../../src/core/dataset-store";
import { bumpMinor, reviseDataset } from "../../src/preview/revise-dataset";
import { bundledDataset } from "../helpers/bundled-dataset";

test("Change data: a new version with a few figures up and a row added, the input untouched", () => {
  const original = bundledDataset();
  const before = JSON.stringify(original);
  const revised = reviseDataset(original);
  expect(JSON.stringify(original)).toBe(before);
  expect(revised.meta.version).toBe("1.1.0");

  const store = new DatasetStore(revised);
  const index = store.current.index;
  expect(buildTable(index, "vendor_revenue", { scale: "亿" }).slice(1, 4).map((row) => row.slice(0, 4))).toEqual([
    ["OpenAI", 360, 360, 360],
    ["Google", 1000, 1000, 1000],
    ["Anthropic", 250, 265, 280],
  ]);
  expect(buildTable(index, "vendors_international", { language: "zh" })[1]![3]).toBe("360亿美元");
  expect(buildTable(index, "camps_representatives", { language: "en" }).map((r) => r[0])).toEqual(["Camp", "West (mainly the US)", "China"]);
  expect(buildTable(index, "market_indicators")[1]![1]).toBe(0.7);

  const again = reviseDataset(revised);
  expect(again.meta.version).toBe("1.2.0");
  expect(buildTable(new DatasetStore(again).current.index, "camps_representatives").length).toBe(3);
});

test("the revised dataset still passes the meaning checks a feed must pass", () => {
  expect(checkMeaning(reviseDataset(bundledDataset()))).toEqual([]);
});

test.each([
  ["1.0.0", "1.1.0"],
  ["2.9.3", "2.10.0"],
  ["odd", "odd"],
])("bumpMinor(%s) is %s", (version, expected) => {
  expect(bumpMinor(version)).toBe(expected);
});
