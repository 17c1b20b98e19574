import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { checkDatasetSize } from "../src/core/dataset-limits";
import { diffDatasets, formatDiff } from "../src/core/diff-datasets";
import { downloadFeed } from "../src/core/feed/download-feed";
import { isFeedError } from "../src/core/feed/feed-error";
import type { HttpGet } from "../src/core/feed/http-get";
import { validateFeedText } from "../src/core/feed/validate-feed-text";
import { loadDataset, parseDataset } from "../src/core/parse-dataset";
import type { Problem } from "../src/core/problem";
import type { Dataset } from "../src/core/schema";

export type FeedCheckIo = {
  /** Writes one line to standard output. */
  out: (line: string) => void;
  /** Writes one line to standard error. */
  err: (line: string) => void;
};

export type FeedCheckOptions = {
  /** How URLs are fetched; Node's fetch by default. */
  httpGet?: HttpGet;
  /** Time a feed URL has to answer in full; the add-in's 10 s by default. */
  timeoutMs?: number;
};

const USAGE =
  "Usage: npm run feed:check -- <file-or-url>, e.g. npm run feed:check -- data/ai-market-2026.json or https://example.com/ai-market.json";
const BUNDLED = "data/ai-market-2026.json";
/** `https://...`, `http://...`, and other schemes so that the URL rules can refuse them by name. */
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;

const nodeHttpGet: HttpGet = (url, init) => fetch(url, init);

/**
 * Checks one dataset file, or a feed URL, with the add-in's own pipeline and prints the verdict:
 * a summary on `out` (for a URL followed by what it changes from the bundled dataset), or the
 * problems on `err`. Resolves to the exit code: 0 when the dataset is accepted.
 */
export async function runFeedCheck(args: readonly string[], io: FeedCheckIo, options: FeedCheckOptions = {}): Promise<number> {
  const [file, ...extra] = args;
  if (file === undefined) {
    io.err(`No dataset file given; name the file to check. ${USAGE}`);
    return 1;
  }
  if (extra.length > 0) {
    io.err(`Give one dataset file, not ${args.length} (${args.join(" ")}). ${USAGE}`);
    return 1;
  }
  return URL_LIKE.test(file) ? checkUrl(file, io, options) : checkFile(file, io);
}

async function checkUrl(url: string, io: FeedCheckIo, options: FeedCheckOptions): Promise<number> {
  let dataset: Dataset;
  try {
    const { text } = await downloadFeed(url, { httpGet: options.httpGet ?? nodeHttpGet, timeoutMs: options.timeoutMs });
    dataset = validateFeedText(text);
  } catch (error) {
    if (!isFeedError(error)) throw error;
    // Every problem, as for a file; the message names only the first few.
    if (error.code === "INVALID") return reject(error.problems, url, io);
    io.err(`Rejected ${url}: ${error.message}`);
    return 1;
  }
  io.out(summary(url, dataset));
  printDiff(dataset, io);
  return 0;
}

/** What a valid dataset changes from the bundled one, for files and URLs alike. */
function printDiff(dataset: Dataset, io: FeedCheckIo): void {
  const bundled = loadDataset(readFileSync(join(__dirname, "..", BUNDLED), "utf8"));
  io.out(`Changes from the bundled dataset ${BUNDLED} (version ${bundled.meta.version}):`);
  for (const line of formatDiff(diffDatasets(bundled, dataset), "en")) io.out(`  ${line}`);
}

function checkFile(file: string, io: FeedCheckIo): number {
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
  io.out(summary(file, result.dataset));
  printDiff(result.dataset, io);
  return 0;
}

function summary(name: string, dataset: Dataset): string {
  const { meta, format, figures, entities, metrics, tables } = dataset;
  return (
    `OK ${name}: dataset "${meta.id}" version ${meta.version} (format ${format}), ${figures.length} figures, ` +
    `${entities.length} entities, ${metrics.length} metrics, ${tables.length} tables`
  );
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
