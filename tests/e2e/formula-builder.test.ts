// The formula builder in Chromium on the simulator page, in both pane languages: find an entity in
// Chinese and in English, pick the metric and options, see the live formula and value, insert it
// into an empty cell, fill a column for three entities, and be refused over a cell in use.
import type { Page } from "playwright-core";
import { DatasetStore } from "../../src/core/dataset-store";
import { evaluateAimarketFormula } from "../../src/preview/aimarket-evaluator";
import { bundledDataset } from "../helpers/bundled-dataset";
import { describeInBrowser, PreviewPage, useBrowserSession } from "./preview-browser";

jest.setTimeout(120_000);

const state = new DatasetStore(bundledDataset()).current;

/** The element that has focus, looking inside shadow roots. */
const deepActive = `(() => { let e = document.activeElement; while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement; return e; })()`;

const EXPECTED = {
  en: {
    heading: "Build a formula",
    bytedanceValue: "19亿美元 → 135.5422 (CNY 亿 (10⁸))",
    converted: "Converted from USD at 7.1338 CNY per USD: the report does not state this figure in CNY.",
    openaiValue: "330亿美元 → 2,354.154 (CNY 亿 (10⁸))",
    anthropicValue: "240-270亿美元 → 1,926.126 (CNY 亿 (10⁸), high end)",
    wrote: (formula: string, address: string) => `Wrote ${formula} to ${address}.`,
    wroteColumn: (address: string) => `Wrote 3 formulas to ${address}.`,
    noMatch: "No entity matches “xyz”.",
    chosen: "3 entities chosen",
  },
  zh: {
    heading: "构建公式",
    bytedanceValue: "19亿美元 → 135.5422(亿元)",
    converted: "按每美元 7.1338 元由 USD 换算:报告未以 CNY 给出该数据。",
    openaiValue: "330亿美元 → 2,354.154(亿元)",
    anthropicValue: "240-270亿美元 → 1,926.126(亿元,上限)",
    wrote: (formula: string, address: string) => `已将 ${formula} 写入 ${address}。`,
    wroteColumn: (address: string) => `已将 3 个公式写入 ${address}。`,
    noMatch: "没有与“xyz”匹配的实体。",
    chosen: "已选 3 个实体",
  },
} as const;

class Builder {
  constructor(readonly preview: PreviewPage) {}
  get page(): Page {
    return this.preview.page;
  }

  /** Opens the section (closed at first, its code fetched on the first open) unless it is open. */
  async open(): Promise<void> {
    const toggle = this.page.locator("#aim-formula-builder-toggle");
    if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
    await this.page.waitForSelector("#aim-fb-search");
  }

  async search(query: string): Promise<string[]> {
    await this.page.locator("#aim-fb-search input").fill(query);
    return this.page.locator("#aim-fb-entities [role=option]").evaluateAll((items) => items.map((i) => (i as HTMLElement).dataset.entityId ?? ""));
  }

  async chooseEntity(id: string): Promise<void> {
    await this.page.click(`#aim-fb-entity-${id}`);
    await this.page.waitForSelector(`#aim-fb-entity-${id}[aria-selected=true]`);
  }

  async chooseMetric(id: string): Promise<void> {
    await this.page.selectOption("#aim-fb-metric", id);
    await this.page.waitForFunction((v) => (document.getElementById("aim-fb-metric") as unknown as { value: string } | null)?.value === v, id);
  }

  async chooseScale(scale: string): Promise<void> {
    await this.page.selectOption("#aim-fb-scale", scale);
    await this.page.waitForFunction((v) => (document.getElementById("aim-fb-scale") as unknown as { value: string } | null)?.value === v, scale);
  }

  async chooseRadio(key: "year" | "currency" | "bound" | "language", value: string): Promise<void> {
    await this.page.click(`#aim-fb-${key}-${value}`);
    await this.page.waitForFunction(([k, v]) => (document.getElementById(`aim-fb-${k}`) as unknown as { value: string } | null)?.value === v, [key, value]);
  }

  formula(): Promise<string> {
    return this.page.locator("#aim-fb-formula").innerText();
  }

  value(): Promise<string> {
    return this.page.locator("#aim-fb-value").innerText();
  }

  async toggleFill(id: string): Promise<void> {
    const option = this.page.locator(`#aim-fb-fill-${id}`);
    const before = await option.getAttribute("aria-selected");
    await option.click();
    await this.page.waitForFunction(([i, b]) => document.getElementById(`aim-fb-fill-${i}`)?.getAttribute("aria-selected") !== b, [id, before]);
  }
}

describeInBrowser("the formula builder on /preview.html", () => {
  const session = useBrowserSession();

  test("the section starts closed and its code is fetched only when it is first opened; it stays open next time", async () => {
    const preview = await PreviewPage.open(session, "?lang=en");
    const { page } = preview;
    await page.evaluate(() => localStorage.removeItem("AIMARKET.openSections"));
    await page.reload();
    await page.waitForSelector("#aim-formula-builder-toggle");
    const fetched: string[] = [];
    page.on("request", (request) => fetched.push(new URL(request.url()).pathname));
    const toggle = page.locator("#aim-formula-builder-toggle");
    await expect(toggle.getAttribute("aria-expanded")).resolves.toBe("false");
    await expect(page.locator("#aim-fb-search").count()).resolves.toBe(0);
    await expect(page.locator("#aim-formula-builder-heading").innerText()).resolves.toBe("Build a formula");
    expect(fetched.filter((p) => p.includes("formula-builder"))).toEqual([]);
    await toggle.press("Enter");
    await page.waitForSelector("#aim-fb-search");
    expect(fetched.filter((p) => p.endsWith(".js"))).toEqual(["/formula-builder.js"]);
    await expect(toggle.getAttribute("aria-expanded")).resolves.toBe("true");
    await expect(page.evaluate(`${deepActive}.id`)).resolves.toBe("aim-formula-builder-toggle");
    await page.reload();
    await page.waitForSelector("#aim-fb-search");
    await page.locator("#aim-formula-builder-toggle").click();
    await expect(page.locator("#aim-fb-search").count()).resolves.toBe(0);
    await expect(page.locator("#aim-formula-builder-toggle").getAttribute("aria-expanded")).resolves.toBe("false");
  });

  test.each(["en", "zh"] as const)("builds, inserts and fills formulas, and refuses a cell in use (pane in %s)", async (ui) => {
    const expected = EXPECTED[ui];
    const preview = await PreviewPage.open(session, "?lang=en");
    const { page } = preview;
    if (ui === "zh") {
      await page.click("#aim-ui-language");
      await page.waitForSelector(".aim-pane[lang], #aim-formula-builder");
    }
    const builder = new Builder(preview);
    await builder.open();
    await expect(page.locator("#aim-formula-builder-heading").innerText()).resolves.toBe(expected.heading);

    // Search in Chinese: an alias finds ByteDance.
    await expect(builder.search("字节")).resolves.toEqual(["bytedance"]);
    await expect(builder.search("xyz")).resolves.toEqual([]);
    await expect(page.locator("#aim-fb-count").innerText()).resolves.toBe(expected.noMatch);
    await expect(builder.search("字节")).resolves.toEqual(["bytedance"]);
    await builder.chooseEntity("bytedance");
    await builder.chooseMetric("revenue");
    await builder.chooseRadio("year", "2026");
    await builder.chooseRadio("currency", "CNY");
    await builder.chooseScale("亿");
    // ByteDance's revenue is one number: no bound to choose.
    await expect(page.locator("#aim-fb-bound").count()).resolves.toBe(0);
    const bytedance = '=AIMARKET.REVENUE("ByteDance",2026,"CNY","亿")';
    await expect(builder.formula()).resolves.toBe(bytedance);
    await expect(builder.value()).resolves.toBe(expected.bytedanceValue);
    await expect(page.locator("#aim-fb-notes li").first().innerText()).resolves.toBe(expected.converted);

    // Insert into an empty cell: the stand-in holds the formula and shows the value the pane showed.
    await preview.selectCell("E2");
    await page.click("#aim-fb-insert");
    await expect(preview.message("#aim-fb-status")).resolves.toEqual({ intent: "success", text: expected.wrote(bytedance, "Sheet1!E2") });
    await expect(preview.workbook<{ formula?: string; value: unknown }>(`wb.getCell("Sheet1!E2")`)).resolves.toMatchObject({ formula: bytedance, value: 135.5422 });
    await expect(preview.cell("E2").innerText()).resolves.toBe("135.5422");

    // Search in English; the metric and options stay, and a range offers its bound.
    await expect(builder.search("openai")).resolves.toEqual(["openai"]);
    await builder.chooseEntity("openai");
    const openai = '=AIMARKET.REVENUE("OpenAI",2026,"CNY","亿")';
    await expect(builder.formula()).resolves.toBe(openai);
    await expect(builder.value()).resolves.toBe(expected.openaiValue);
    await expect(builder.search("claude")).resolves.toEqual(["anthropic"]);
    await builder.chooseEntity("anthropic");
    await builder.chooseRadio("bound", "high");
    await expect(builder.formula()).resolves.toBe('=AIMARKET.REVENUE("Anthropic",2026,"CNY","亿","high")');
    await expect(builder.value()).resolves.toBe(expected.anthropicValue);

    // Fill a column for three entities from G3 down.
    for (const id of ["openai", "anthropic", "alibaba"]) await builder.toggleFill(id);
    await expect(page.locator("#aim-fb-fill-count").innerText()).resolves.toBe(expected.chosen);
    await preview.selectCell("G3");
    await page.click("#aim-fb-fill-button");
    const column = [
      '=AIMARKET.REVENUE("OpenAI",2026,"CNY","亿","high")',
      '=AIMARKET.REVENUE("Anthropic",2026,"CNY","亿","high")',
      '=AIMARKET.REVENUE("Alibaba",2026,"CNY","亿","high")',
    ];
    await expect(preview.message("#aim-fb-status")).resolves.toEqual({ intent: "success", text: [expected.wroteColumn("Sheet1!G3:G5"), ...column].join(" ") });
    const cells = await preview.workbook<{ formula?: string; value: unknown }[]>(`["G3","G4","G5"].map((a) => wb.getCell("Sheet1!" + a))`);
    expect(cells.map((c) => c.formula)).toEqual(column);
    expect(cells.map((c) => c.value)).toEqual([2354.154, 1926.126, 250]);
    expect(cells.map((c) => c.value)).toEqual(column.map((f) => evaluateAimarketFormula(f, state)));
    await page.locator("#aim-fb-metric-holder").evaluate((e) => e.scrollIntoView({ block: "start" }));
    await preview.shoot(`formula-builder-${ui}`);

    // Over a cell in use nothing is written, and the message says which cell and what to do.
    await preview.selectCell("G4");
    await page.click("#aim-fb-insert");
    await expect(preview.message("#aim-fb-status")).resolves.toEqual({
      intent: "error",
      text: "Nothing was written: Sheet1!G4 is not empty. Select an empty cell, or clear that cell.",
    });
    await expect(preview.workbook<{ formula?: string }>(`wb.getCell("Sheet1!G4")`)).resolves.toMatchObject({ formula: column[1] });
  });

  test("the language switch keeps the choices and re-words the value; the builder works by keyboard; the value follows new data", async () => {
    const preview = await PreviewPage.open(session, "?lang=en");
    const { page } = preview;
    const builder = new Builder(preview);
    await builder.open();
    await expect(builder.search("百度")).resolves.toEqual(["baidu"]);
    // Keyboard: Tab from the search box to the list, arrows select, Tab on to the metric.
    await page.focus("#aim-fb-search input");
    await page.keyboard.press("Tab");
    await expect(page.evaluate(`${deepActive}.id`)).resolves.toBe("aim-fb-entity-baidu");
    await page.keyboard.press("Enter");
    await page.waitForSelector("#aim-fb-entity-baidu[aria-selected=true]");
    await builder.chooseMetric("revenue");
    await builder.chooseRadio("bound", "low");
    const formula = '=AIMARKET.REVENUE("Baidu",2026,,,"low")';
    await expect(builder.formula()).resolves.toBe(formula);
    await expect(builder.value()).resolves.toBe("约14-17亿美元 → 1,400,000,000 (USD, low end)");
    await page.click("#aim-ui-language");
    await expect(page.locator("#aim-formula-builder-heading").innerText()).resolves.toBe("构建公式");
    await expect(builder.formula()).resolves.toBe(formula);
    await expect(builder.value()).resolves.toBe("约14-17亿美元 → 1,400,000,000(美元,下限)");
    await expect(page.locator("#aim-fb-entity-baidu").getAttribute("aria-selected")).resolves.toBe("true");

    // Insert by keyboard: focus the button and press Enter.
    await preview.selectCell("B2");
    await page.focus("#aim-fb-insert");
    await page.keyboard.press("Enter");
    await expect(preview.message("#aim-fb-status")).resolves.toEqual({ intent: "success", text: `已将 ${formula} 写入 Sheet1!B2。` });
    await expect(preview.workbook<{ value: unknown }>(`wb.getCell("Sheet1!B2")`)).resolves.toMatchObject({ value: 1_400_000_000 });

    // A column with no entity chosen asks for one and writes nothing.
    await preview.selectCell("C2");
    await page.click("#aim-fb-fill-button");
    await expect(preview.message("#aim-fb-status")).resolves.toEqual({ intent: "error", text: "请至少选择一个实体用于填充列。" });
    await expect(preview.workbook<{ formula?: string }>(`wb.getCell("Sheet1!C2")`)).resolves.not.toHaveProperty("formula");

    // A new dataset: the live value follows it (the formula stays).
    await expect(builder.search("anthropic")).resolves.toEqual(["anthropic"]);
    await builder.chooseEntity("anthropic");
    await expect(builder.value()).resolves.toBe("240-270亿美元 → 24,000,000,000(美元,下限)");
    await page.click("#sim-change-data");
    await page.waitForFunction(() => document.getElementById("aim-fb-value")?.textContent?.startsWith("250-280"));
    await expect(builder.formula()).resolves.toBe('=AIMARKET.REVENUE("Anthropic",2026,,,"low")');
    await expect(builder.value()).resolves.toBe("250-280亿美元 → 25,000,000,000(美元,下限)");

    // Every control has a role and a name in Chromium's accessibility tree (the pane is in Chinese now).
    const cdp = await session.context.newCDPSession(page);
    const { nodes } = (await cdp.send("Accessibility.getFullAXTree")) as { nodes: { ignored: boolean; role?: { value: string }; name?: { value: string } }[] };
    await cdp.detach();
    const controls = nodes
      .filter((n) => !n.ignored && ["button", "radio", "radiogroup", "combobox", "textbox", "listbox", "option"].includes(n.role?.value ?? ""))
      .map((n) => ({ role: n.role!.value, name: n.name?.value ?? "" }));
    expect(controls.filter((c) => c.name.trim() === "")).toEqual([]);
    const named = (role: string) => controls.filter((c) => c.role === role).map((c) => c.name);
    expect(named("radiogroup")).toEqual(expect.arrayContaining(["年份", "货币", "区间取值"]));
    expect(named("combobox")).toEqual(expect.arrayContaining(["指标", "数量单位"]));
    expect(named("listbox")).toEqual(expect.arrayContaining(["实体", "有“营收”数据的实体"]));
    expect(named("textbox")).toContain("查找实体");
    expect(named("button")).toEqual(expect.arrayContaining(["插入到活动单元格", "填充列"]));
  });
});
