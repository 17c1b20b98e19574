import { readFileSync, statSync } from "node:fs";
import { checkDatasetSize } from "../src/core/dataset-limits";
import { parseDataset } from "../src/core/parse-dataset";
import type { Problem } from "../src/core/problem";

export type FeedCheckIo = {
  /** Writes one line to standard output. */
  out: (line: string) => void;
  /** Writes one line to standard error. */
  err: (line: string) => void;
};

const USAGE = "Usage: npm run feed:check -- <file>, e.g. npm run feed:check -- data/ai-market-2026.json";

/**
 * Checks one dataset file with the add-in's own validation and prints the verdict: a summary on
 * `out`, or every problem on `err`. Returns the exit code: 0 when the dataset is accepted.
 */
export function runFeedCheck(args: readonly string[], io: FeedCheckIo): number {
  const [file, ...extra] = args;
  if (file === undefined) {
    io.err(`No dataset file given; name the file to check. ${USAGE}`);
    return 1;
  }
  if (extra.length > 0) {
    io.err(`Give one dataset file, not ${args.length} (${args.join(" ")}). ${USAGE}`);
    return 1;
  }

  let bytes: number;
  try {
    const stats = statSync(file);
    if (stats.isDirectory()) {
      io.err(`${file} is a directory; name the dataset file in it. ${USAGE}`);
      return 1;
    }
    bytes = stats.size;
  } catch (error) {
    io.err(
      isMissingFile(error)
        ? `No such file: ${file}; check the path (relative paths start from the current directory). ${USAGE}`
        : `Cannot read ${file}: ${String(error)}`,
    );
    return 1;
  }

  // Refused before reading: a file this big is the wrong file, and parsing it would only be slow.
  const tooBig = checkDatasetSize(bytes);
  if (tooBig !== undefined) return reject([tooBig], file, io);

  let content: Buffer;
  try {
    content = readFileSync(file);
  } catch (error) {
    io.err(`Cannot read ${file}: ${String(error)}`);
    return 1;
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(content);
  } catch {
    const message = "the file is not valid UTF-8; save it as UTF-8 (an editor may have saved it as GBK or UTF-16)";
    return reject([{ path: "$", message }], file, io);
  }

  const result = parseDataset(text);
  if (!result.ok) return reject(result.problems, file, io);
  const { meta, format, figures, entities, metrics, tables } = result.dataset;
  io.out(
    `OK ${file}: dataset "${meta.id}" version ${meta.version} (format ${format}), ${figures.length} figures, ` +
      `${entities.length} entities, ${metrics.length} metrics, ${tables.length} tables`,
  );
  return 0;
}

function reject(problems: readonly Problem[], file: string, io: FeedCheckIo): number {
  for (const problem of problems) io.err(`  ${problem.path}: ${problem.message}`);
  io.err(`Rejected: ${problems.length === 1 ? "1 problem" : `${problems.length} problems`} in ${file}.`);
  return 1;
}

function isMissingFile(error: unknown): boolean {
  // Checked by shape: errors from Node may come from another realm (as under jest), failing instanceof.
  return typeof error === "object" && error !== null && "code" in error && (error.code === "ENOENT" || error.code === "ENOTDIR");
}
