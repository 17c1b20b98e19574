// The task pane in Chromium on the simulator page: browse, search, preview, insert every table in
// every form, the language switch and the whole insert flow by keyboard alone.
import { DatasetStore } from "../../src/core/dataset-store";
import type { InsertMode } from "../../src/excel/contracts";
import { planTable } from "../../src/excel/plan-table";
import { bundledDataset } from "../helpers/bundled-dataset";
import { describeInBrowser, PreviewPage, useBrowserSession } from "./preview-browser";

jest.setTimeout(120_000);

const state = new DatasetStore(bundledDataset()).current;
const tableIds = state.index.dataset.tables.map((t) => t.id);

/** Where an insert put its table, from the pane's message "Inserted NAME at ADDRESS." */
function inserted(text: string): { name: string; address: string } {
  const match = /Inserted (\S+) at (\S+?)\.(\s|$)/.exec(text);
  if (!match) throw new Error(`No insert result in "${text}"`);
  return { name: match[1]!, address: match[2]! };
}

/** The element that has focus, looking inside shadow roots. */
const deepActive = `(() => { let e = document.activeElement; while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement; return e; })()`;

describeInBrowser("the task pane on /preview.html", () => {
  const session = useBrowserSession();

  test("opens beside the simulated workbook, plainly labelled as a simulator", async () => {
    const preview = await PreviewPage.open(session);
    const { page } = preview;
    await expect(page.locator("#preview-banner").innerText()).resolves.toMatch(/^Simulator — not Excel\./);
    await expect(page.title()).resolves.toMatch(/^Simulator — not Excel/);
    await expect(page.locator(".aim-pane h1").innerText()).resolves.toBe("AI Market 2026");
    await expect(page.locator("#aim-dataset").innerText()).resolves.toBe("Dataset ai-market-2026 v1.0.0 · 10 tables · figures as of 2026-02");
    await expect(page.locator("#aim-table-list [role=option]").count()).resolves.toBe(tableIds.length);
    await expect(page.locator("#aim-no-tracked").innerText()).resolves.toBe("No tables inserted yet.");
    // preview.html must not load the custom functions (office.js adds a script of its own).
    const scripts = await page.locator("script[src]").evaluateAll((list) => list.map((s) => s.getAttribute("src") ?? ""));
    expect(scripts.filter((src) => !src.includes("/office-js/"))).toEqual(["office-js/office.js", "preview.js"]);
    const fetched = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname));
    expect(fetched.filter((path) => /functions/.test(path))).toEqual([]);
    await preview.shoot("01-preview-opened");
  });

  test("search matches English and Chinese titles, ids, headers and row names; the preview shows units and the source", async () => {
    const { page } = await PreviewPage.open(session);
    const shown = () => page.locator("#aim-table-list [role=option]").evaluateAll((items) => items.map((i) => (i as HTMLElement).dataset.tableId));
    const search = page.locator("#aim-search input");
    for (const [query, expected] of [
      ["营收", ["vendors_international", "vendors_china", "vendor_revenue", "vendor_metrics", "camp_metrics"]],
      ["market indicators", ["market_indicators"]],
      ["核心代表模型", ["camps_representatives"]],
      ["kimi", ["model_specs"]],
      ["vendor_metrics", ["vendor_metrics"]],
    ] as const) {
      await search.fill(query);
      await expect(shown()).resolves.toEqual(expected);
    }
    await search.fill("no such table");
    await expect(shown()).resolves.toEqual([]);
    await expect(page.locator("#aim-search-count").innerText()).resolves.toBe("No table matches “no such table”.");

    await search.fill("vendor revenue");
    await page.click("#aim-table-vendor_revenue");
    await expect(page.locator("#aim-selected-title").innerText()).resolves.toBe("Vendor revenue (2026 forecast)");
    await expect(page.locator("#aim-origin").innerText()).resolves.toBe(
      "Section 二(二)/二(三) of the report: the report's figures, one row per vendor, ranges as low/high columns.",
    );
    const header = () => page.locator("#aim-preview thead th").allInnerTexts();
    await expect(header()).resolves.toEqual(["Vendor", "Revenue 2026, low (USD)", "Revenue 2026, midpoint (USD)", "Revenue 2026, high (USD)", "Notes"]);
    await expect(page.locator("#aim-preview caption").innerText()).resolves.toBe("Preview: first 8 of 9 rows");
    await expect(page.locator("#aim-preview tbody tr").first().innerText()).resolves.toBe("OpenAI\t33,000,000,000\t33,000,000,000\t33,000,000,000\t");

    const preview = new PreviewPage(page);
    await preview.chooseOption("currency", "CNY");
    await preview.chooseScale("亿");
    await preview.chooseOption("language", "zh");
    await expect(header()).resolves.toEqual(["厂商", "2026年营收下限 (亿元)", "2026年营收中值 (亿元)", "2026年营收上限 (亿元)", "备注"]);
    await expect(page.locator("#aim-preview tbody tr").nth(5).innerText()).resolves.toBe("阿里巴巴\t220\t235\t250\t");

    await search.fill("");
    await page.click("#aim-table-vendors_china");
    await expect(page.locator("#aim-origin").innerText()).resolves.toBe("Section 二(三) of the report, as written in the report.");
    await expect(page.locator(".aim-notes li").count()).resolves.toBe(2);
    await new PreviewPage(page).shoot("02-search-and-preview", "#aim-preview");
  });

  test.each(["live", "snapshot", "spill"] as const)("inserts every table of the report as a %s table, with the values core gives", async (mode: InsertMode) => {
    const preview = await PreviewPage.open(session);
    await preview.chooseOption("mode", mode);
    for (const [i, tableId] of tableIds.entries()) {
      const language = i % 2 === 0 ? "en" : "zh";
      await preview.chooseOption("language", language);
      await preview.chooseTable(tableId);
      await preview.selectCell(`B${2 + i * 16}`);
      const message = await preview.insert();
      expect({ tableId, intent: message.intent }).toEqual({ tableId, intent: "success" });
      const { name, address } = inserted(message.text);

      const plan = planTable(state, { tableId, mode, language, currency: "USD", scale: "1", bound: "mid" });
      const expected = mode === "spill" ? plan.shown : [plan.headers, ...plan.shown];
      expect({ tableId, address }).toEqual({ tableId, address: `Sheet1!B${2 + i * 16}:${String.fromCharCode(65 + expected[0]!.length)}${1 + i * 16 + expected.length}` });
      const values = await preview.workbook<unknown[][]>(`wb.getValues(${JSON.stringify(address)})`);
      expect({ tableId, values }).toEqual({ tableId, values: expected });

      const anchor = await preview.workbook<{ formula?: string }>(`wb.getCell(${JSON.stringify(address.split(":")[0])})`);
      const tables = await preview.workbook<{ name: string; address: string }[]>("wb.tables");
      if (mode === "spill") {
        expect(anchor.formula).toBe(plan.written[0]![0]);
        expect(tables.find((t) => t.name === name)).toBeUndefined();
      } else {
        expect(tables.find((t) => t.name === name)?.address).toBe(address);
        const firstBody = await preview.workbook<{ formula?: string }>(`wb.getCell("Sheet1!C${3 + i * 16}")`);
        expect({ tableId, live: firstBody.formula !== undefined }).toEqual({ tableId, live: mode === "live" });
      }
    }
    await expect(preview.trackedNames()).resolves.toHaveLength(tableIds.length);
    await preview.shoot(`03-inserted-${mode}`, "#aim-tracked");
  });

  test("the pane follows the display language and switches language; Chinese renders", async () => {
    const zh = await PreviewPage.open(session, "?lang=zh-CN");
    const { page } = zh;
    await expect(page.locator(".aim-pane h1").innerText()).resolves.toBe("AI 市场 2026");
    await expect(page.locator("#aim-insert-heading").innerText()).resolves.toBe("插入报告中的表格");
    await expect(page.locator("#aim-selected-title").innerText()).resolves.toBe("核心代表阵营");
    await expect(page.locator("#aim-language").getAttribute("value")).resolves.toBe("zh");
    await zh.chooseTable("vendor_revenue");
    await zh.selectCell("B2");
    const message = await zh.insert();
    expect(message).toEqual({ intent: "success", text: "已插入 AIM_vendor_revenue_1,位于 Sheet1!B2:F11。 来源说明位于 Sheet1!B12。" });
    await zh.shoot("04-pane-in-chinese", "#aim-insert-status");

    await page.click("#aim-ui-language");
    await expect(page.locator("#aim-insert-heading").innerText()).resolves.toBe("Insert a report table");
    await expect(page.locator("#aim-insert-status").innerText()).resolves.toMatch(/^Inserted AIM_vendor_revenue_1 at Sheet1!B2:F11\./);
    await expect(page.evaluate(`${deepActive}.id`)).resolves.toBe("aim-ui-language");
    await expect(page.locator("#aim-ui-language").innerText()).resolves.toBe("中文");
    await expect(page.locator(".aim-pane").evaluate((e) => e.parentElement?.getAttribute("lang"))).resolves.toBe("en-US");
  });

  test("the insert flow works by keyboard alone, with visible focus", async () => {
    const preview = await PreviewPage.open(session);
    const { page } = preview;
    const focused = () => page.evaluate(`(() => { const e = ${deepActive}; return e ? (e.id || e.getAttribute("data-table-id") || e.tagName.toLowerCase()) : ""; })()`) as Promise<string>;
    const tabTo = async (id: string, limit = 40): Promise<void> => {
      for (let i = 0; i < limit; i++) {
        if ((await focused()) === id) return;
        await page.keyboard.press("Tab");
      }
      throw new Error(`Tab never reached #${id}; focus is on ${await focused()}`);
    };
    await page.locator("body").focus();
    await tabTo("sim-name-box");
    await page.keyboard.type("C3");
    await page.keyboard.press("Enter");
    await tabTo("control"); // the search box's <input id="control"> inside fluent-text-input
    await expect(page.evaluate(`${deepActive}.getRootNode().host.id`)).resolves.toBe("aim-search");
    await page.keyboard.type("model");
    await page.keyboard.press("Tab");
    await expect(focused()).resolves.toMatch(/^aim-table-/);
    for (let i = 0; i < 10 && (await focused()) !== "aim-table-model_specs"; i++) await page.keyboard.press("ArrowDown");
    await expect(focused()).resolves.toBe("aim-table-model_specs");
    await expect(page.locator("#aim-table-model_specs").getAttribute("aria-selected")).resolves.toBe("true");
    const outline = await page.evaluate(`getComputedStyle(${deepActive}).outlineStyle`);
    expect(outline).not.toBe("none");

    await tabTo("aim-mode-live");
    await page.keyboard.press("ArrowDown");
    await expect(page.locator("#aim-mode").evaluate((e) => (e as unknown as { value: string }).value)).resolves.toBe("snapshot");
    await tabTo("aim-insert");
    await page.keyboard.press("Enter");
    const message = await preview.message("#aim-insert-status");
    expect(message).toEqual({ intent: "success", text: "Inserted AIM_model_specs_1 at Sheet1!C3:J6. Source line at Sheet1!C7." });
    await expect(focused()).resolves.toBe("aim-insert");
    await tabTo("aim-refresh-all");
    await page.keyboard.press("Enter");
    await expect(preview.message("#aim-refresh-status")).resolves.toMatchObject({ intent: "success" });
    await preview.shoot("05-keyboard-insert", "#aim-refresh-status");
  });

  test("every control has a role and a name in Chromium's accessibility tree, in both languages", async () => {
    for (const query of ["?lang=en", "?lang=zh-CN"]) {
      const preview = await PreviewPage.open(session, query);
      await preview.chooseTable("vendor_revenue");
      await preview.selectCell("B2");
      await preview.insert();
      const cdp = await session.context.newCDPSession(preview.page);
      const { nodes } = (await cdp.send("Accessibility.getFullAXTree")) as { nodes: { ignored: boolean; role?: { value: string }; name?: { value: string } }[] };
      await cdp.detach();
      const controls = nodes
        .filter((n) => !n.ignored && ["button", "radio", "radiogroup", "switch", "combobox", "searchbox", "textbox", "listbox", "option", "grid"].includes(n.role?.value ?? ""))
        .map((n) => ({ role: n.role!.value, name: n.name?.value ?? "" }));
      expect(controls.filter((c) => c.name.trim() === "")).toEqual([]);
      const roles = (role: string) => controls.filter((c) => c.role === role).map((c) => c.name);
      if (query === "?lang=en") {
        expect(roles("radiogroup")).toEqual(["Table language", "Currency", "Range bound", "Insert as"]);
        expect(roles("combobox")).toContain("Scale");
        expect(roles("switch")).toEqual(["Refresh when the workbook opens"]);
        expect(roles("searchbox")).toContain("Search tables");
        expect(roles("button")).toEqual(expect.arrayContaining(["Insert table: Vendor revenue (2026 forecast)", "Refresh all", "Refresh AIM_vendor_revenue_1"]));
      } else {
        expect(roles("radiogroup")).toEqual(["表格语言", "货币", "区间取值", "插入方式"]);
        expect(roles("combobox")).toContain("数量单位");
        expect(roles("switch")).toEqual(["打开工作簿时刷新"]);
      }
    }
  });

  test("the dark Office theme gives the pane dark tokens", async () => {
    const dark = await PreviewPage.open(session, "?lang=en&theme=dark");
    const { page } = dark;
    const background = await page.locator(".aim-pane").evaluate((e) => getComputedStyle(e).backgroundColor);
    const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
    expect(r! + g! + b!).toBeLessThan(3 * 80);
    await dark.shoot("06-dark-theme");
  });
});
