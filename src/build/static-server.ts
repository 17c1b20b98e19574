// A small https server for the built add-in: files from folders mounted at URL prefixes, read from
// disk on every request (so a rebuild shows on reload), with the CORS header Office needs to fetch
// functions.json and functions.js from another origin.
import { createReadStream, statSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, resolve, sep } from "node:path";

export interface Mount {
  /** URL prefix, starting and ending with "/". */
  prefix: string;
  dir: string;
}

export interface StaticServerOptions {
  /** Longest prefix wins. */
  mounts: readonly Mount[];
  key: Buffer | string;
  cert: Buffer | string;
  /** Where "/" redirects to, e.g. "/taskpane.html". */
  index?: string;
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

/** The file a URL path names, or undefined when it names none (or tries to leave its mount). */
export function resolveRequestPath(mounts: readonly Mount[], urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes("\0")) return undefined;
  const mount = [...mounts]
    .sort((a, b) => b.prefix.length - a.prefix.length)
    .find((m) => decoded.startsWith(m.prefix));
  if (!mount) return undefined;
  const root = resolve(mount.dir);
  const file = resolve(root, `.${sep}${decoded.slice(mount.prefix.length)}`);
  if (file !== root && !file.startsWith(root + sep)) return undefined;
  return file;
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", ...headers });
  res.end(body);
}

function handle(options: StaticServerOptions, req: IncomingMessage, res: ServerResponse): void {
  res.setHeader("Access-Control-Allow-Origin", "*");
  res.setHeader("Cache-Control", "no-store");
  if (req.method === "OPTIONS") {
    res.writeHead(204, { "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS", "Access-Control-Allow-Headers": "*" });
    res.end();
    return;
  }
  if (req.method !== "GET" && req.method !== "HEAD") {
    send(res, 405, "Method not allowed\n", { Allow: "GET, HEAD, OPTIONS" });
    return;
  }
  const urlPath = new URL(req.url ?? "/", "https://localhost").pathname;
  if (urlPath === "/" && options.index) {
    res.writeHead(302, { Location: options.index });
    res.end();
    return;
  }
  const file = resolveRequestPath(options.mounts, urlPath);
  let size: number;
  try {
    if (!file) throw new Error("outside every mount");
    const stat = statSync(file);
    if (!stat.isFile()) throw new Error("not a file");
    size = stat.size;
  } catch {
    send(res, 404, `Not found: ${urlPath}\n`);
    return;
  }
  res.writeHead(200, {
    "Content-Type": CONTENT_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
    "Content-Length": String(size),
  });
  if (req.method === "HEAD") {
    res.end();
    return;
  }
  createReadStream(file)
    .on("error", () => res.destroy())
    .pipe(res);
}

export function createStaticServer(options: StaticServerOptions): Server {
  return createServer({ key: options.key, cert: options.cert }, (req, res) => handle(options, req, res));
}

/** Listens on `port` at `host`; rejects with the listen error (EADDRINUSE, ...). */
export function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolveListen, rejectListen) => {
    const onError = (error: Error): void => rejectListen(error);
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolveListen();
    });
  });
}
