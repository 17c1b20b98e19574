// The production build made once for the run (tests/global-setup.ts): the files Excel will fetch, as Excel fetches them.
import { execFile } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { runInContext, createContext } from "node:vm";
import { checkManifest, manifestUrls } from "../../src/build/check-manifest";
import type { FunctionsMetadata } from "../../src/build/localize-functions-metadata";
import { TEST_PRODUCTION_URL } from "../global-setup";

const ROOT = join(__dirname, "..", "..");
const DEV_URL = "https://localhost:3000/";
const PRODUCTION_URL = TEST_PRODUCTION_URL;
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const HAN = /\p{Script=Han}/u;

const out = process.env.AIMARKET_TEST_BUILD!;
const read = (file: string): string => readFileSync(join(out, file), "utf8");
const readJson = <T>(file: string): T => JSON.parse(read(file)) as T;

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function withoutDescriptions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutDescriptions);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== "description")
        .map(([key, v]) => [key, withoutDescriptions(v)]),
    );
  }
  return value;
}

describe("npm run build (production)", () => {
  test("writes the add-in files and nothing that gives the source away", () => {
    const files = readdirSync(out, { recursive: true, encoding: "utf8" }).sort();
    expect(files).toEqual(
      expect.arrayContaining([
        "assets",
        "functions.js",
        "functions.json",
        "functions.zh-CN.json",
        "manifest.xml",
        "taskpane.css",
        "taskpane.html",
        "taskpane.js",
      ]),
    );
    expect(files.filter((f) => f.endsWith(".map"))).toEqual([]);
    expect(read("functions.js")).not.toContain("sourceMappingURL");
  });

  test("rewrites the manifest to the production URL and changes nothing else", () => {
    const source = readFileSync(join(ROOT, "manifest.xml"), "utf8");
    const production = read("manifest.xml");
    expect(production).toBe(source.split(DEV_URL).join(PRODUCTION_URL));
    expect(production).not.toMatch(/https?:\/\/(localhost|127\.0\.0\.1)/);
    expect(checkManifest(production, { forbidLocalhost: true })).toEqual([]);
  });

  test("ships every file the production manifest names, icons at the size Office asks for", () => {
    const hosted = manifestUrls(read("manifest.xml")).filter((u) => u.url.startsWith(PRODUCTION_URL));
    expect(hosted.length).toBeGreaterThanOrEqual(5);
    const missing = hosted.filter((u) => !existsSync(join(out, new URL(u.url).pathname.slice(new URL(PRODUCTION_URL).pathname.length))));
    expect(missing).toEqual([]);
    for (const { url, iconSize } of hosted.filter((u) => u.iconSize !== undefined)) {
      const file = join(out, url.slice(PRODUCTION_URL.length));
      expect({ url, ...pngSize(file) }).toEqual({ url, width: iconSize, height: iconSize });
    }
  });

  test("functions.json describes at least one function, with unique ASCII ids and names", () => {
    const { functions } = readJson<FunctionsMetadata>("functions.json");
    expect(functions.length).toBeGreaterThan(0);
    const ids = functions.map((fn) => fn.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const fn of functions) {
      expect(fn.id).toMatch(/^[A-Z][A-Z0-9_.]{2,}$/);
      expect(fn.name).toMatch(/^[A-Z][A-Z0-9_.]{2,}$/);
      expect(fn.description).toBeTruthy();
    }
  });

  test("functions.zh-CN.json has the same functions with Chinese descriptions", () => {
    const english = readJson<FunctionsMetadata>("functions.json");
    const chinese = readJson<FunctionsMetadata>("functions.zh-CN.json");
    expect(withoutDescriptions(chinese)).toEqual(withoutDescriptions(english));
    const texts = (metadata: FunctionsMetadata) =>
      metadata.functions.flatMap((fn) => [
        { where: fn.id, text: fn.description },
        ...(fn.parameters ?? []).map((p) => ({ where: `${fn.id}(${p.name})`, text: p.description })),
        { where: `${fn.id} result`, text: fn.result?.description },
      ]);
    const pairs = texts(english).map((en, i) => ({ ...en, zh: texts(chinese)[i]?.text }));
    for (const { where, text, zh } of pairs.filter((p) => p.text !== undefined)) {
      expect({ where, chinese: HAN.test(zh ?? "") }).toEqual({ where, chinese: true });
      expect(zh).not.toBe(text);
    }
  });

  test("functions.js registers every function in functions.json with nothing but the CustomFunctions global", () => {
    const code = read("functions.js");
    expect(code).not.toContain("eval(");
    expect(code).not.toContain("new Function");
    const associated: string[] = [];
    const CustomFunctions = {
      associate(idOrMappings: string | Record<string, unknown>, fn?: unknown): void {
        const pairs = typeof idOrMappings === "string" ? [[idOrMappings, fn] as const] : Object.entries(idOrMappings);
        for (const [id, value] of pairs) {
          expect(typeof value).toBe("function");
          associated.push(id);
        }
      },
      Error: class CustomFunctionsError extends Error {},
      ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!", divisionByZero: "#DIV/0!" },
    };
    // No code generation from strings, as under a Content-Security-Policy without 'unsafe-eval'.
    const context = createContext({ CustomFunctions }, { codeGeneration: { strings: false, wasm: false } });
    runInContext(code, context, { filename: "functions.js" });
    const ids = readJson<FunctionsMetadata>("functions.json").functions.map((fn) => fn.id);
    expect(associated.sort()).toEqual([...ids].sort());
  });

  test("taskpane.js does not register the functions a second time", () => {
    expect(read("taskpane.js")).not.toContain("CustomFunctions.associate");
  });

  // Every script the pages load or fetch later (feed.js, with zod, included): nothing may generate
  // code from strings, as the pages' Content-Security-Policy has no 'unsafe-eval'.
  test.each(readdirSync(out).filter((f) => f.endsWith(".js")))("%s has no eval, no new Function and no alias of Function", (file) => {
    const code = read(file);
    const found = (pattern: RegExp) => [...code.matchAll(pattern)].map((m) => code.slice(Math.max(0, m.index - 40), m.index + 40));
    expect({ file, eval: found(/\beval\s*\(/g), newFunction: found(/new\s+Function\b/g), alias: found(/[=(,:]\s*Function\s*[,;)}]/g) }).toEqual({
      file,
      eval: [],
      newFunction: [],
      alias: [],
    });
  });

  test("the build emits the feed pipeline as its own script, feed.js, and zod only there", () => {
    const scripts = readdirSync(out).filter((f) => f.endsWith(".js")).sort();
    // The entries, and the pane's chunks fetched on use (tests/taskpane/bundle-size.test.ts).
    expect(scripts).toEqual(["charts.js", "dark-theme.js", "feed.js", "formula-builder.js", "functions.js", "preview.js", "taskpane.js"]);
    expect(read("feed.js")).toMatch(/jitless/);
    for (const file of ["functions.js", "taskpane.js", "preview.js", "charts.js", "formula-builder.js", "dark-theme.js"]) expect({ file, zod: /ZodError|zod\.dev/.test(read(file)) }).toEqual({ file, zod: false });
  });

  test.each(["taskpane.html", "preview.html"])("%s carries the Content-Security-Policy: no eval, no inline script or style element", (page) => {
    const html = read(page);
    const content = /<meta\s+http-equiv=["']?Content-Security-Policy["']?\s+content="([^"]+)"/i.exec(html)?.[1];
    expect(content).toBeDefined();
    const directives = new Map(content!.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
    expect(content).not.toMatch(/unsafe-eval|unsafe-hashes/);
    // Inline only for style attributes (office.js hides its telemetry frame with one).
    expect(content!.match(/[\w-]+ [^;]*'unsafe-inline'/g)).toEqual(["style-src-attr 'unsafe-inline'"]);
    expect(directives.get("default-src")).toEqual(["'self'"]);
    expect(directives.get("script-src")).toEqual(expect.arrayContaining(["'self'", "https://appsforoffice.microsoft.com"]));
    expect(directives.get("script-src")!.every((s) => s === "'self'" || /^https:\/\//.test(s))).toBe(true);
    expect(directives.get("connect-src")).toEqual(["'self'", "https:", "http://localhost:*", "http://127.0.0.1:*"]);
    expect(directives.get("style-src")).toEqual(["'self'"]);
    expect(directives.get("object-src")).toEqual(["'none'"]);
    // The policy comes before any script, so it governs all of them.
    expect(html.indexOf("Content-Security-Policy")).toBeLessThan(html.indexOf("<script"));
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    expect(html).not.toMatch(/\sstyle=|<style/i);
  });

  test("taskpane.html is the shared runtime page: office.js from the CDN, then functions.js, then taskpane.js", () => {
    const html = read("taskpane.html");
    const head = /<head>([\s\S]*)<\/head>/i.exec(html)?.[1] ?? "";
    const scripts = (text: string) => [...text.matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)/gi)].map((m) => m[1]);
    expect(scripts(head)).toEqual([OFFICE_JS_CDN, "functions.js", "taskpane.js"]);
    expect(scripts(html)).toEqual(scripts(head));
  });

  test.each(["taskpane.html", "preview.html"])("%s links the pane's style sheet, which the build ships", (page) => {
    const links = [...read(page).matchAll(/<link\b[^>]*\brel=["']?stylesheet["']?[^>]*\bhref=["']?([^"'\s>]+)/gi)].map((m) => m[1]);
    expect(links).toEqual(["taskpane.css"]);
    expect(read("taskpane.css")).toMatch(/\.aim-pane ?\{/);
  });
});

describe("webpack.config.js", () => {
  // Evaluated in a plain Node process: the config loads TypeScript through tsx, which jest's module
  // system does not allow.
  async function settings(mode: string, productionUrl?: string): Promise<Record<string, unknown>> {
    const script = `const c = require("./webpack.config.js")({}, { mode: ${JSON.stringify(mode)} });
      console.log(JSON.stringify({ devtool: c.devtool, optimization: c.optimization }));`;
    const env = { ...process.env };
    if (productionUrl === undefined) delete env.AIMARKET_PRODUCTION_URL;
    else env.AIMARKET_PRODUCTION_URL = productionUrl;
    const { stdout } = await promisify(execFile)(process.execPath, ["-e", script], { cwd: ROOT, env });
    return JSON.parse(stdout) as Record<string, unknown>;
  }

  test.each([
    ["development", "source-map"],
    ["production", false],
  ])("%s: devtool %p (never eval-based), one file per entry", async (mode, devtool) => {
    expect(await settings(mode)).toEqual({ devtool, optimization: { splitChunks: false, runtimeChunk: false } });
  });

  test("refuses a production URL that is not https or lacks its final slash", async () => {
    await expect(settings("production", "http://aimarket.example.com/addin")).rejects.toMatchObject({
      stderr: expect.stringContaining(
        'AIMARKET_PRODUCTION_URL must be an https URL ending in "/", got "http://aimarket.example.com/addin"',
      ),
    });
  });
});
