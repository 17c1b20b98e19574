import * as fc from "fast-check";
import { FunctionsBundle, StubExcelError } from "./functions-bundle";

/**
 * Property: whatever Excel passes, every custom function answers with a value of its declared
 * kind (no NaN, no Infinity, no undefined; arrays rectangular) or an Excel error with a message,
 * once, at once. Shared by the test suite (1,000 cases) and the benchmark (100,000).
 */

type Kind = "number" | "number-or-text" | "text" | "matrix";

const DECLARED: Record<string, Kind> = {
  REVENUE: "number",
  METRIC: "number-or-text",
  SOURCE: "text",
  TABLE: "matrix",
  TABLES: "matrix",
  ENTITIES: "matrix",
  METRICS: "matrix",
  INFO: "matrix",
};

const NAMES = [
  "OpenAI", "openai", "ＯｐｅｎＡＩ", "字节跳动", "阿里", "Kimi 2.5", "GLM-5", "China", "全球", "Tencent",
  "revenue", "compute_gw", "mau", "max_cluster_chips", "domestic_chip_share", "core_advantage", "营收",
  "vendor_revenue", "vendors_china", "model_specs", "USD", "CNY", "人民币", "B", "亿", "万亿", "mid", "low", "high",
  "en", "zh", "vendor", "model", "version", "exchange_rate",
];

function scalar(): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...NAMES) },
    { weight: 2, arbitrary: fc.constant(null) },
    fc.string(),
    fc.string({ unit: "grapheme" }),
    fc.constantFrom("", " ", "NaN", "Infinity", "-1", "2026", " 2026 ", "1e309", "=1+1", "@x", "<b>x</b>"),
    fc.integer(),
    fc.integer({ min: 1990, max: 2035 }),
    fc.double(),
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 1e308, -1e308, Number.MAX_SAFE_INTEGER),
    fc.boolean(),
  );
}

function argument(): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 6, arbitrary: scalar() }, fc.array(fc.array(scalar(), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }));
}

function isGoodScalar(x: unknown): boolean {
  return typeof x === "string" || typeof x === "boolean" || (typeof x === "number" && Number.isFinite(x));
}

/** Why `result` breaks the contract of a function declared `kind`, or undefined when it keeps it. */
export function contractBreach(kind: Kind, result: unknown): string | undefined {
  if (result instanceof StubExcelError) {
    if (result.code !== "#VALUE!" && result.code !== "#N/A") return `error code ${result.code}`;
    return result.message && result.message.length > 0 ? undefined : "an error without a message";
  }
  switch (kind) {
    case "number":
      return typeof result === "number" && Number.isFinite(result) ? undefined : `not a finite number: ${String(result)}`;
    case "number-or-text":
      return (typeof result === "number" && Number.isFinite(result)) || typeof result === "string" ? undefined : `not a number or text: ${String(result)}`;
    case "text":
      return typeof result === "string" ? undefined : `not text: ${String(result)}`;
    case "matrix": {
      if (!Array.isArray(result) || result.length === 0) return "not a 2-D array";
      const width = Array.isArray(result[0]) ? result[0].length : -1;
      if (width < 1) return "an empty row";
      for (const row of result) {
        if (!Array.isArray(row) || row.length !== width) return "not rectangular";
        if (!row.every(isGoodScalar)) return "a cell that is not text, a finite number or a boolean";
      }
      return undefined;
    }
  }
}

export interface FuzzReport {
  cases: number;
  failures: number;
  /** fast-check's report of the first failure, shrunk, when there is one. */
  firstFailure?: string;
}

export function fuzzFunctions(bundle: FunctionsBundle, numRuns: number, seed?: number): FuzzReport {
  const ids = bundle.metadata.functions.map((f) => f.id);
  const arity = new Map(bundle.metadata.functions.map((f) => [f.id, f.parameters.length]));
  let cases = 0;
  let failures = 0;
  const property = fc.property(fc.constantFrom(...ids), fc.array(argument(), { maxLength: 7 }), (id, raw) => {
    cases++;
    const args = raw.slice(0, arity.get(id)!);
    let cell;
    try {
      cell = bundle.start(id, ...args);
    } catch (e) {
      failures++;
      throw new Error(`${id} threw: ${String(e)}`);
    }
    const breach = cell.results.length !== 1 ? `${cell.results.length} results delivered at start` : contractBreach(DECLARED[id] ?? "matrix", cell.latest);
    cell.cancel();
    if (breach) {
      failures++;
      throw new Error(`${id}(${args.map((a) => JSON.stringify(a)).join(", ")}): ${breach}`);
    }
  });
  const details = fc.check(property, { numRuns, seed, endOnFailure: false });
  return { cases, failures: details.failed ? Math.max(failures, 1) : 0, firstFailure: details.failed ? fc.defaultReportMessage(details) : undefined };
}
