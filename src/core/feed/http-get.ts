/**
 * The one way core reaches the network: a function the caller passes in, so core stays free of
 * globals. The task pane and the CLI pass the platform's `fetch`, which fits these types as is.
 */
export type HttpGet = (url: string, init: HttpGetInit) => Promise<ResponseLike>;

export interface HttpGetInit {
  /** Aborted on timeout or once the answer is refused; must end the request and its body. */
  signal: AbortSignal;
  /** Redirects are followed by the platform; the final `url` is checked afterwards. */
  redirect: "follow";
  headers: Record<string, string>;
}

/** The part of a web `Response` the feed pipeline reads. */
export interface ResponseLike {
  readonly status: number;
  readonly statusText: string;
  readonly ok: boolean;
  /** The final URL, after any redirects (fetch always gives it); "" where unknown. */
  readonly url: string;
  readonly redirected: boolean;
  readonly headers: { get(name: string): string | null };
  readonly body: ByteStream | null;
}

/** A web `ReadableStream<Uint8Array>`, as far as the pipeline uses it. */
export interface ByteStream {
  getReader(): ByteReader;
}

export interface ByteReader {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
  cancel(reason?: unknown): Promise<void>;
}
