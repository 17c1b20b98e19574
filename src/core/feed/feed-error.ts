import { checkDatasetSize, MAX_DATASET_BYTES } from "../dataset-limits";
import { AimarketError, type FeedErrorCode } from "../errors";
import type { Problem } from "../problem";

export type { FeedErrorCode } from "../errors";

/**
 * Why a feed was not applied. Whatever the code, the dataset in use and the cached feed are left
 * as they were; `message` names the cause in one line the task pane and the CLI show as is.
 */
export class FeedError extends AimarketError {
  override readonly code: FeedErrorCode;
  /** Every problem found, for INVALID (and the syntax error for NOT_JSON); empty otherwise. */
  readonly problems: readonly Problem[];

  constructor(code: FeedErrorCode, message: string, options: { value?: unknown; problems?: readonly Problem[] } = {}) {
    super(code, message, { value: options.value });
    this.name = "FeedError";
    this.code = code;
    this.problems = options.problems ?? [];
  }
}

export function isFeedError(e: unknown): e is FeedError {
  return e instanceof FeedError;
}

const LOOPBACK = "localhost, 127.x.x.x or [::1]";
const LIMIT_MB = MAX_DATASET_BYTES / (1024 * 1024);
const WRONG_FILE = "Check that this is the dataset file: one report's data is far smaller.";
/** How many problems, and figures in use, one message names. */
const SHOWN_PROBLEMS = 3;
const SHOWN_FIGURES = 5;

/** Every feed failure, in one place so that its exact words are easy to review. */
export const feedErrors = {
  invalidUrl: (url: string) =>
    new FeedError("URL_NOT_ALLOWED", `"${url}" is not a valid URL; give the feed's full address, e.g. https://example.com/ai-market.json.`, {
      value: url,
    }),
  schemeNotAllowed: (url: string, scheme: string) =>
    new FeedError(
      "URL_NOT_ALLOWED",
      `The feed URL "${url}" uses ${scheme}; feeds are read over https only (plain http only from this computer: ${LOOPBACK}).`,
      { value: url },
    ),
  plainHttp: (url: string) =>
    new FeedError(
      "URL_NOT_ALLOWED",
      `The feed URL "${url}" uses plain http to another computer; use https (plain http is allowed only for ${LOOPBACK}).`,
      { value: url },
    ),
  // The URL is not repeated: it holds a password.
  credentials: () =>
    new FeedError("URL_NOT_ALLOWED", "The feed URL contains a user name or password; remove them, a feed is read without signing in."),
  network: (url: string, detail: string) =>
    new FeedError("NETWORK", `Could not reach the feed at ${url} (${detail}); check the address and the network connection.`, { value: url }),
  httpStatus: (status: number, statusText: string) =>
    new FeedError("HTTP_STATUS", `The feed answered HTTP ${status}${statusText === "" ? "" : ` ${statusText}`}.`, { value: status }),
  redirected: (from: string, to: string) =>
    new FeedError("REDIRECTED", `The feed redirected from ${from} to another host, ${to}; only redirects within the same host are followed.`, {
      value: to,
    }),
  contentType: (type: string | undefined) =>
    new FeedError(
      "CONTENT_TYPE",
      type === undefined
        ? "The feed answered without a content type; a feed must be served as application/json."
        : `The feed answered with content type ${type}, not JSON; a feed must be served as application/json.`,
      { value: type },
    ),
  tooLargeDeclared: (bytes: number) =>
    new FeedError(
      "TOO_LARGE",
      `The feed is too large by its Content-Length: ${checkDatasetSize(bytes)?.message ?? `${bytes} bytes`}.`,
      { value: bytes },
    ),
  tooLargeStreamed: (bytes: number) =>
    new FeedError(
      "TOO_LARGE",
      `The feed is too large: it passed the ${LIMIT_MB} MB limit while downloading, so the download was stopped. ${WRONG_FILE}`,
      { value: bytes },
    ),
  timeout: (ms: number) =>
    new FeedError("TIMEOUT", `The feed did not answer in full within ${seconds(ms)}; try again later.`, { value: ms }),
  notUtf8: () => new FeedError("NOT_UTF8", "The feed is not valid UTF-8; publish it as UTF-8 (it may have been saved as GBK or UTF-16)."),
  empty: () => new FeedError("NOT_JSON", "The feed is empty; it must be one JSON object, the dataset."),
  notJson: (problem: Problem) =>
    new FeedError("NOT_JSON", `The feed is not JSON: ${problem.message.replace(/^not valid JSON: /, "")}.`, { problems: [problem] }),
  invalid: (problems: readonly Problem[]) => {
    const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
    const shown = problems.slice(0, SHOWN_PROBLEMS);
    const which = problems.length > SHOWN_PROBLEMS ? `${count}; the first ${SHOWN_PROBLEMS} follow` : count;
    const list = shown.map((p) => ` ${p.path}: ${p.message}.`).join("");
    return new FeedError("INVALID", `The feed is not a valid dataset (${which}).${list}`, { problems });
  },
  olderVersion: (feed: string, inUse: string) =>
    new FeedError("OLDER_VERSION", `The feed has version ${feed}, older than the version in use (${inUse}); it was not applied.`, { value: feed }),
  sameVersionChanged: (version: string) =>
    new FeedError(
      "SAME_VERSION_CHANGED",
      `The feed has the same version as the dataset in use (${version}) but different content; raise the version to publish a change.`,
      { value: version },
    ),
  dropsFiguresInUse: (dropped: readonly string[]) => {
    const count = dropped.length === 1 ? "1 figure" : `${dropped.length} figures`;
    const more = dropped.length > SHOWN_FIGURES ? ` and ${dropped.length - SHOWN_FIGURES} more` : "";
    const them = dropped.length === 1 ? "it" : "them";
    return new FeedError(
      "DROPS_FIGURES_IN_USE",
      `The feed drops ${count} that open workbooks use: ${dropped.slice(0, SHOWN_FIGURES).join(", ")}${more}. Keep ${them} in the feed, or remove ${them} from the workbooks first.`,
      { value: dropped },
    );
  },
};

function seconds(ms: number): string {
  const s = Number((ms / 1000).toFixed(3));
  return s === 1 ? "1 second" : `${s} seconds`;
}
