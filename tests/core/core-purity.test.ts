/**
 * src/core is pure: no Office, no DOM, no globals, nothing imported from the layers above it, and
 * no zod outside the validation files (the functions bundle must stay small and eval-free).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../helpers/bundled-dataset";

const dir = join(ROOT, "src/core");
const files = readdirSync(dir).filter((f) => f.endsWith(".ts"));
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

test.each(files)("%s uses no Office, DOM or global state", (file) => {
  expect(codeOf(file)).not.toMatch(/\b(Office|Excel|CustomFunctions|document|window|globalThis|localStorage|fetch)\b/);
});

test.each(files)("%s imports only core (and zod where it validates)", (file) => {
  for (const { spec, typeOnly } of importsOf(file)) {
    expect([file, spec.startsWith("./") || spec === "zod"]).toEqual([file, true]);
    if (!VALIDATION_FILES.includes(file) && !typeOnly) expect([file, spec]).not.toEqual([file, expect.stringMatching(/^(zod|\.\/schema)$/)]);
  }
});
