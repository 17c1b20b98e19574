// Refresh after the data changes, and the rules that protect the user's cells, driven through the
// task pane and the simulator's controls on /preview.html in Chromium.
import { describeInBrowser, PreviewPage, useBrowserSession } from "./preview-browser";

jest.setTimeout(120_000);

describeInBrowser("refresh and protection on /preview.html", () => {
  const session = useBrowserSession();

  const value = (preview: PreviewPage, address: string) => preview.workbook<unknown>(`wb.getCell(${JSON.stringify(address)}).value`);

  test("after Change data, live tables follow at once, snapshots on Refresh, and the summary says what changed", async () => {
    const preview = await PreviewPage.open(session);
    const { page } = preview;
    const snapshot = await preview.insertAt("B2", "vendor_revenue", "snapshot");
    const live = await preview.insertAt("H2", "vendor_revenue", "live");
    const source = await preview.insertAt("B16", "vendors_international", "snapshot");
    expect(await value(preview, "Sheet1!C3")).toBe(33000000000);

    await page.click("#sim-change-data");
    await expect(page.locator("#sim-status").innerText()).resolves.toMatch(/^The dataset is now v1\.1\.0/);
    // The workbook's tables were written from v1.0.0: the pane says so and offers the refresh.
    await expect(page.locator("#aim-version-notice").innerText().then((text) => text.replace(/\n+/g, "\n").trim())).resolves.toBe(
      "This workbook last used data v1.0.0; the add-in now has v1.1.0. Live tables and AIMARKET formulas already show it; Refresh tables updates the snapshot tables.\nRefresh tables",
    );
    await expect(page.locator("#aim-data-notice").innerText()).resolves.toBe("");
    await expect(page.locator("#aim-dataset").innerText()).resolves.toMatch(/v1\.1\.0/);
    await expect(page.locator("#aim-tracked .aim-outdated").count()).resolves.toBe(3);
    // A live table follows the data by itself; a snapshot waits for Refresh.
    expect(await value(preview, "Sheet1!I3")).toBe(36000000000);
    expect(await value(preview, "Sheet1!C3")).toBe(33000000000);

    await page.click(`#aim-refresh-${snapshot}`);
    const one = await preview.message("#aim-refresh-status");
    expect(one.intent).toBe("success");
    expect(one.text).toMatch(new RegExp(`^Refreshed 1 table: [1-9]\\d* cells? changed, 0 user edits kept\\. The refreshed tables show data v1\\.1\\.0\\. ${snapshot}: `));
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(`aim-refresh-${snapshot}`);
    // The workbook now holds v1.1.0 data; the other tables are still marked until they are refreshed.
    await expect(page.locator("#aim-version-notice").isHidden()).resolves.toBe(true);
    await expect(page.locator("#aim-data-notice").innerText()).resolves.toBe(
      "The data changed to v1.1.0. Live tables follow it; refresh snapshot tables to update them.",
    );
    expect(await value(preview, "Sheet1!C3")).toBe(36000000000);
    expect(await value(preview, "Sheet1!E5")).toBe(28000000000);

    const all = await preview.refreshAll();
    expect(all.intent).toBe("success");
    expect(all.text).toMatch(/^Refreshed 3 tables: [1-9]\d* cells? changed, 0 user edits kept\./);
    for (const name of [snapshot, live, source]) expect(all.text).toContain(`${name}: `);
    expect(await value(preview, "Sheet1!E17")).toBe("USD 36 billion");
    await expect(page.locator("#aim-tracked .aim-outdated").count()).resolves.toBe(0);
    await preview.shoot("10-refreshed-after-change", "#aim-refresh-status");
  });

  test("a spill formula grows with the data, and Refresh moves its source line out of the way", async () => {
    const preview = await PreviewPage.open(session);
    const spill = await preview.insertAt("B2", "camps_representatives", "spill");
    // B2:C3, then the source line in B4: the China row of the revised data needs row 4.
    await preview.page.click("#sim-change-data");
    const message = await preview.refreshAll();
    expect(message.intent).toBe("success");
    expect(message.text).toContain(`${spill}: `);
    await expect(preview.workbook("wb.getValues('Sheet1!B2:B5')")).resolves.toEqual([
      ["Camp"],
      ["West (mainly the US)"],
      ["China"],
      [expect.stringMatching(/^Source: .* dataset ai-market-2026 v1\.1\.0;/)],
    ]);
    await preview.shoot("15-spill-after-change", "#aim-refresh-status");
  });

  test("a non-empty cell in the way stops an insert, names the blocking cells and writes nothing", async () => {
    const preview = await PreviewPage.open(session);
    await preview.typeInto("D5", "my note");
    for (const mode of ["snapshot", "live", "spill"] as const) {
      await preview.chooseOption("mode", mode);
      await preview.chooseTable("vendor_revenue");
      await preview.selectCell("B2");
      const message = await preview.insert();
      expect({ mode, intent: message.intent }).toEqual({ mode, intent: "error" });
      expect(message.text).toMatch(/Sheet1!D5 is not empty/);
    }
    expect(await value(preview, "Sheet1!D5")).toBe("my note");
    await expect(preview.workbook("wb.tables.length")).resolves.toBe(0);
    await expect(preview.workbook("wb.usedRange()")).resolves.toBe("Sheet1!D5");
    await expect(preview.trackedNames()).resolves.toEqual([]);
    await preview.shoot("11-insert-blocked", "#aim-insert-status");
  });

  test("a refresh that would grow a table into the user's cells stops and says why", async () => {
    const preview = await PreviewPage.open(session);
    const name = await preview.insertAt("B2", "camps_representatives", "snapshot");
    // The table is B2:C3 with its source line in B4; the China row of the revised data needs row 4.
    await preview.typeInto("C4", "mine");
    await preview.page.click("#sim-change-data");
    const message = await preview.refreshAll();
    expect(message.intent).toBe("warning");
    expect(message.text).toMatch(/1 table could not be refreshed\./);
    expect(message.text).toContain(`${name} was not refreshed: `);
    expect(message.text).toContain("C4");
    expect(await value(preview, "Sheet1!C4")).toBe("mine");
    await expect(preview.workbook("wb.getTable(" + JSON.stringify(name) + ").address")).resolves.toBe("Sheet1!B2:C3");
    await preview.shoot("12-refresh-blocked", "#aim-refresh-status");
  });

  test("a refresh keeps the user's edits, formats and the columns the user added", async () => {
    const preview = await PreviewPage.open(session);
    const name = await preview.insertAt("B2", "vendor_revenue", "snapshot");
    await preview.page.selectOption("#sim-table", name);
    await preview.page.fill("#sim-new-column", "My notes");
    await preview.page.click("#sim-add-column");
    await expect(preview.workbook(`wb.getTable(${JSON.stringify(name)}).headers`)).resolves.toEqual([
      "Vendor",
      "Revenue 2026, low (USD)",
      "Revenue 2026, midpoint (USD)",
      "Revenue 2026, high (USD)",
      "Notes",
      "My notes",
    ]);
    await preview.typeInto("G3", "check with finance");
    await preview.typeInto("C3", "1");
    await preview.selectCell("D5");
    await preview.page.fill("#sim-number-format", "0.00");
    await preview.page.click("#sim-apply-format");
    await preview.selectCell("E5");
    await preview.page.click("#sim-bold");
    await expect(preview.page.locator("#sim-status").innerText()).resolves.toBe("Sheet1!E5: bold.");
    await preview.page.click("#sim-change-data");
    const message = await preview.refreshAll();
    expect(message.intent).toBe("success");
    expect(message.text).toMatch(/^Refreshed 1 table: [1-9]\d* cells? changed, 1 user edit kept\./);
    expect(await value(preview, "Sheet1!C3")).toBe(1);
    expect(await value(preview, "Sheet1!D3")).toBe(36000000000);
    expect(await value(preview, "Sheet1!G2")).toBe("My notes");
    expect(await value(preview, "Sheet1!G3")).toBe("check with finance");
    // Anthropic's row changed under the user's formats, which stay.
    await expect(preview.workbook(`wb.getCell("Sheet1!D5")`)).resolves.toMatchObject({ value: 26500000000, numberFormat: "0.00", text: "26500000000.00" });
    await expect(preview.workbook(`wb.getCell("Sheet1!E5")`)).resolves.toMatchObject({ value: 28000000000, bold: true });
    await expect(preview.workbook(`wb.getTable(${JSON.stringify(name)}).address`)).resolves.toBe("Sheet1!B2:G11");
    await preview.shoot("13-user-edits-kept", "#aim-refresh-status");
  });

  test("a table the user deleted or renamed is reported, not recreated", async () => {
    const preview = await PreviewPage.open(session);
    const { page } = preview;
    const deleted = await preview.insertAt("B2", "vendor_revenue", "snapshot");
    const renamed = await preview.insertAt("B20", "market_indicators", "snapshot");
    await page.selectOption("#sim-table", deleted);
    await page.click("#sim-delete-table");
    await page.selectOption("#sim-table", renamed);
    await page.fill("#sim-new-name", "MyIndicators");
    await page.click("#sim-rename-table");
    await expect(preview.workbook("wb.tables.map((t) => t.name)")).resolves.toEqual(["MyIndicators"]);

    await page.click("#sim-change-data");
    const message = await preview.refreshAll();
    expect(message.intent).toBe("warning");
    expect(message.text).toMatch(/^Refreshed 0 tables: 0 cells changed, 0 user edits kept\. 2 tables could not be refreshed\./);
    expect(message.text).toContain(`${deleted} was not refreshed: `);
    expect(message.text).toContain(`${renamed} was not refreshed: `);
    await expect(preview.workbook("wb.tables.map((t) => t.name)")).resolves.toEqual(["MyIndicators"]);
    // The converted range keeps the old figures: nothing was written into it.
    expect(await value(preview, "Sheet1!C3")).toBe(33000000000);
    await preview.shoot("14-deleted-and-renamed", "#aim-refresh-status");
  });

  test("save and reopen keeps the tables and the setting, and refreshes on open when asked", async () => {
    const preview = await PreviewPage.open(session);
    const { page } = preview;
    const name = await preview.insertAt("B2", "vendor_revenue", "snapshot");
    await page.click("#aim-refresh-on-open");
    await page.waitForFunction(() => (document.getElementById("aim-refresh-on-open") as unknown as { checked: boolean }).checked);
    await expect(preview.workbook("wb.getSetting('AIMARKET.registry')")).resolves.toContain('"refreshOnOpen":true');

    await page.click("#sim-change-data");
    await page.click("#sim-save-reopen");
    await page.waitForFunction(() => document.getElementById("sim-status")?.textContent === "Saved and reopened the workbook.");
    const message = await preview.message("#aim-refresh-status");
    expect(message.intent).toBe("success");
    expect(message.text).toMatch(/^Refreshed 1 table: [1-9]\d* cells? changed, 0 user edits kept\. Refreshed when the workbook opened\./);
    await expect(preview.trackedNames()).resolves.toEqual([name]);
    await expect(page.locator("#aim-refresh-on-open").evaluate((e) => (e as unknown as { checked: boolean }).checked)).resolves.toBe(true);
    expect(await value(preview, "Sheet1!C3")).toBe(36000000000);
    await preview.shoot("16-refreshed-on-open", "#aim-refresh-status");
  });
  test("a sheet renamed or deleted: the table on the renamed sheet refreshes, the spill on the deleted one is reported", async () => {
    const preview = await PreviewPage.open(session);
    const { page } = preview;
    const table = await preview.insertAt("B2", "vendor_revenue", "snapshot");
    await page.click("#sim-add-sheet");
    await page.selectOption("#sim-sheet", "Sheet2");
    const spill = await preview.insertAt("B2", "model_specs", "spill");
    await page.click("#sim-delete-sheet");
    await expect(page.locator("#sim-status").innerText()).resolves.toBe("Deleted sheet Sheet2 with its tables and charts.");
    await page.selectOption("#sim-sheet", "Sheet1");
    await page.fill("#sim-new-sheet-name", "Revenue");
    await page.click("#sim-rename-sheet");
    await expect(preview.workbook("wb.sheetNames")).resolves.toEqual(["Revenue"]);

    await page.click("#sim-change-data");
    const message = await preview.refreshAll();
    expect(message.intent).toBe("warning");
    expect(message.text).toMatch(/^Refreshed 1 table: [1-9]\d* cells? changed, 0 user edits kept\. 1 table could not be refreshed\./);
    expect(message.text).toContain(`${spill} was on the sheet "Sheet2", which was renamed or deleted, so it was not refreshed; insert it again to track it.`);
    expect(await value(preview, "Revenue!C3")).toBe(36000000000);
    await expect(preview.trackedNames()).resolves.toEqual([table, spill]);
    await preview.shoot("17-sheet-renamed-and-deleted", "#aim-refresh-status");
  });
});
