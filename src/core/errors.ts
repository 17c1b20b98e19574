/**
 * Every error core throws. `code` decides how a caller reacts (a custom function maps
 * BAD_ARGUMENT to #VALUE! and NOT_FOUND to #N/A); `message` is one sentence a user can act on.
 */
export type ErrorCode = "BAD_ARGUMENT" | "NOT_FOUND" | "DATASET_INVALID" | FeedErrorCode;

/** Why a dataset feed was not applied (src/core/feed); the data in use stays as it was. */
export type FeedErrorCode =
  | "URL_NOT_ALLOWED"
  | "NETWORK"
  | "HTTP_STATUS"
  | "REDIRECTED"
  | "CONTENT_TYPE"
  | "TOO_LARGE"
  | "TIMEOUT"
  | "NOT_UTF8"
  | "NOT_JSON"
  | "INVALID"
  | "OLDER_VERSION"
  | "SAME_VERSION_CHANGED"
  | "DROPS_FIGURES_IN_USE";

export class AimarketError extends Error {
  readonly code: ErrorCode;
  /** The offending input, as given. */
  readonly value: unknown;
  /** What to do instead, when there is something to suggest. */
  readonly hint?: string;

  constructor(code: ErrorCode, message: string, options: { value?: unknown; hint?: string } = {}) {
    super(options.hint ? `${message} ${options.hint}` : message);
    this.name = "AimarketError";
    this.code = code;
    this.value = options.value;
    this.hint = options.hint;
  }
}

export function badArgument(message: string, value: unknown, hint?: string): AimarketError {
  return new AimarketError("BAD_ARGUMENT", message, { value, hint });
}

export function notFound(message: string, value: unknown, hint?: string): AimarketError {
  return new AimarketError("NOT_FOUND", message, { value, hint });
}

export function isAimarketError(e: unknown): e is AimarketError {
  return e instanceof AimarketError;
}
