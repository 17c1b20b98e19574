// Live data through the task pane on /preview.html in Chromium: a real feed server on 127.0.0.1,
// the workbook's feed URL, Check for updates and what changed, bad feeds, save and reopen (in the
// same add-in runtime and in a new one), the version notice; under the page's Content-Security-
// Policy, with no violation, and with text from the feed staying text in the pane and in cells.
import { FORMULA_TEXT, HTML_TEXT, revisedFeed, startFeedServer, type FeedServer } from "./feed-server";
import { describeInBrowser, PreviewPage, startBrowserSession, takeProblems, type BrowserSession } from "./preview-browser";

jest.setTimeout(120_000);

describeInBrowser("live data from a feed on /preview.html", () => {
  let session: BrowserSession;
  let feeds: FeedServer;
  beforeAll(async () => {
    [session, feeds] = await Promise.all([startBrowserSession(), startFeedServer()]);
  });
  afterAll(async () => {
    await Promise.all([session?.close(), feeds?.close()]);
  });
  afterEach(async () => {
    const { problems, violations } = await takeProblems(session);
    // The browser logs every answer with an error status; the 404 of /missing.json is on purpose.
    const unexpected = problems.filter((p) => p !== "console error: Failed to load resource: the server responded with a status of 404 (Not Found)");
    expect({ violations, problems: unexpected }).toEqual({ violations: [], problems: [] });
  });

  /** The simulator with the feed cache of earlier tests cleared (localStorage outlives the page). */
  async function open(query = "?lang=en"): Promise<PreviewPage> {
    const preview = await PreviewPage.open(session, query);
    await preview.page.evaluate(() => localStorage.clear());
    return preview;
  }

  async function saveFeed(preview: PreviewPage, url: string): Promise<{ intent: string; text: string }> {
    await preview.page.fill("#aim-feed-url input", url);
    await preview.page.click("#aim-feed-save");
    return preview.message("#aim-feed-status");
  }

  async function checkFeed(preview: PreviewPage): Promise<{ intent: string; text: string }> {
    await preview.page.click("#aim-feed-check");
    return preview.message("#aim-feed-status");
  }

  const cell = (preview: PreviewPage, address: string) =>
    preview.workbook<{ value: unknown; formula?: string }>(`(({ value, formula }) => ({ value, formula }))(wb.getCell(${JSON.stringify(address)}))`);
  const text = (preview: PreviewPage, selector: string) => preview.page.locator(selector).innerText();
  const storeVersion = (preview: PreviewPage) => preview.page.evaluate(() => (window as unknown as { aimarketPreview: { store: { current: { version: string } } } }).aimarketPreview.store.current.version);
  /** Waits until the pane (started again after a reopen) has started and its start-up feed check is over. */
  const paneSettled = (preview: PreviewPage) =>
    preview.page.evaluate(async () => {
      const handle = (window as unknown as { aimarketPreview: { ready: Promise<void>; pane: { feedCheck: Promise<void> } } }).aimarketPreview;
      await handle.ready;
      await handle.pane.feedCheck;
    });

  test("Check for updates applies a revised feed: what changed, where it is used, tables refreshed, live cells follow, text stays text", async () => {
    const preview = await open();
    const { page } = preview;
    await expect(text(preview, "#aim-data-info")).resolves.toBe(
      `Dataset\nai-market-2026 v1.0.0\nFigures as of\n2026-02\nContent hash\n${await page.locator("#aim-data-hash").innerText()}\nSource\nbundled with the add-in`,
    );
    const snapshot = await preview.insertAt("B2", "vendor_revenue", "snapshot");
    const live = await preview.insertAt("H2", "vendor_revenue", "live");
    const written = await preview.insertAt("B16", "vendors_international", "snapshot");
    await preview.typeInto("B25", '=AIMARKET.REVENUE("OpenAI")');
    await preview.typeInto("B26", '=AIMARKET.METRIC("OpenAI","core_advantage")');
    expect(await cell(preview, "Sheet1!B25")).toEqual({ value: 33000000000, formula: '=AIMARKET.REVENUE("OpenAI")' });

    const url = feeds.url("/good.json");
    await expect(saveFeed(preview, url)).resolves.toEqual({ intent: "success", text: "Saved the feed address in this workbook. Check for updates to use it." });
    await expect(preview.workbook("JSON.parse(wb.getSetting('AIMARKET.registry')).feedUrl")).resolves.toBe(url);

    await expect(checkFeed(preview)).resolves.toEqual({ intent: "success", text: "Updated to data v1.1.0 from the feed." });
    await expect(text(preview, "#aim-what-changed-heading")).resolves.toBe("What changed");
    await expect(text(preview, "#aim-what-changed-summary")).resolves.toBe("v1.0.0 -> v1.1.0 · 4 figures changed, 0 figures added, 0 figures removed");
    const change = (id: string) => page.locator(`#aim-changes [data-figure="${id}"]`);
    await expect(change("openai.revenue.2026").innerText().then((t) => t.replace(/\n+/g, "\n"))).resolves.toBe(
      ["CHANGED", "OpenAI · Revenue · 2026", "openai.revenue.2026", "330亿美元 -> 340亿美元", "Source: “340亿美元”", "Source before: “330亿美元”", `Used in: ${[live, snapshot, written].sort().join(", ")}`].join("\n"),
    );
    await expect(change("anthropic.revenue.2026").locator(".aim-change-values").innerText()).resolves.toBe("240-270亿美元 -> 250-280亿美元");
    // Text from the feed is shown as written: no element is made of it.
    await expect(change("meta.revenue.2026").locator(".aim-change-label").innerText()).resolves.toBe(`Meta ${HTML_TEXT} · Revenue · 2026`);
    await expect(change("meta.revenue.2026").locator(".aim-change-source").first().innerText()).resolves.toBe(`Source: “130-150亿美元(AI相关) ${HTML_TEXT}”`.replace("130-150", "135-155"));
    await expect(change("openai.core_advantage.2026").locator(".aim-change-values").innerText()).resolves.toBe(
      `Leads in foundation-model technology; dominates high-value enterprise customers -> ${FORMULA_TEXT}`,
    );
    await expect(change("openai.core_advantage.2026").locator(".aim-change-used").innerText()).resolves.toBe(`Used in: ${written}`);
    await expect(text(preview, "#aim-changes-other")).resolves.toBe("version 1.0.0 -> 1.1.0");
    await expect(page.locator("img").count()).resolves.toBe(0);

    const tables = await preview.message("#aim-feed-tables-status");
    expect(tables.intent).toBe("success");
    expect(tables.text).toMatch(/^Refreshed 3 tables: [1-9]\d* cells changed, 0 user edits kept\. The refreshed tables show data v1\.1\.0\./);
    await expect(text(preview, "#aim-data-dataset")).resolves.toBe("ai-market-2026 v1.1.0");
    await expect(text(preview, "#aim-data-source")).resolves.toBe(`feed ${url}`);
    await expect(text(preview, "#aim-dataset")).resolves.toMatch(/v1\.1\.0/);
    await expect(page.locator("#aim-version-notice").isHidden()).resolves.toBe(true);
    await expect(page.locator("#aim-tracked .aim-outdated").count()).resolves.toBe(0);
    await expect(preview.workbook("JSON.parse(wb.getSetting('AIMARKET.registry')).lastDataset.version")).resolves.toBe("1.1.0");

    // Snapshot and live tables, and the user's own formulas, show the feed's figures.
    expect(await cell(preview, "Sheet1!C3")).toEqual({ value: 34000000000, formula: undefined });
    expect(await cell(preview, "Sheet1!E5")).toEqual({ value: 28000000000, formula: undefined });
    expect((await cell(preview, "Sheet1!I3")).value).toBe(34000000000);
    expect((await cell(preview, "Sheet1!B25")).value).toBe(34000000000);
    // Formula-like and HTML-like text is a plain value in the cells, never a formula or markup.
    expect(await cell(preview, "Sheet1!B26")).toEqual({ value: FORMULA_TEXT, formula: '=AIMARKET.METRIC("OpenAI","core_advantage")' });
    expect(await cell(preview, "Sheet1!F17")).toEqual({ value: FORMULA_TEXT, formula: undefined });
    expect(await cell(preview, "Sheet1!B6")).toEqual({ value: `Meta ${HTML_TEXT}`, formula: undefined });
    expect(await cell(preview, "Sheet1!E17")).toEqual({ value: "USD 34 billion", formula: undefined });
    expect(await cell(preview, "Sheet1!E20")).toEqual({ value: `USD 13.5-15.5 billion (AI-related) ${HTML_TEXT}`, formula: undefined });
    await expect(preview.cell("F17").innerText()).resolves.toBe(FORMULA_TEXT);
    await expect(preview.cell("B6").innerText()).resolves.toBe(`Meta ${HTML_TEXT}`);
    await expect(page.locator("img").count()).resolves.toBe(0);
    await preview.shoot("20-feed-what-changed", "#aim-what-changed");

    // office.js adds its hidden telemetry frame 3 s after it loads; the policy lets it in, unstyled by
    // anything but its own attribute (afterEach finds no violation).
    await page.waitForSelector('head iframe[src^="https://telemetryservice.firstpartyapps.oaspapps.com/"]', { state: "attached", timeout: 10_000 });

    // The same feed again is unchanged, and says so plainly.
    await expect(checkFeed(preview)).resolves.toEqual({ intent: "info", text: "Unchanged: the feed has the data in use, v1.1.0." });
    await expect(text(preview, "#aim-what-changed-summary")).resolves.toBe("v1.1.0 · 0 figures changed, 0 figures added, 0 figures removed");
    await expect(text(preview, "#aim-what-changed .aim-hint >> nth=1")).resolves.toBe("Unchanged: the feed has the data in use, v1.1.0.");
    await preview.message("#aim-feed-tables-status");
  });

  test("a bad feed shows its one message; the data in use and the workbook stay exactly as they were", async () => {
    const preview = await open();
    const { page } = preview;
    await preview.insertAt("B2", "vendor_revenue", "snapshot");
    await saveFeed(preview, feeds.url("/good.json"));
    await checkFeed(preview);
    await preview.message("#aim-feed-tables-status");
    const kept = "The data in use stays v1.1.0, and the workbook was not changed.";

    for (const [path, message] of [
      ["/missing.json", "The feed answered HTTP 404 Not Found."],
      ["/older.json", "The feed has version 1.0.0, older than the version in use (1.1.0); it was not applied."],
      ["/not-json.json", "The feed is not JSON: unexpected end of input at line 1, column 24; the file may be truncated."],
      ["/wrong-type.json", "The feed answered with content type text/html, not JSON; a feed must be served as application/json."],
      [
        "/invalid.json",
        'The feed is not a valid dataset (1 problem). $.figures[0].colour: unknown key "colour" (figure "openai.compute_investment_change_3y.2026"); remove it or check its spelling',
      ],
    ] as const) {
      await expect(saveFeed(preview, feeds.url(path))).resolves.toMatchObject({ intent: "success" });
      const before = await preview.workbook<string>("JSON.stringify(wb.toJSON())");
      const result = await checkFeed(preview);
      expect({ path, intent: result.intent }).toEqual({ path, intent: "error" });
      expect(result.text.startsWith(`Not updated: ${message}`)).toBe(true);
      expect(result.text.endsWith(kept)).toBe(true);
      await expect(storeVersion(preview)).resolves.toBe("1.1.0");
      await expect(text(preview, "#aim-data-dataset")).resolves.toBe("ai-market-2026 v1.1.0");
      await expect(preview.workbook<string>("JSON.stringify(wb.toJSON())")).resolves.toBe(before);
      await expect(page.locator("#aim-what-changed").innerText()).resolves.toBe("");
      await expect(page.locator("#aim-feed-tables-status").innerText()).resolves.toBe("");
    }
    expect((await cell(preview, "Sheet1!C3")).value).toBe(34000000000);
    await preview.shoot("21-feed-refused", "#aim-feed-status");

    // Nothing answers on port 1; the message says where it looked.
    await saveFeed(preview, "http://127.0.0.1:1/feed.json");
    await expect(checkFeed(preview)).resolves.toEqual({
      intent: "error",
      text: `Not updated: Could not reach the feed at http://127.0.0.1:1/feed.json (Failed to fetch); check the address and the network connection. ${kept}`,
    });

    // An address the rules refuse is not saved at all.
    const registry = await preview.workbook<string>("wb.getSetting('AIMARKET.registry')");
    await expect(saveFeed(preview, "http://example.com/feed.json")).resolves.toEqual({
      intent: "error",
      text: 'Not saved: The feed URL "http://example.com/feed.json" uses plain http to another computer; use https (plain http is allowed only for localhost, 127.x.x.x or [::1]).',
    });
    await expect(saveFeed(preview, "http://[::1]:8080/feed.json")).resolves.toEqual({
      intent: "error",
      text: "Not saved: The pane's security policy cannot name the address [::1], so it cannot read plain http from it; write localhost or 127.0.0.1 instead.",
    });
    await expect(preview.workbook<string>("wb.getSetting('AIMARKET.registry')")).resolves.toBe(registry);

    await expect(saveFeed(preview, "")).resolves.toMatchObject({ intent: "error", text: expect.stringMatching(/^Not saved: "" is not a valid URL/) });
    await page.click("#aim-feed-remove");
    await expect(preview.message("#aim-feed-status")).resolves.toEqual({
      intent: "success",
      text: "Removed the feed address from this workbook. The data in use stays v1.1.0 until the add-in starts again.",
    });
    await expect(preview.workbook("JSON.parse(wb.getSetting('AIMARKET.registry')).feedUrl")).resolves.toBeUndefined();
    await page.click("#aim-feed-check");
    await expect(preview.message("#aim-feed-status")).resolves.toEqual({ intent: "info", text: "This workbook names no feed: enter its address and Save first." });
  });

  test("save and reopen keeps the feed; a new runtime starts with the kept feed data; a failing start-up check is a quiet notice", async () => {
    const preview = await open();
    const { page } = preview;
    await preview.insertAt("B2", "vendor_revenue", "snapshot");
    const url = feeds.url("/good.json");
    await saveFeed(preview, url);
    await checkFeed(preview);
    await preview.message("#aim-feed-tables-status");

    await page.click("#sim-save-reopen");
    await paneSettled(preview);
    await expect(page.locator("#aim-feed-url").evaluate((e) => (e as unknown as { value: string }).value)).resolves.toBe(url);
    await expect(text(preview, "#aim-data-source")).resolves.toBe(`feed ${url}`);
    await expect(preview.message("#aim-feed-status")).resolves.toEqual({ intent: "info", text: "Unchanged: the feed has the data in use, v1.1.0." });

    // A new add-in runtime starts from the bundled data; the feed kept in the browser's storage goes
    // into use before the pane checks the feed itself.
    const hits = feeds.hits.get("/good.json") ?? 0;
    await page.click("#sim-reopen-new-runtime");
    await paneSettled(preview);
    expect(feeds.hits.get("/good.json")).toBe(hits + 1);
    await expect(storeVersion(preview)).resolves.toBe("1.1.0");
    await expect(text(preview, "#aim-data-dataset")).resolves.toBe("ai-market-2026 v1.1.0");
    await expect(text(preview, "#aim-data-source")).resolves.toBe(`feed ${url}`);
    await expect(page.locator("#aim-version-notice").isHidden()).resolves.toBe(true);
    expect((await cell(preview, "Sheet1!C3")).value).toBe(34000000000);

    // The workbook now names a feed that fails, and nothing was kept for it: the bundled data stays,
    // the failure is a quiet notice, and the workbook's tables are newer than the data in use.
    await saveFeed(preview, feeds.url("/missing.json"));
    await page.click("#sim-reopen-new-runtime");
    await paneSettled(preview);
    await expect(preview.message("#aim-feed-status")).resolves.toEqual({
      intent: "info",
      text: "Could not check the feed for updates: The feed answered HTTP 404 Not Found. The data in use stays v1.0.0.",
    });
    await expect(text(preview, "#aim-data-dataset")).resolves.toBe("ai-market-2026 v1.0.0");
    await expect(text(preview, "#aim-data-source")).resolves.toBe("bundled with the add-in");
    await expect(text(preview, "#aim-version-text")).resolves.toBe("This workbook last used data v1.1.0; the add-in now has v1.0.0.");
    await preview.shoot("22-feed-start-up-failed", "#aim-feed-status");
  });

  test("refresh on open: the kept feed first, then the tables; newer data found in the background refreshes them again", async () => {
    const preview = await open();
    const { page } = preview;
    feeds.publish("/moving.json", revisedFeed());
    await preview.insertAt("B2", "vendor_revenue", "snapshot");
    await saveFeed(preview, feeds.url("/moving.json"));
    await checkFeed(preview);
    await preview.message("#aim-feed-tables-status");
    await page.click("#aim-refresh-on-open");
    await page.waitForFunction(() => (document.getElementById("aim-refresh-on-open") as unknown as { checked: boolean }).checked);

    const later = revisedFeed();
    later.meta.version = "1.2.0";
    const openai = later.figures.find((f) => f.id === "openai.revenue.2026")!;
    Object.assign(openai, { value: 350, written: "350亿美元" });
    openai.source.text = "350亿美元";
    feeds.publish("/moving.json", later);

    await page.click("#sim-reopen-new-runtime");
    await paneSettled(preview);
    // At open: the kept v1.1.0 went into use before the tables were refreshed, so the refresh found
    // them current (with the bundled v1.0.0 it would have put the old figures back) ...
    await expect(preview.message("#aim-refresh-status")).resolves.toEqual({
      intent: "success",
      text: "Refreshed 1 table: 0 cells changed, 0 user edits kept. Refreshed when the workbook opened. The refreshed tables show data v1.1.0. AIM_vendor_revenue_1: 0 cells changed.",
    });
    // ... then the feed's v1.2.0 arrived, and the tables followed it, as the workbook asks.
    await expect(preview.message("#aim-feed-status")).resolves.toEqual({ intent: "success", text: "Updated to data v1.2.0 from the feed." });
    await expect(text(preview, "#aim-what-changed-summary")).resolves.toBe("v1.1.0 -> v1.2.0 · 1 figure changed, 0 figures added, 0 figures removed");
    const again = await preview.message("#aim-feed-tables-status");
    expect(again.text).toMatch(/^Refreshed 1 table: 3 cells changed, 0 user edits kept\. Refreshed when the workbook opened\. The refreshed tables show data v1\.2\.0\./);
    expect((await cell(preview, "Sheet1!C3")).value).toBe(35000000000);
    await expect(page.locator("#aim-version-notice").isHidden()).resolves.toBe(true);
    await preview.shoot("24-feed-refresh-on-open", "#aim-what-changed");
  });

  test("the pane says when the workbook last used other data, and Refresh tables brings the tables to it", async () => {
    const preview = await open();
    const { page } = preview;
    await preview.insertAt("B2", "vendor_revenue", "snapshot");
    await expect(page.locator("#aim-version-notice").isHidden()).resolves.toBe(true);
    await page.click("#sim-change-data");
    await expect(text(preview, "#aim-version-text")).resolves.toBe("This workbook last used data v1.0.0; the add-in now has v1.1.0.");
    await expect(page.locator("#aim-data-notice").innerText()).resolves.toBe("");
    await expect(text(preview, "#aim-data-source")).resolves.toBe("replaced outside this pane, not from a feed");

    await page.click("#sim-save-reopen");
    await paneSettled(preview);
    await expect(page.locator("#aim-version-notice").isVisible()).resolves.toBe(true);
    await expect(text(preview, "#aim-version-text")).resolves.toBe("This workbook last used data v1.0.0; the add-in now has v1.1.0.");
    await preview.shoot("23-version-notice", "#aim-version-notice");
    await page.click("#aim-version-refresh");
    const message = await preview.message("#aim-refresh-status");
    expect(message.text).toMatch(/^Refreshed 1 table: [1-9]\d* cells? changed, 0 user edits kept\./);
    await expect(page.locator("#aim-version-notice").isHidden()).resolves.toBe(true);
    expect((await cell(preview, "Sheet1!C3")).value).toBe(36000000000);
  });

  test("the Data section in Chinese", async () => {
    const preview = await open("?lang=zh");
    await expect(text(preview, "#aim-data-heading")).resolves.toBe("数据");
    await expect(text(preview, "#aim-data-source")).resolves.toBe("加载项自带");
    await expect(text(preview, "#aim-feed-check")).resolves.toBe("检查更新");
    await saveFeed(preview, feeds.url("/good.json"));
    await expect(checkFeed(preview)).resolves.toEqual({ intent: "success", text: "已从数据源更新为数据 v1.1.0。" });
    await expect(text(preview, "#aim-what-changed-summary")).resolves.toBe("v1.0.0 -> v1.1.0 · 4 项数据有变更,新增 0 项数据,删除 0 项数据");
    await expect(preview.page.locator('#aim-changes [data-figure="openai.revenue.2026"] .aim-change-used').innerText()).resolves.toBe("本工作簿的表格未使用此数据。");
    await preview.message("#aim-feed-tables-status");
  });
});
