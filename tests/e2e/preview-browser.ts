// Drives /preview.html (the real task pane beside the simulated workbook) in headless Chromium,
// served from the production build of the run (tests/global-setup.ts) over https on a random
// loopback port. Nothing outside 127.0.0.1 is reachable from the page (plain http to 127.0.0.1 is,
// for the feed servers the tests start). Every page records the Content-Security-Policy violations
// it sees (`cspViolations`), and a dialog (alert, confirm) counts as a problem.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Locator, type Page } from "playwright-core";
import { ensureDevCerts } from "../../src/build/dev-certs";
import { createStaticServer, listen } from "../../src/build/static-server";

export const CHROMIUM = "/usr/bin/chromium";
export const BROWSER_MISSING = `Browser tests did not run: ${CHROMIUM} not found (apt-get install -y chromium fonts-noto-cjk)`;
export const SCREENSHOTS = join(__dirname, "screenshots");
const ROOT = join(__dirname, "..", "..");

const haveBrowser = existsSync(CHROMIUM);

/** The page's test handle (src/preview/preview.ts), as far as these tests read it in the page. */
type PreviewWindow = { aimarketPreview?: { workbook: { activeCellAddress: string } } };
const inCi = Boolean(process.env.CI);

/**
 * `describe` for browser tests: skipped, with one plain line saying why, when there is no
 * Chromium on a developer's machine; in CI (CI set) a missing browser fails every test instead.
 */
export function describeInBrowser(name: string, body: () => void): void {
  if (haveBrowser || inCi) {
    describe(name, body);
    return;
  }
  process.stdout.write(`${BROWSER_MISSING}\n`);
  describe.skip(name, body);
}

export interface BrowserSession {
  context: BrowserContext;
  baseUrl: string;
  /** Page errors and console errors seen so far, for asserting that there were none. */
  problems: string[];
  close(): Promise<void>;
}

export async function startBrowserSession(): Promise<BrowserSession> {
  if (!haveBrowser) throw new Error(`${BROWSER_MISSING}; CI must run them.`);
  const build = process.env.AIMARKET_TEST_BUILD;
  if (!build) throw new Error("AIMARKET_TEST_BUILD is not set: run the browser tests through jest (tests/global-setup.ts builds the add-in).");
  const scratch = mkdtempSync(join(tmpdir(), "aimarket-e2e-"));
  const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
  let server: Server;
  try {
    const certs = await ensureDevCerts(join(scratch, "certs"));
    server = createStaticServer({
      key: certs.key,
      cert: certs.cert,
      mounts: [
        { prefix: "/office-js/", dir: join(ROOT, "node_modules", "@microsoft", "office-js", "dist") },
        { prefix: "/", dir: build },
      ],
    });
    await listen(server, 0, "127.0.0.1");
  } finally {
    log.mockRestore();
  }
  const baseUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const context = await chromium.launchPersistentContext(join(scratch, "profile"), {
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    ignoreHTTPSErrors: true,
    locale: "en-US",
    viewport: { width: 1280, height: 900 },
  });
  // office.js reaches for Microsoft's telemetry outside Office; the page must not leave the machine.
  await context.route(/^(?!https?:\/\/127\.0\.0\.1:)/, (route) => route.abort());
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __aimarketCsp: string[] }).__aimarketCsp = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || "(inline)"} at ${e.sourceFile}:${e.lineNumber}`));
  });
  const problems: string[] = [];
  context.on("page", (page) => watch(page, problems));
  for (const page of context.pages()) watch(page, problems);
  return {
    context,
    baseUrl,
    problems,
    async close() {
      await context.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/**
 * The browser session of a describe block: started before its tests and closed after them; after
 * each test, no page error, console error, dialog or Content-Security-Policy violation may have
 * been seen. The object stands for the session once it has started.
 */
export function useBrowserSession(): BrowserSession {
  let session: BrowserSession | undefined;
  beforeAll(async () => {
    session = await startBrowserSession();
  });
  afterAll(async () => {
    await session?.close();
  });
  afterEach(async () => {
    await expect(takeProblems(session)).resolves.toEqual({ problems: [], violations: [] });
  });
  const started = (): BrowserSession => {
    if (!session) throw new Error("The browser session has not started: use it inside a test.");
    return session;
  };
  return {
    get context() {
      return started().context;
    },
    get baseUrl() {
      return started().baseUrl;
    },
    get problems() {
      return started().problems;
    },
    close: () => started().close(),
  };
}

/** The Content-Security-Policy violations the page has seen since it loaded. */
export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => [...((window as unknown as { __aimarketCsp?: string[] }).__aimarketCsp ?? [])]);
}

/** What went wrong on the session's page since the last call: problems, and CSP violations since it loaded. */
export async function takeProblems(session: BrowserSession | undefined): Promise<{ problems: string[]; violations: string[] }> {
  const page = session?.context.pages()[0];
  const violations = page && page.url().startsWith("https:") ? await cspViolations(page) : [];
  return { problems: session?.problems.splice(0) ?? [], violations };
}

function watch(page: Page, problems: string[]): void {
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("dialog", (dialog) => {
    problems.push(`dialog: ${dialog.type()} ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    // The aborted telemetry request of office.js (see the route above) is expected.
    if (/ERR_FAILED|net::ERR_/.test(message.text())) return;
    problems.push(`console error: ${message.text()}`);
  });
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, `${name}.png`);
}

/** The simulator page and the task pane in it, as a user works them. */
export class PreviewPage {
  constructor(readonly page: Page) {}

  static async open(session: BrowserSession, query = "?lang=en"): Promise<PreviewPage> {
    const page = session.context.pages()[0] ?? (await session.context.newPage());
    await page.goto(`${session.baseUrl}preview.html${query}`);
    await page.waitForSelector("html[data-ready=true]", { timeout: 20_000 });
    return new PreviewPage(page);
  }

  /** What the page exposes for tests: the simulated workbook's user-side API. */
  workbook<T>(read: string): Promise<T> {
    return this.page.evaluate(`(() => { const wb = window.aimarketPreview.workbook; return ${read}; })()`) as Promise<T>;
  }

  /** Makes a cell active by typing its address in the name box, as the insertion point. */
  async selectCell(address: string): Promise<void> {
    await this.page.fill("#sim-name-box", address);
    await this.page.press("#sim-name-box", "Enter");
    await this.page.waitForFunction((a) => (window as unknown as PreviewWindow).aimarketPreview?.workbook.activeCellAddress.endsWith(`!${a}`), address);
  }

  /** Types into a cell of the active sheet through the formula bar. */
  async typeInto(address: string, text: string): Promise<void> {
    await this.selectCell(address);
    await this.page.fill("#sim-formula-bar", text);
    await this.page.press("#sim-formula-bar", "Enter");
  }

  cell(address: string): Locator {
    return this.page.locator(`#sim-grid td[data-address="${address}"]`);
  }

  async chooseTable(tableId: string): Promise<void> {
    await this.page.click(`#aim-table-${tableId}`);
    await this.page.waitForSelector(`#aim-table-${tableId}[aria-selected=true]`);
  }

  async chooseOption(key: "language" | "currency" | "bound" | "mode", value: string): Promise<void> {
    await this.page.click(`#aim-${key}-${value}`);
    await this.page.waitForFunction(([k, v]) => (document.getElementById(`aim-${k}`) as unknown as { value: string }).value === v, [key, value]);
  }

  async chooseScale(scale: string): Promise<void> {
    await this.page.selectOption("#aim-scale", scale);
    await this.page.waitForFunction((s) => (document.getElementById("aim-scale") as unknown as { value: string }).value === s, scale);
  }

  /**
   * Inserts a report table at `address` of the shown sheet (in `mode`, or the form already chosen),
   * expects the pane to say it succeeded, and returns the table's name (in either pane language).
   */
  async insertAt(address: string, tableId: string, mode?: "live" | "snapshot" | "spill"): Promise<string> {
    if (mode) await this.chooseOption("mode", mode);
    await this.chooseTable(tableId);
    await this.selectCell(address);
    const message = await this.insert();
    expect({ tableId, message }).toEqual({ tableId, message: expect.objectContaining({ intent: "success" }) });
    return /AIM_\w+/.exec(message.text)![0];
  }

  /** Clicks Insert and returns the message the pane shows once the insert settled. */
  async insert(): Promise<{ intent: string; text: string }> {
    await this.page.click("#aim-insert");
    return this.message("#aim-insert-status");
  }

  async refreshAll(): Promise<{ intent: string; text: string }> {
    await this.page.click("#aim-refresh-all");
    return this.message("#aim-refresh-status");
  }

  /** The settled message (not the busy line) of a status region. */
  async message(region: string): Promise<{ intent: string; text: string }> {
    const bar = this.page.locator(`${region} fluent-message-bar`);
    await bar.waitFor({ timeout: 15_000 });
    await this.page.waitForFunction((r) => !document.querySelector(`${r} .aim-busy`), region);
    return { intent: (await bar.getAttribute("data-intent")) ?? "", text: (await bar.innerText()).replace(/\s+/g, " ").trim() };
  }

  /** A screenshot of the window (git-ignored), with `focus` in the pane scrolled into view first. */
  async shoot(name: string, focus?: string): Promise<void> {
    if (focus) await this.page.locator(focus).scrollIntoViewIfNeeded();
    await this.page.screenshot({ path: screenshotPath(name) });
  }

  /** Names of the tables the pane lists under "Tables in this workbook". */
  trackedNames(): Promise<string[]> {
    return this.page.locator("#aim-tracked .aim-tracked-item").evaluateAll((items) => items.map((i) => (i as HTMLElement).dataset.name ?? ""));
  }
}
