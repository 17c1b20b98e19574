import { diffDatasets } from "../../src/core/diff-datasets";
import type { Dataset } from "../../src/core/schema";
import { figuresInUse } from "../../src/taskpane/figures-in-use";
import { versionNoticeText, usesOtherData, shortHash } from "../../src/taskpane/render-data";
import { shownFigure, whatChangedOf } from "../../src/taskpane/what-changed";
import { bundledDataset } from "../helpers/bundled-dataset";

const before = bundledDataset();

/** A feed's revision: OpenAI's revenue rewritten, a text figure changed, one flag-only change, one figure added and one removed. */
function revised(): Dataset {
  const next = structuredClone(before);
  next.meta.version = "1.1.0";
  const openai = next.figures.find((f) => f.id === "openai.revenue.2026")!;
  openai.value = 340;
  openai.written = "340亿美元";
  openai.source.text = openai.source.text.replace("330亿美元", "340亿美元");
  const models = next.figures.find((f) => f.id === "west.representative_models")!;
  models.text = { zh: '=HYPERLINK("http://x","y")', en: '=HYPERLINK("http://x","y")' };
  const google = next.figures.find((f) => f.id === "google.revenue.2026")!;
  google.flags = [];
  const growth = next.figures.find((f) => f.id === "global.market_growth.2026")!;
  next.figures.push({ ...structuredClone(growth), id: "global.market_growth.2027", period: 2027 });
  next.figures = next.figures.filter((f) => f.id !== "global.risk_notice");
  next.meta.exchangeRate.cnyPerUsd = 7.2;
  return next;
}

const tracked = [
  { name: "AIM_vendor_revenue_1", tableId: "vendor_revenue" },
  { name: "AIM_camps_representatives_1", tableId: "camps_representatives" },
];

test("lists every changed, added and removed figure with its values, source and the tables that use it", () => {
  const after = revised();
  const uses = figuresInUse(before, tracked);
  const view = whatChangedOf({ status: "updated", diff: diffDatasets(before, after), previousVersion: "1.0.0" }, before, after, uses, "en");
  expect(view).toMatchObject({ status: "updated", oldVersion: "1.0.0", version: "1.1.0", counts: "3 figures changed, 1 figure added, 1 figure removed" });
  expect(view.other).toEqual(["version 1.0.0 -> 1.1.0", "exchange rate 7.1338 -> 7.2 CNY per USD"]);
  const byId = new Map(view.figures.map((f) => [f.id, f]));
  expect(view.figures.map((f) => [f.change, f.id])).toEqual([
    ["changed", "openai.revenue.2026"],
    ["changed", "google.revenue.2026"],
    ["changed", "west.representative_models"],
    ["added", "global.market_growth.2027"],
    ["removed", "global.risk_notice"],
  ]);
  const openai = before.figures.find((f) => f.id === "openai.revenue.2026")!;
  expect(byId.get("openai.revenue.2026")).toEqual({
    change: "changed",
    id: "openai.revenue.2026",
    label: "OpenAI · Revenue · 2026",
    old: "330亿美元",
    next: "340亿美元",
    fields: [],
    source: openai.source.text.replace("330亿美元", "340亿美元"),
    oldSource: openai.source.text,
    usedIn: ["AIM_vendor_revenue_1"],
  });
  // Values that read the same say which fields changed instead.
  expect(byId.get("google.revenue.2026")).toMatchObject({ fields: ["flags"], usedIn: ["AIM_vendor_revenue_1"] });
  expect(byId.get("google.revenue.2026")!.oldSource).toBeUndefined();
  expect(byId.get("west.representative_models")).toMatchObject({
    next: '=HYPERLINK("http://x","y")',
    usedIn: ["AIM_camps_representatives_1"],
  });
  const added = byId.get("global.market_growth.2027")!;
  expect([added.old, added.next, added.usedIn]).toEqual([undefined, before.figures.find((f) => f.id === "global.market_growth.2026")!.written, []]);
  const removed = byId.get("global.risk_notice")!;
  expect([removed.old, removed.next, removed.usedIn]).toEqual([shownFigure(before.figures.find((f) => f.id === "global.risk_notice")!, "en"), undefined, []]);
});

test("in Chinese, names and words are Chinese; figures stay as written", () => {
  const after = revised();
  const view = whatChangedOf({ status: "updated", diff: diffDatasets(before, after), previousVersion: "1.0.0" }, before, after, new Map(), "zh");
  expect(view.counts).toBe("3 项数据有变更,新增 1 项数据,删除 1 项数据");
  expect(view.figures[0]).toMatchObject({ label: "OpenAI · 营收 · 2026", old: "330亿美元", next: "340亿美元" });
  expect(view.other[0]).toBe("版本 1.0.0 -> 1.1.0");
});

test("an unchanged feed says so: no figures, no other changes", () => {
  const view = whatChangedOf({ status: "unchanged", diff: diffDatasets(before, before), previousVersion: "1.0.0" }, before, before, new Map(), "en");
  expect(view).toEqual({ status: "unchanged", oldVersion: "1.0.0", version: "1.0.0", counts: "0 figures changed, 0 figures added, 0 figures removed", other: [], figures: [] });
});

test("shownFigure: text in the pane's language, else as written, else the numbers", () => {
  const figure = before.figures.find((f) => f.id === "openai.core_advantage.2026")!;
  expect(shownFigure(figure, "zh")).toBe(figure.text!.zh);
  expect(shownFigure(figure, "en")).toBe(figure.text!.en);
  const { written: _w, ...bare } = before.figures.find((f) => f.id === "anthropic.revenue.2026")!;
  expect(shownFigure({ ...bare, text: undefined }, "en")).toBe("240-270亿 USD");
});

describe("the version notice", () => {
  const now = { version: "1.1.0", hash: "abcdef0123456789" };
  test.each([
    [undefined, false],
    [{ version: "1.1.0", hash: "abcdef0123456789" }, false],
    [{ version: "1.0.0", hash: "0000000000aaaa" }, true],
    [{ version: "1.1.0", hash: "0000000000aaaa" }, true],
  ])("workbook last used %p: notice %p", (last, shown) => {
    expect(usesOtherData(last, now)).toBe(shown);
  });

  test("names both versions, or both hashes when the versions are the same", () => {
    expect(versionNoticeText({ version: "1.0.0", hash: "x" }, now, "en")).toBe("This workbook last used data v1.0.0; the add-in now has v1.1.0.");
    expect(versionNoticeText({ version: "1.0.0", hash: "x" }, now, "zh")).toBe("本工作簿上次使用的数据为 v1.0.0;加载项现在的数据为 v1.1.0。");
    expect(versionNoticeText({ version: "1.1.0", hash: "0000000000aaaa" }, now, "en")).toBe(
      "This workbook last used other data with the same version, v1.1.0 (content hash 00000000); the add-in now has content hash abcdef01.",
    );
    expect(shortHash(now.hash)).toBe("abcdef01");
  });
});
