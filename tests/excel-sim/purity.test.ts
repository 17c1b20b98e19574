/**
 * src/excel-sim runs in Node (jest) and in the browser preview (webpack): no Node-only APIs, no
 * globals touched at import time, nothing imported from the add-in's own layers.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../helpers/bundled-dataset";

const dir = join(ROOT, "src/excel-sim");
const files = readdirSync(dir).filter((f) => f.endsWith(".ts"));

function codeOf(file: string): string {
  return readFileSync(join(dir, file), "utf8")
    .replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "")
    .replace(/"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, '""');
}

test.each(files)("%s uses no Node-only API", (file) => {
  expect(codeOf(file)).not.toMatch(/\b(require|Buffer|process|__dirname|__filename|setImmediate)\b/);
});

test.each(files)("%s imports only its siblings", (file) => {
  const specs = [...readFileSync(join(dir, file), "utf8").matchAll(/^(?:import|export)\s[\s\S]*?from\s+"([^"]+)";/gm)].map((m) => m[1]);
  expect(specs.filter((s) => !s!.startsWith("./"))).toEqual([]);
});

test("importing the stand-in leaves the globals alone", () => {
  const before = Object.getOwnPropertyNames(globalThis).sort();
  jest.isolateModules(() => {
    jest.requireActual("../../src/excel-sim");
  });
  expect(Object.getOwnPropertyNames(globalThis).sort()).toEqual(before);
});
