/**
 * src/core is pure: no Office, no DOM, no globals, nothing imported from the layers above it, and
 * no zod outside the validation files (the functions bundle must stay small and eval-free).
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { ROOT } from "../helpers/bundled-dataset";

const dir = join(ROOT, "src/core");
/** Paths relative to src/core, subfolders (src/core/feed) included. */
const files = (readdirSync(dir, { recursive: true }) as string[])
  .filter((f) => f.endsWith(".ts"))
  .map((f) => f.split("\\").join("/"))
  .sort();
const VALIDATION_FILES = ["schema.ts", "format-issue.ts", "parse-dataset.ts", "dataset-json-schema.ts"];

function codeOf(file: string): string {
  return readFileSync(join(dir, file), "utf8")
    .replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "")
    .replace(/"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, '""');
}

function importsOf(file: string): { spec: string; typeOnly: boolean }[] {
  const text = readFileSync(join(dir, file), "utf8");
  return [...text.matchAll(/^import\s+(type\s+)?[\s\S]*?from\s+"([^"]+)";/gm)].map((m) => ({ spec: m[2]!, typeOnly: Boolean(m[1]) }));
}

/** Where a relative import points, relative to src/core ("schema", "feed/feed-error"), or undefined when it leaves src/core. */
function coreTarget(file: string, spec: string): string | undefined {
  if (!spec.startsWith("./") && !spec.startsWith("../")) return undefined;
  const target = relative(dir, resolve(dirname(join(dir, file)), spec)).split("\\").join("/");
  return target.startsWith("..") ? undefined : target;
}

test("the scan covers src/core/feed", () => {
  expect(files).toEqual(expect.arrayContaining(["schema.ts", "feed/download-feed.ts", "feed/refresh-feed.ts"]));
});

test.each(files)("%s uses no Office, DOM or global state", (file) => {
  expect(codeOf(file)).not.toMatch(/\b(Office|Excel|CustomFunctions|document|window|globalThis|localStorage|fetch)\b/);
});

test.each(files)("%s imports only core (and zod where it validates)", (file) => {
  for (const { spec, typeOnly } of importsOf(file)) {
    const target = coreTarget(file, spec);
    expect([file, spec, target !== undefined || spec === "zod"]).toEqual([file, spec, true]);
    if (!VALIDATION_FILES.includes(file) && !typeOnly) expect([file, spec, target]).not.toEqual([file, spec, "schema"]);
    if (!VALIDATION_FILES.includes(file) && !typeOnly) expect([file, spec]).not.toEqual([file, "zod"]);
  }
});
