// npm start: build the add-in in development mode, rebuild on every change, and serve dist/ on
// https://localhost:3000 with the Office dev certificates (generated on first use).
//   --no-watch   build once, then serve
import { join, resolve } from "node:path";
import type { Server } from "node:https";
import webpack, { type Configuration, type Stats, type Watching } from "webpack";
import { ensureDevCerts } from "../src/build/dev-certs";
import { createStaticServer, listen } from "../src/build/static-server";

const ROOT = resolve(__dirname, "..");
const PORT = 3000;
const URL_BASE = `https://localhost:${PORT}/`;
const OFFICE_JS_DIR = join(ROOT, "node_modules", "@microsoft", "office-js", "dist");

function instructions(certDir: string): string {
  const manifest = join(ROOT, "manifest.xml");
  return `
Serving the add-in at ${URL_BASE} (task pane: ${URL_BASE}taskpane.html, manifest: ${URL_BASE}manifest.xml)
and office.js for offline pages at ${URL_BASE}office-js/office.js.
Without Excel: ${URL_BASE}preview.html runs the task pane beside a simulated workbook (not Excel).

Sideload the development manifest, ${manifest}, in Excel:
  Excel on the web: open a workbook, then Insert > Add-ins (Office Add-ins) > My Add-ins >
    Manage My Add-ins > Upload My Add-in, browse to manifest.xml and choose Upload.
  Windows: put manifest.xml in a shared folder (folder Properties > Sharing > Share), add its
    network path (\\\\COMPUTER\\share) in File > Options > Trust Center > Trust Center Settings >
    Trusted Add-in Catalogs with "Show in Menu" ticked, restart Excel, then
    Insert > My Add-ins > SHARED FOLDER > AI Market 2026 > Add.
  Mac: copy manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/
    (create wef if needed), restart Excel, then Insert > My Add-ins (the arrow) > Developer Add-ins.
The ribbon button is Home > AI Market Data; functions are typed as =AIMARKET.<NAME>(...).
Excel must run where https://localhost:${PORT} reaches this server (the same machine, or forward the port).

Note: the development CA (${join(certDir, "ca.crt")}) is NOT trusted on this machine:
nothing here installs it into a trust store. Trust it on the machine that runs Excel (Windows:
certutil -user -addstore Root ca.crt; Mac: add it to Keychain Access and set it to Always Trust), or
open ${URL_BASE}taskpane.html once in the browser used for Excel on the web and accept the warning.
Stop the server with Ctrl+C.
`;
}

function report(stats: Stats): void {
  const info = stats.toJson({ all: false, errors: true, warnings: true, timings: true });
  for (const warning of info.warnings ?? []) console.warn(`WARNING ${warning.message}`);
  for (const error of info.errors ?? []) console.error(`ERROR ${error.message}`);
  const verdict = stats.hasErrors() ? "FAILED: the server keeps serving the last good files" : "built";
  console.log(`[${new Date().toLocaleTimeString()}] ${verdict} (${info.time ?? 0} ms)`);
}

async function main(argv: string[]): Promise<void> {
  const watch = !argv.includes("--no-watch");
  const certs = await ensureDevCerts();
  if (certs.generated) console.log(`Generated development certificates in ${certs.dir}`);

  const configFactory = require(join(ROOT, "webpack.config.js")) as (env: unknown, argv: { mode: string }) => Configuration;
  const compiler = webpack(configFactory({}, { mode: "development" }));

  const servers: Server[] = [];
  let watching: Watching | undefined;
  let started = false;
  const start = async (): Promise<void> => {
    started = true;
    const options = {
      key: certs.key,
      cert: certs.cert,
      index: "/taskpane.html",
      mounts: [
        { prefix: "/office-js/", dir: OFFICE_JS_DIR },
        { prefix: "/", dir: join(ROOT, "dist") },
      ],
    };
    // Both loopback addresses, so "localhost" works whichever one a client resolves first.
    for (const host of ["127.0.0.1", "::1"]) {
      const server = createStaticServer(options);
      try {
        await listen(server, PORT, host);
        servers.push(server);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (host === "::1" && (code === "EADDRNOTAVAIL" || code === "EAFNOSUPPORT")) continue;
        throw new Error(
          code === "EADDRINUSE"
            ? `Port ${PORT} on ${host} is already in use (another dev server?). The manifest expects ${URL_BASE}.`
            : `Cannot listen on ${host}:${PORT}: ${(error as Error).message}`,
        );
      }
    }
    console.log(instructions(certs.dir));
  };

  const stop = (): void => {
    for (const server of servers) server.close();
    watching?.close(() => undefined);
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);

  const onBuild = (error: Error | null | undefined, stats: Stats | undefined): void => {
    if (error) {
      console.error(error);
      process.exit(1);
    }
    if (stats) report(stats);
    if (!started) {
      start().catch((startError: Error) => {
        console.error(startError.message);
        process.exit(1);
      });
    }
  };
  if (watch) watching = compiler.watch({ aggregateTimeout: 300 }, onBuild);
  else compiler.run(onBuild);
}

main(process.argv.slice(2)).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
