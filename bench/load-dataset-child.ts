// Run as its own process by bench/run-bench.ts: the modules are loaded and the file read before
// the clock starts, so the time is parse + validate + index of the bundled dataset alone.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { indexDataset } from "../src/core/dataset-index";
import { parseDataset } from "../src/core/parse-dataset";

const text = readFileSync(join(__dirname, "..", "data", "ai-market-2026.json"), "utf8");
const start = performance.now();
const result = parseDataset(text);
if (!result.ok) throw new Error("the bundled dataset does not validate");
indexDataset(result.dataset);
process.stdout.write(JSON.stringify({ ms: performance.now() - start }));
