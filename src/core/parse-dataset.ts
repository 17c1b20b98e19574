import { checkMeaning } from "./check-meaning";
import { compileCheck } from "./compile-check";
import { DatasetInvalidError } from "./dataset-invalid-error";
import { checkDatasetSize, MAX_DATASET_BYTES } from "./dataset-limits";
import { findJsonSyntaxError } from "./find-json-syntax-error";
import { formatIssue } from "./format-issue";
import type { Problem } from "./problem";
import { DatasetSchema, type Dataset } from "./schema";

export type ParseResult = { ok: true; dataset: Dataset } | { ok: false; problems: Problem[] };

let datasetShape: ((value: unknown) => boolean) | undefined;
function isDatasetShape(value: unknown): boolean {
  datasetShape ??= compileCheck(DatasetSchema);
  return datasetShape(value);
}

const DATASET_SHAPE = "a dataset is one JSON object with format, meta, entities, metrics, figures and tables";

/**
 * Parses and validates dataset text. Stops at the first stage that fails (size, empty, JSON,
 * top level, schema, meaning) and reports every problem of that stage; a dataset with any
 * problem is rejected whole, so a query never answers from half a dataset.
 */
export function parseDataset(input: string): ParseResult {
  // Each UTF-16 unit is at most 3 bytes of UTF-8, so most inputs need no count.
  const tooBig = input.length * 3 > MAX_DATASET_BYTES ? checkDatasetSize(utf8ByteLength(input)) : undefined;
  if (tooBig !== undefined) return { ok: false, problems: [tooBig] };

  // Editors on Windows often save UTF-8 with a byte-order mark, which JSON.parse rejects.
  const text = input.startsWith("\uFEFF") ? input.slice(1) : input;
  if (text.trim() === "") {
    return { ok: false, problems: [{ path: "$", message: `the file is empty; ${DATASET_SHAPE}` }] };
  }

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const syntax = findJsonSyntaxError(text);
    const message =
      syntax === undefined
        ? `not valid JSON: ${error instanceof Error ? error.message : String(error)}; check the file in a JSON validator`
        : `not valid JSON: ${syntax.reason} at line ${syntax.line}, column ${syntax.column}; ${syntax.hint}`;
    return { ok: false, problems: [{ path: "$", message }] };
  }
  return parseDatasetValue(value);
}

/** Validates an already parsed JSON value, from the top-level check on; see `parseDataset`. */
export function parseDatasetValue(value: unknown): ParseResult {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    const got = Array.isArray(value) ? "an array" : value === null ? "null" : `a ${typeof value}`;
    return { ok: false, problems: [{ path: "$", message: `the top level is ${got}, not an object; ${DATASET_SHAPE}` }] };
  }

  // The compiled check answers yes/no for the schema in a tenth of zod's time; zod runs only when
  // it says no, for the messages (and would still accept, if the two ever disagreed that way).
  let dataset: Dataset;
  if (isDatasetShape(value)) {
    dataset = value as Dataset;
  } else {
    // jitless: zod would otherwise compile a parser with `new Function` on first use, which is
    // barred by the task pane's CSP.
    const parsed = DatasetSchema.safeParse(value, { jitless: true });
    if (!parsed.success) {
      return { ok: false, problems: parsed.error.issues.map((issue) => formatIssue(issue, value)) };
    }
    dataset = parsed.data;
  }

  const problems = checkMeaning(dataset);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, dataset };
}

/** Like `parseDataset`, for callers that cannot go on without a dataset: throws `DatasetInvalidError`. */
export function loadDataset(input: string): Dataset {
  const result = parseDataset(input);
  if (!result.ok) throw new DatasetInvalidError(result.problems);
  return result.dataset;
}

function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
