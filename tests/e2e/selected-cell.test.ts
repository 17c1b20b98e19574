// The "Selected cell" section in Chromium on the simulator page, in both pane languages: it follows
// the selection and shows, for an AIMARKET formula and for a cell of an inserted table, the figure,
// the verbatim source sentence, section, qualifier, conversion and every flag with its ⚑ marker;
// for an empty cell, a short hint.
import { describeInBrowser, PreviewPage, useBrowserSession } from "./preview-browser";

jest.setTimeout(120_000);

const WORDS = {
  en: {
    figure: "ByteDance · Revenue · 2026",
    conversion: "Currency: USD → CNY at 7.1338 CNY per USD",
    capexConversion: "Currency: CNY → USD at 7.1338 CNY per USD",
    qualifier: "超 (more than)",
    section: "section 二(三)",
    badge: "⚑ Flag: contradicted_by_source",
    table: "In AIM_vendor_revenue_1",
    hint: /^Select a cell with an AIMARKET formula/,
    notes: "Notes on this row",
  },
  zh: {
    figure: "字节跳动 · 营收 · 2026年",
    conversion: "币种:USD → CNY,汇率 7.1338 元/美元",
    capexConversion: "币种:CNY → USD,汇率 7.1338 元/美元",
    qualifier: "超(多于)",
    section: "第二(三)节",
    badge: "⚑ 标注:contradicted_by_source",
    table: "位于 AIM_vendor_revenue_1",
    hint: /^选中含有 AIMARKET 公式的单元格/,
    notes: "此行备注",
  },
} as const;

/** Selects a cell and waits until the section shows it, read and settled. */
async function select(preview: PreviewPage, address: string): Promise<void> {
  await preview.selectCell(address);
  await preview.page.waitForFunction(
    (a) => document.getElementById("aim-sc-address")?.textContent === `Sheet1!${a}` && document.getElementById("aim-selected-cell-body")?.getAttribute("aria-busy") === "false",
    address,
    { timeout: 10_000 },
  );
}

const text = (preview: PreviewPage, selector: string) => preview.page.locator(selector).first().innerText();

describeInBrowser("the selected cell's provenance on /preview.html", () => {
  const session = useBrowserSession();

  test.each(["en", "zh"] as const)("pane in %s: formula, inserted table, flagged figure, empty cell", async (lang) => {
    const words = WORDS[lang];
    const preview = await PreviewPage.open(session, `?lang=${lang}`);
    const { page } = preview;
    await expect(page.locator("#aim-selected-cell h2").innerText()).resolves.toBe(lang === "en" ? "Selected cell" : "所选单元格");

    await preview.typeInto("B2", '=AIMARKET.REVENUE("字节跳动",2026,"CNY")');
    await preview.typeInto("B3", '=AIMARKET.METRIC("Google","capex",2026,"USD","B")');

    // ByteDance's revenue asked in CNY: the report states it in USD only, so the add-in converts.
    await select(preview, "B2");
    await expect(text(preview, "#aim-sc-figure h3")).resolves.toBe(`${words.figure} (${lang === "en" ? "2026 forecast" : "2026年预测"})`);
    const source = page.locator("#aim-sc-figure blockquote.aim-sc-source");
    await expect(source.innerText()).resolves.toBe("19亿美元(国内首位)");
    await expect(source.getAttribute("lang")).resolves.toBe("zh-CN");
    await expect(text(preview, "#aim-sc-figure .aim-sc-written")).resolves.toBe("19亿美元");
    await expect(text(preview, "#aim-sc-figure .aim-sc-english")).resolves.toBe("USD 1.9 billion (claimed first in China; 2026 forecast)");
    await expect(text(preview, "#aim-sc-figure .aim-sc-where")).resolves.toContain(words.section);
    await expect(text(preview, "#aim-sc-figure .aim-sc-conversions")).resolves.toContain(words.conversion);
    const flag = page.locator("#aim-sc-flags li[data-flag=contradicted_by_source]");
    await expect(flag.locator(".aim-sc-flag-badge").innerText()).resolves.toBe(words.badge);
    await expect(flag.getAttribute("aria-label")).resolves.toContain("contradicted_by_source");
    await expect(page.locator("#aim-sc-flags li[data-flag=unit_suspect]").count()).resolves.toBe(1);
    await preview.shoot(`selected-cell-${lang}`, "#aim-selected-cell");

    // Google's capex: stated in CNY with a qualifier, asked in USD billions.
    await select(preview, "B3");
    await expect(text(preview, "#aim-sc-figure .aim-sc-qualifier")).resolves.toBe(words.qualifier);
    await expect(text(preview, "#aim-sc-figure .aim-sc-conversions")).resolves.toContain(words.capexConversion);
    await expect(page.locator("#aim-sc-flags li[data-flag=unit_suspect] .aim-sc-flag-badge").count()).resolves.toBe(1);

    // A numeric table inserted through the pane: ByteDance's row, the midpoint column, then its notes.
    await preview.selectCell("E2");
    await preview.chooseTable("vendor_revenue");
    await expect(preview.insert()).resolves.toMatchObject({ intent: "success" });
    await select(preview, "G7");
    await expect(preview.cell("E7").innerText()).resolves.toBe(lang === "en" ? "ByteDance" : "字节跳动");
    await expect(text(preview, "#aim-sc-table")).resolves.toContain(words.table);
    await expect(page.locator("#aim-sc-figure").getAttribute("data-figure")).resolves.toBe("bytedance.revenue.2026");
    await expect(page.locator("#aim-sc-flags li[data-flag=contradicted_by_source] .aim-sc-flag-badge").innerText()).resolves.toBe(words.badge);
    await select(preview, "I7");
    await expect(text(preview, "#aim-sc-note")).resolves.toContain(words.notes);
    await expect(page.locator("li[data-flag=contradicted_by_source] .aim-sc-flag-badge").count()).resolves.toBe(1);

    // An empty cell: the hint.
    await select(preview, "A20");
    await expect(text(preview, "#aim-sc-hint")).resolves.toMatch(words.hint);
    await expect(page.locator("#aim-sc-figure").count()).resolves.toBe(0);
  });

  test("the language switch re-words the section, names from the data included", async () => {
    const preview = await PreviewPage.open(session, "?lang=en");
    const { page } = preview;
    await preview.typeInto("C4", '=AIMARKET.METRIC("OpenAI","max_cluster_chips")');
    await select(preview, "D4");
    await select(preview, "C4");
    await expect(text(preview, "#aim-sc-figure .aim-sc-qualifier")).resolves.toBe("最大 (at most)");
    await page.click("#aim-ui-language");
    await page.waitForFunction(() => document.getElementById("aim-selected-cell-heading")?.textContent === "所选单元格");
    await expect(text(preview, "#aim-sc-figure .aim-sc-qualifier")).resolves.toBe("最大(至多)");
    await expect(text(preview, "#aim-sc-figure h3")).resolves.toMatch(/^OpenAI · 单集群规模/);
  });

  test("the section follows the workbook it is given: one handler, removed when the pane closes on reopen", async () => {
    const preview = await PreviewPage.open(session, "?lang=en");
    const { page } = preview;
    await expect(preview.workbook<number>("wb.selectionChanged.size")).resolves.toBe(1);
    await page.evaluate(() => {
      const w = window as unknown as { __before: unknown; aimarketPreview: { workbook: unknown } };
      w.__before = w.aimarketPreview.workbook;
    });
    await page.click("#sim-save-reopen");
    await page.waitForFunction(() => document.getElementById("sim-status")?.textContent === "Saved and reopened the workbook.");
    await page.waitForFunction(() => {
      const w = window as unknown as { __before: { selectionChanged: { size: number } }; aimarketPreview: { workbook: { selectionChanged: { size: number } } } };
      return w.__before.selectionChanged.size === 0 && w.aimarketPreview.workbook.selectionChanged.size === 1;
    });
    await preview.typeInto("B2", '=AIMARKET.REVENUE("OpenAI")');
    await select(preview, "B3");
    await select(preview, "B2");
    await expect(page.locator("#aim-sc-figure").getAttribute("data-figure")).resolves.toBe("openai.revenue.2026");
    await expect(preview.workbook<unknown[]>("wb.selectionChanged.failures")).resolves.toEqual([]);
  });
});
