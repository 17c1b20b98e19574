// npm run bench: speed, size and robustness figures with budgets, measured in one run so that
// ratios hold on a noisy machine. Writes bench/results.json, prints a table, exits 1 on a miss.
import { execFileSync } from "node:child_process";
import { buildSync } from "esbuild";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { buildTable } from "../src/core/build-table";
import { DatasetStore } from "../src/core/dataset-store";
import { applyFeed } from "../src/core/feed/refresh-feed";
import { validateFeedText } from "../src/core/feed/validate-feed-text";
import type { Dataset } from "../src/core/schema";
import { FunctionsBundle } from "../src/build/functions-bundle";
import { fuzzFunctions } from "../src/build/fuzz-functions";
import { createExcelActions } from "../src/excel/excel-actions";
import type { ExcelRunner } from "../src/excel/excel-runner";
import { createExcelApi, SimWorkbook } from "../src/excel-sim";
import { evaluateAimarketFormula } from "../src/preview/aimarket-evaluator";

const ROOT = join(__dirname, "..");
const FUZZ_CASES = Number(process.env.AIMARKET_BENCH_FUZZ ?? 100_000);

interface Field {
  value: number;
  budget: number;
  unit: string;
  pass: boolean;
  note?: string;
}

/** Median nanoseconds per call of `fn`, timed in batches of `batch` calls after a warm-up. */
function medianNs(fn: () => void, calls: number, batch = 100): number {
  for (let i = 0; i < Math.min(calls, 20_000); i++) fn();
  const samples: number[] = [];
  for (let done = 0; done < calls; done += batch) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) fn();
    samples.push(Number(process.hrtime.bigint() - start) / batch);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function build(): string {
  const out = mkdtempSync(join(tmpdir(), "aimarket-bench-"));
  execFileSync(process.execPath, [join(ROOT, "node_modules/webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", out], { cwd: ROOT, stdio: "ignore" });
  return out;
}

/** Bytes of every script taskpane.html loads from the add-in (office.js comes from Microsoft). */
function taskpaneScriptBytes(dist: string): number {
  const html = readFileSync(join(dist, "taskpane.html"), "utf8");
  // The production page is minified: attribute values may be unquoted.
  const sources = [...html.matchAll(/<script[^>]*?\ssrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)]
    .map((m) => m[1] ?? m[2] ?? m[3]!)
    .filter((src) => !/office\.js$/.test(src) && !/^https?:/.test(src));
  if (sources.length === 0) throw new Error("taskpane.html loads no add-in script: the benchmark cannot measure it");
  return sources.reduce((n, src) => n + statSync(join(dist, src.replace(/^\.?\//, ""))).size, 0);
}

/** Scripts in dist that no page loads by itself: the pane's chunks fetched when a feature is used. */
function onDemandChunks(dist: string): { name: string; bytes: number }[] {
  const entries = new Set(["functions.js", "taskpane.js", "preview.js", "load-dataset-child.js"]);
  return readdirSync(dist)
    .filter((name) => name.endsWith(".js") && !entries.has(name))
    .sort()
    .map((name) => ({ name, bytes: statSync(join(dist, name)).size }));
}

async function syncsOfInsertAndRefresh(dataset: Dataset): Promise<{ insert: number; refreshAll: number; largest: string }> {
  const store = new DatasetStore(dataset);
  const largest = dataset.tables
    .map((t) => ({ id: t.id, cells: buildTable(store.current.index, t.id).flat().length }))
    .sort((a, b) => b.cells - a.cells)[0]!.id;
  const workbook = new SimWorkbook({ evaluate: (formula) => evaluateAimarketFormula(formula, store.current) });
  const actions = createExcelActions(createExcelApi(workbook) as unknown as ExcelRunner, store);
  const options = { language: "en", currency: "USD", scale: "B", bound: "mid" } as const;
  let before = workbook.syncCount;
  await actions.insertTable({ tableId: largest, mode: "snapshot", ...options });
  const insert = workbook.syncCount - before;
  for (let i = 1; i < 10; i++) {
    workbook.select(`A${1 + i * 20}`);
    await actions.insertTable({ tableId: "vendor_revenue", mode: i % 2 ? "live" : "snapshot", ...options });
  }
  const revised = structuredClone(dataset);
  revised.meta.version = "9.0.0";
  revised.figures.find((f) => f.id === "openai.revenue.2026")!.value = 340;
  store.replace(revised);
  before = workbook.syncCount;
  const summary = await actions.refresh();
  if (summary.refreshed.length !== 10) throw new Error(`refresh-all refreshed ${summary.refreshed.length} of 10 tables`);
  return { insert, refreshAll: workbook.syncCount - before, largest };
}

async function main(): Promise<void> {
  const started = performance.now();
  const dist = build();
  try {
    const results: Record<string, Field> = {};
    const field = (name: string, value: number, budget: number, unit: string, note?: string) => {
      results[name] = { value: Number(value.toFixed(3)), budget, unit, pass: value <= budget, ...(note ? { note } : {}) };
    };

    const bundle = new FunctionsBundle(dist, "main");
    const revenue = bundle.registered.get("REVENUE")!;
    const table = bundle.registered.get("TABLE")!;
    let sink = 0;
    const invocation = { setResult: (v: unknown) => void (sink += typeof v === "number" ? v : 1), onCanceled: undefined as undefined | (() => void) };
    const map = new Map([["openai|revenue", 33e9], ["google|revenue", 1e11]]);
    const mapGet = medianNs(() => void (sink += map.get("openai|revenue")!), 200_000);
    const revenueCall = medianNs(() => {
      revenue("OpenAI", 2026, "USD", "B", "mid", invocation);
      invocation.onCanceled!();
    }, 200_000);
    const dataset = JSON.parse(readFileSync(join(ROOT, "data/ai-market-2026.json"), "utf8")) as Dataset;
    const store = new DatasetStore(dataset);
    const largest = dataset.tables.map((t) => ({ id: t.id, cells: buildTable(store.current.index, t.id).flat().length })).sort((a, b) => b.cells - a.cells)[0]!;
    const tableCall = medianNs(() => {
      table(largest.id, null, null, null, null, invocation);
      invocation.onCanceled!();
    }, 20_000, 20) / 1000;
    field("revenue_call_ns", revenueCall, 1000, "ns", `median of 200,000 warm REVENUE("OpenAI",2026,"USD","B","mid") through dist/functions.js`);
    field("map_get_ns", mapGet, Number.POSITIVE_INFINITY, "ns", `bare Map.get in the same run; REVENUE is ${(revenueCall / mapGet).toFixed(0)}x`);
    field("table_call_us", tableCall, 100, "us", `median TABLE("${largest.id}") (${largest.cells} cells, the largest table)`);

    // The child runs bundled and minified, as the add-in's code does, under plain node (a TypeScript
    // loader would add its own module hooks to the measurement).
    const child = join(dist, "load-dataset-child.js");
    buildSync({ entryPoints: [join(__dirname, "load-dataset-child.ts")], bundle: true, platform: "node", format: "cjs", minify: true, outfile: child, define: { __dirname: JSON.stringify(__dirname) } });
    const loads = Array.from({ length: 7 }, () => (JSON.parse(execFileSync(process.execPath, [child], { cwd: ROOT, encoding: "utf8" })) as { ms: number }).ms);
    field("dataset_load_ms", median(loads), 30, "ms", `parse + validate + index in a fresh process, median of 7 processes (${loads.map((x) => x.toFixed(0)).join(", ")})`);

    field("functions_bundle_kb", statSync(join(dist, "functions.js")).size / 1024, 150, "KiB", "minified dist/functions.js");
    field("taskpane_bundle_kb", taskpaneScriptBytes(dist) / 1024, 400, "KiB", "all scripts taskpane.html loads except office.js");
    const onDemand = onDemandChunks(dist);
    field(
      "taskpane_on_demand_kb",
      onDemand.reduce((n, c) => n + c.bytes, 0) / 1024,
      Number.POSITIVE_INFINITY,
      "KiB",
      `chunks the pane fetches only when used: ${onDemand.map((c) => `${c.name} ${(c.bytes / 1024).toFixed(1)}`).join(", ")}`,
    );

    const syncs = await syncsOfInsertAndRefresh(dataset);
    field("insert_syncs", syncs.insert, 3, "syncs", `inserting "${syncs.largest}" in the Excel stand-in`);
    field("refresh_all_syncs", syncs.refreshAll, 4, "syncs", "refreshing 10 tracked tables in the Excel stand-in");

    const revised = structuredClone(dataset);
    revised.figures.find((f) => f.id === "openai.revenue.2026")!.value = 340;
    const feedTimes: number[] = [];
    for (let i = 0; i < 15; i++) {
      const target = new DatasetStore(dataset);
      revised.meta.version = `2.0.${i}`;
      const text = JSON.stringify(revised);
      const start = performance.now();
      applyFeed(target, "https://example.com/feed.json", validateFeedText(text), []);
      feedTimes.push(performance.now() - start);
    }
    field("feed_refresh_ms", median(feedTimes.slice(3)), 50, "ms", "validate, diff and apply a full dataset from memory, median of 12 warm runs");

    const fuzzBundle = new FunctionsBundle(dist, "sandbox");
    const fuzz = fuzzFunctions(fuzzBundle, FUZZ_CASES);
    field("fuzz_cases", fuzz.cases, Number.POSITIVE_INFINITY, "cases", "random calls of every function through dist/functions.js");
    field("fuzz_failures", fuzz.failures, 0, "failures", fuzz.firstFailure?.split("\n")[0]);
    if (sink === 0) throw new Error("the benchmark's calls produced nothing");

    const output = { measuredAt: new Date().toISOString(), node: process.version, seconds: Number(((performance.now() - started) / 1000).toFixed(1)), results };
    writeFileSync(join(__dirname, "results.json"), `${JSON.stringify(output, null, 2)}\n`);
    console.log("field                  value        budget     result");
    for (const [name, f] of Object.entries(results)) {
      const budget = Number.isFinite(f.budget) ? `<= ${f.budget}` : "(info)";
      console.log(`${name.padEnd(22)} ${`${f.value} ${f.unit}`.padEnd(12)} ${budget.padEnd(10)} ${f.pass ? "pass" : "FAIL"}`);
    }
    const missed = Object.entries(results).filter(([, f]) => !f.pass);
    if (missed.length > 0) {
      console.log(`Budgets missed: ${missed.map(([n]) => n).join(", ")}`);
      process.exitCode = 1;
    } else {
      console.log("All budgets met.");
    }
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
