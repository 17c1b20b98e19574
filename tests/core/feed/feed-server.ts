import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** A real HTTP server on 127.0.0.1 (never another interface), on a port the system picks. */
export interface FeedServer {
  readonly port: number;
  /** `http://127.0.0.1:<port><path>`, or on another host name for the same server. */
  url(path: string, host?: string): string;
  /** Paths requested, in order. */
  readonly hits: string[];
  close(): Promise<void>;
}

export async function startFeedServer(routes: Readonly<Record<string, Handler>>): Promise<FeedServer> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    hits.push(path);
    const handler = routes[path];
    if (handler === undefined) {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end(`no route ${path}`);
      return;
    }
    Promise.resolve(handler(req, res)).catch((error: unknown) => {
      res.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    hits,
    url: (path, host = "127.0.0.1") => `http://${host}:${port}${path}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Waits `ms`; false when the client went away first, so a handler can stop. */
export function waitUnlessClosed(res: ServerResponse, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    if (res.destroyed || res.writableEnded) return resolve(false);
    const timer = setTimeout(() => {
      res.off("close", onClose);
      resolve(true);
    }, ms);
    const onClose = () => {
      clearTimeout(timer);
      resolve(false);
    };
    res.once("close", onClose);
  });
}

/** Resolves when `res` can take more data, or when the client went away. */
export function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.once("drain", done);
    res.once("close", done);
  });
}

/** A handler answering `body` with a status and headers. */
export function answer(body: string | Buffer, headers: Record<string, string> = { "content-type": "application/json" }, status = 200): Handler {
  return (_req, res) => {
    res.writeHead(status, headers);
    res.end(body);
  };
}

/** A port nothing listens on: one the system just handed out and took back. */
export async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", () => resolve()));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
