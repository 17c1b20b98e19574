import { MAX_DATASET_BYTES } from "../dataset-limits";
import { feedErrors } from "./feed-error";
import { checkFeedUrl } from "./feed-url";
import type { ByteStream, HttpGet, ResponseLike } from "./http-get";

/** Time a feed has to answer in full, body included. */
export const FEED_TIMEOUT_MS = 10_000;

export interface DownloadOptions {
  httpGet: HttpGet;
  /** Time for the whole answer, body included; FEED_TIMEOUT_MS by default. */
  timeoutMs?: number;
}

export interface DownloadedFeed {
  /** The URL the text came from, after any same-host redirect. */
  url: string;
  text: string;
  bytes: number;
}

const JSON_TYPE = /^application\/(?:json|[a-z0-9!#$&^_.+-]+\+json)$/;

/**
 * Downloads a feed's text within the limits: an allowed URL, one host, HTTP 2xx, a JSON content
 * type, at most MAX_DATASET_BYTES (by Content-Length first, then counted while streaming) and
 * `timeoutMs` for everything. Throws FeedError; the request is ended whatever the outcome.
 */
export async function downloadFeed(url: string, options: DownloadOptions): Promise<DownloadedFeed> {
  const target = checkFeedUrl(url);
  const timeoutMs = options.timeoutMs ?? FEED_TIMEOUT_MS;
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Raced against every wait, so the limit holds even for an HttpGet that ignores the signal.
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(feedErrors.timeout(timeoutMs));
      controller.abort();
    }, timeoutMs);
  });
  deadline.catch(() => undefined);
  try {
    const response = await Promise.race([request(options.httpGet, target.href, controller.signal), deadline]);
    checkResponse(target, response);
    const body = await Promise.race([readBody(response.body, target.href), deadline]);
    return { url: response.url === "" ? target.href : response.url, text: decodeUtf8(body), bytes: body.byteLength };
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

async function request(httpGet: HttpGet, href: string, signal: AbortSignal): Promise<ResponseLike> {
  try {
    return await httpGet(href, { signal, redirect: "follow", headers: { Accept: "application/json" } });
  } catch (error) {
    throw feedErrors.network(href, networkDetail(error));
  }
}

function checkResponse(target: URL, response: ResponseLike): void {
  const final = parseUrl(response.url);
  if (final !== undefined && final.origin !== target.origin) throw feedErrors.redirected(target.origin, final.origin);
  // A redirect to an address the platform does not tell cannot be shown to stay on the host.
  if (final === undefined && response.redirected) throw feedErrors.redirected(target.origin, "an address it did not give");
  if (!response.ok) throw feedErrors.httpStatus(response.status, response.statusText);

  const contentType = response.headers.get("content-type");
  if (contentType === null || contentType.trim() === "") throw feedErrors.contentType(undefined);
  // The charset parameter is ignored: a feed is read as UTF-8, and anything else fails as NOT_UTF8.
  const mediaType = contentType.split(";")[0]!.trim().toLowerCase();
  if (!JSON_TYPE.test(mediaType)) throw feedErrors.contentType(mediaType);

  const length = response.headers.get("content-length");
  if (length !== null && /^\s*\d+\s*$/.test(length) && Number(length) > MAX_DATASET_BYTES) {
    throw feedErrors.tooLargeDeclared(Number(length));
  }
}

async function readBody(body: ByteStream | null, href: string): Promise<Uint8Array> {
  if (body === null) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let chunk: { done: boolean; value?: Uint8Array };
    try {
      chunk = await reader.read();
    } catch (error) {
      throw feedErrors.network(href, networkDetail(error));
    }
    if (chunk.done) break;
    if (chunk.value === undefined) continue;
    total += chunk.value.byteLength;
    if (total > MAX_DATASET_BYTES) {
      reader.cancel().catch(() => undefined);
      throw feedErrors.tooLargeStreamed(total);
    }
    chunks.push(chunk.value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    // A byte-order mark is dropped, as editors on Windows write one.
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw feedErrors.notUtf8();
  }
}

/** The most specific reason a platform gives: Node puts a system code (ECONNREFUSED) in `cause`. */
function networkDetail(error: unknown): string {
  const cause = field(error, "cause");
  const code = field(cause, "code") ?? field(error, "code");
  if (typeof code === "string" && code !== "") return code;
  const message = field(cause, "message") ?? field(error, "message");
  return typeof message === "string" && message !== "" ? message : "no answer";
}

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null && key in value ? (value as Record<string, unknown>)[key] : undefined;
}

function parseUrl(url: string): URL | undefined {
  if (url === "") return undefined;
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}
