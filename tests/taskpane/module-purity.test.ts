// Only the entry files (taskpane.ts, preview.ts) may act when loaded; every other module of the
// pane and the simulator page must load in plain Node, with no DOM and no Office, and do nothing.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");
const ENTRIES = ["src/taskpane/taskpane.ts", "src/preview/preview.ts"];
const modules = ["src/taskpane", "src/preview"].flatMap((dir) =>
  readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith(".ts"))
    .map((f) => `${dir}/${f}`),
);

test.each(modules.filter((m) => !ENTRIES.includes(m)))("%s loads without a DOM or Office", (module) => {
  const globals = globalThis as Record<string, unknown>;
  expect([globals.document, globals.window, globals.Office, globals.Excel]).toEqual([undefined, undefined, undefined, undefined]);
  expect(() => jest.isolateModules(() => require(join(ROOT, module)))).not.toThrow();
});

test.each(modules)("%s does not import the custom functions (that would register them twice)", (module) => {
  const source = readFileSync(join(ROOT, module), "utf8");
  expect(source).not.toMatch(/from\s+["'][./]*\/functions\/functions["']/);
  expect(source).not.toMatch(/import\s*\(\s*["'][./]*\/functions\/functions["']/);
});
