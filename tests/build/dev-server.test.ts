// The pieces of `npm start` that can be tested without taking port 3000: the certificates and the
// https static server, spoken to over TLS that is verified against the generated CA.
import { createPrivateKey, X509Certificate } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { request, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { certProblem, ensureDevCerts, type DevCerts } from "../../src/build/dev-certs";
import { createStaticServer, listen, resolveRequestPath } from "../../src/build/static-server";

let dir: string;
let certs: DevCerts;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "aimarket-dev-"));
  // office-addin-dev-certs announces what it generated.
  const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
  try {
    certs = await ensureDevCerts(join(dir, "certs"));
  } finally {
    log.mockRestore();
  }
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function quietly<T>(work: () => Promise<T>): Promise<T> {
  const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
  try {
    return await work();
  } finally {
    log.mockRestore();
  }
}

describe("ensureDevCerts", () => {
  test("generates a CA and a localhost certificate it issued, with a private key only the owner reads", () => {
    expect(certs.generated).toBe(true);
    const cert = new X509Certificate(certs.cert);
    expect(cert.checkIssued(new X509Certificate(certs.ca))).toBe(true);
    expect(cert.subjectAltName).toBe("DNS:localhost, IP Address:127.0.0.1");
    expect(cert.checkPrivateKey(createPrivateKey(certs.key))).toBe(true);
    expect(statSync(join(certs.dir, "localhost.key")).mode & 0o777).toBe(0o600);
  });

  test("reuses certificates that are complete and valid", async () => {
    const again = await ensureDevCerts(certs.dir);
    expect(again.generated).toBe(false);
    expect(again.cert.equals(certs.cert)).toBe(true);
  });

  test("says why certificates cannot be used", () => {
    const empty = join(dir, "empty");
    expect(certProblem(empty)).toBe(
      `missing ${join(empty, "ca.crt")}, ${join(empty, "localhost.crt")}, ${join(empty, "localhost.key")}`,
    );
    const later = new Date(certs.validTo.getTime() + 1000);
    expect(certProblem(certs.dir, later)).toBe(
      `${join(certs.dir, "localhost.crt")} expires ${new X509Certificate(certs.cert).validTo}`,
    );
  });

  test("regenerates an incomplete set", async () => {
    const partial = join(dir, "partial");
    await quietly(() => ensureDevCerts(partial));
    unlinkSync(join(partial, "localhost.key"));
    const renewed = await quietly(() => ensureDevCerts(partial));
    expect(renewed.generated).toBe(true);
    expect(certProblem(partial)).toBeUndefined();
  }, 30_000);
});

describe("resolveRequestPath", () => {
  const mounts = [
    { prefix: "/", dir: "/srv/dist" },
    { prefix: "/office-js/", dir: "/srv/office" },
  ];
  test.each([
    ["/taskpane.html", "/srv/dist/taskpane.html"],
    ["/assets/icon-16.png", "/srv/dist/assets/icon-16.png"],
    ["/office-js/office.js", "/srv/office/office.js"],
    ["/office-js/en-us/office_strings.js", "/srv/office/en-us/office_strings.js"],
    ["/a%20b.js", "/srv/dist/a b.js"],
    ["/%2e%2e/package.json", undefined],
    ["/office-js/..%2fdist/taskpane.html", undefined],
    ["/%E0%A4%A", undefined],
    ["/x%00.js", undefined],
  ])("%s -> %s", (urlPath, expected) => {
    expect(resolveRequestPath(mounts, urlPath)).toBe(expected);
  });
});

describe("static https server", () => {
  let server: Server;
  let port: number;

  beforeAll(async () => {
    const dist = join(dir, "site", "dist");
    const office = join(dir, "site", "office");
    mkdirSync(join(dist, "assets"), { recursive: true });
    mkdirSync(office, { recursive: true });
    writeFileSync(join(dist, "taskpane.html"), "<!doctype html><title>pane</title>");
    writeFileSync(join(dist, "functions.json"), '{"functions":[]}');
    writeFileSync(join(office, "office.js"), "var Office;");
    writeFileSync(join(dir, "site", "secret.txt"), "secret");
    server = createStaticServer({
      key: certs.key,
      cert: certs.cert,
      index: "/taskpane.html",
      mounts: [
        { prefix: "/office-js/", dir: office },
        { prefix: "/", dir: dist },
      ],
    });
    await listen(server, 0, "127.0.0.1");
    port = (server.address() as AddressInfo).port;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  interface Reply {
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: string;
  }

  function fetchPath(method: string, path: string): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const req = request(
        { host: "127.0.0.1", port, path, method, ca: certs.ca, servername: "localhost" },
        (res) => {
          let body = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => (body += chunk));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on("error", reject);
      req.end();
    });
  }

  test.each([
    ["GET", "/taskpane.html", 200, "text/html; charset=utf-8", "<!doctype html><title>pane</title>"],
    ["GET", "/functions.json", 200, "application/json; charset=utf-8", '{"functions":[]}'],
    ["GET", "/office-js/office.js", 200, "text/javascript; charset=utf-8", "var Office;"],
    ["HEAD", "/taskpane.html", 200, "text/html; charset=utf-8", ""],
    ["GET", "/missing.js", 404, "text/plain; charset=utf-8", "Not found: /missing.js\n"],
    ["GET", "/assets", 404, "text/plain; charset=utf-8", "Not found: /assets\n"],
    ["GET", "/..%2fsecret.txt", 404, "text/plain; charset=utf-8", "Not found: /..%2fsecret.txt\n"],
    ["POST", "/taskpane.html", 405, "text/plain; charset=utf-8", "Method not allowed\n"],
  ])("%s %s -> %i", async (method, path, status, contentType, body) => {
    const reply = await fetchPath(method, path);
    expect({ status: reply.status, contentType: reply.headers["content-type"], body: reply.body }).toEqual({
      status,
      contentType,
      body,
    });
    expect(reply.headers["access-control-allow-origin"]).toBe("*");
    expect(reply.headers["cache-control"]).toBe("no-store");
  });

  test("HEAD gives the length GET would send", async () => {
    expect((await fetchPath("HEAD", "/taskpane.html")).headers["content-length"]).toBe("34");
  });

  test("/ redirects to the task pane", async () => {
    const reply = await fetchPath("GET", "/");
    expect({ status: reply.status, location: reply.headers.location }).toEqual({ status: 302, location: "/taskpane.html" });
  });
});
