import { figureKey } from "../../src/core/dataset-index";
import { figuresInUse, mergeUses, tablesUsing } from "../../src/taskpane/figures-in-use";
import { bundledDataset } from "../helpers/bundled-dataset";

const dataset = bundledDataset();
const figure = (id: string) => dataset.figures.find((f) => f.id === id)!;

describe("figuresInUse: the keys a feed may not drop, and which tracked table uses each", () => {
  test("a numeric table uses entity|metric for every row entity and column metric", () => {
    const uses = figuresInUse(dataset, [{ name: "AIM_vendor_revenue_1", tableId: "vendor_revenue" }]);
    const vendors = ["openai", "google", "anthropic", "meta", "bytedance", "alibaba", "baidu", "tencent", "deepseek"];
    expect([...uses.keys()]).toEqual(vendors.map((v) => figureKey(v, "revenue")));
    expect(uses.get("openai|revenue")).toEqual(["AIM_vendor_revenue_1"]);
  });

  test("a table as written uses the ids of the figures whose source is that table", () => {
    const uses = figuresInUse(dataset, [{ name: "AIM_camps_representatives_1", tableId: "camps_representatives" }]);
    expect([...uses.entries()]).toEqual([["west.representative_models", ["AIM_camps_representatives_1"]]]);
    const international = figuresInUse(dataset, [{ name: "T", tableId: "vendors_international" }]);
    const expected = dataset.figures.filter((f) => f.source.table === "vendors_international").map((f) => f.id);
    expect([...international.keys()]).toEqual(expected);
    expect(expected.length).toBeGreaterThan(10);
  });

  test("tables sharing a key are all named, once each, in the order given; unknown tables use nothing", () => {
    const uses = figuresInUse(dataset, [
      { name: "A", tableId: "vendor_revenue" },
      { name: "B", tableId: "vendor_metrics" },
      { name: "B", tableId: "vendor_metrics" },
      { name: "Gone", tableId: "no_such_table" },
      { name: "C", tableId: "vendors_international" },
    ]);
    expect(uses.get("openai|revenue")).toEqual(["A", "B"]);
    expect(uses.get("openai|compute_gw")).toEqual(["B"]);
    expect(tablesUsing(uses, figure("openai.revenue.2026"))).toEqual(["A", "B", "C"]);
    expect(tablesUsing(uses, figure("global.market_growth.2026"))).toEqual([]);
    expect([...uses.values()].flat()).not.toContain("Gone");
  });

  test("no tables, no keys", () => {
    expect(figuresInUse(dataset, []).size).toBe(0);
  });

  test("mergeUses joins the uses of two datasets without repeating a table", () => {
    const merged = mergeUses(new Map([["a", ["T1"]], ["b", ["T1"]]]), new Map([["a", ["T1", "T2"]], ["c", ["T3"]]]));
    expect([...merged.entries()]).toEqual([
      ["a", ["T1", "T2"]],
      ["b", ["T1"]],
      ["c", ["T3"]],
    ]);
  });
});
