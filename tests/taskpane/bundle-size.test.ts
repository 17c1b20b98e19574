// The pane must open fast: every script taskpane.html loads, office.js aside, within a budget,
// measured on the production build of the run (tests/global-setup.ts).
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

const BUDGET_BYTES = 400 * 1024;
const out = process.env.AIMARKET_TEST_BUILD!;
const scriptsOf = (page: string): string[] =>
  [...readFileSync(join(out, page), "utf8").matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)/gi)].map((m) => m[1]!);

test(`the scripts taskpane.html loads (office.js aside) are at most ${BUDGET_BYTES / 1024} KB minified`, () => {
  const local = scriptsOf("taskpane.html").filter((src) => !/^https?:/.test(src));
  expect(local).toEqual(["functions.js", "taskpane.js"]);
  const sizes = Object.fromEntries(local.map((src) => [src, statSync(join(out, src)).size]));
  const total = Object.values(sizes).reduce((a, b) => a + b, 0);
  expect({ sizes, total, withinBudget: total <= BUDGET_BYTES }).toEqual({ sizes, total, withinBudget: true });
});

/** The chunk names the pane's chunk loader knows ({id:"name"}[id] + ".js"), relative to the page (publicPath ""). */
function lazyChunks(file: string): string[] {
  const code = readFileSync(join(out, file), "utf8");
  const map = /\{((?:\d+:"[\w-]+",?)+)\}\[\w+\]\s*\+\s*"\.js"/.exec(code)?.[1];
  const single = /"([\w-]+)\.js"/.exec(code)?.[1];
  return map ? [...map.matchAll(/"([\w-]+)"/g)].map((m) => m[1]!).sort() : single ? [single] : [];
}

test("the feed pipeline (zod included) is feed.js, fetched by taskpane.js only when a workbook names a feed", () => {
  const html = readFileSync(join(out, "taskpane.html"), "utf8");
  expect(html).not.toContain("feed.js");
  expect(readFileSync(join(out, "feed.js"), "utf8")).toMatch(/ZodError/);
  expect(lazyChunks("taskpane.js")).toContain("feed");
  expect(readFileSync(join(out, "functions.js"), "utf8")).not.toContain("feed.js");
});

test("the pane fetches these chunks only when they are needed, and taskpane.html names none of them", () => {
  const html = readFileSync(join(out, "taskpane.html"), "utf8");
  const chunks = lazyChunks("taskpane.js");
  expect(chunks).toEqual(["charts", "dark-theme", "feed", "formula-builder"]);
  for (const chunk of chunks) {
    expect(existsSync(join(out, `${chunk}.js`))).toBe(true);
    expect(html).not.toContain(`${chunk}.js`);
  }
  // The start-up scripts hold none of the lazy sections' code.
  const start = readFileSync(join(out, "taskpane.js"), "utf8");
  expect(start).not.toContain("aim-fb-search");
  expect(readFileSync(join(out, "formula-builder.js"), "utf8")).toContain("aim-fb-search");
});

test("taskpane.js carries no second copy of the dataset and no zod (functions.js brings the dataset)", () => {
  const code = readFileSync(join(out, "taskpane.js"), "utf8");
  const dataset = JSON.parse(readFileSync(join(__dirname, "..", "..", "data", "ai-market-2026.json"), "utf8")) as { meta: { asOfSource: string } };
  expect(code.includes(dataset.meta.asOfSource)).toBe(false);
  expect(readFileSync(join(out, "functions.js"), "utf8").includes(dataset.meta.asOfSource)).toBe(true);
  expect(code).not.toMatch(/ZodError|zod\.dev/);
});

test("preview.html is the simulator page: office.js from the dev server and the preview bundle, never functions.js", () => {
  expect(scriptsOf("preview.html")).toEqual(["office-js/office.js", "preview.js"]);
});
