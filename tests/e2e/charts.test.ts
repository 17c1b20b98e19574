// Charts of inserted tables through the task pane's Charts section on /preview.html, in English and
// in Chinese: the simulator draws each chart of the shown sheet as an SVG from what the chart is
// bound to, so the test reads what a person sees (title, source line, categories, series) and the
// binding (the caption lists each series' cells); then the data changes, a refresh makes the tables
// one row shorter and every chart follows.
import { describeInBrowser, PreviewPage, screenshotPath, useBrowserSession } from "./preview-browser";

jest.setTimeout(180_000);

const PRESETS = { vendor_revenue: ["revenue_range"], vendor_metrics: ["compute_by_vendor", "mau_by_vendor", "domestic_chip_share"] } as const;

interface DrawnChart {
  name: string;
  type: string;
  title: string;
  source: string;
  categories: string[];
  legend: string[];
  axis: string;
  caption: string;
  bars: number;
}

function drawn(preview: PreviewPage): Promise<DrawnChart[]> {
  return preview.page.locator("#sim-charts figure.sim-chart").evaluateAll((figures) =>
    figures.map((f) => {
      const texts = (selector: string) => [...f.querySelectorAll(selector)].map((e) => e.textContent ?? "");
      return {
        name: (f as HTMLElement).dataset.chartName ?? "",
        type: (f as HTMLElement).dataset.chartType ?? "",
        title: texts(".sim-chart-title").join(""),
        source: texts(".sim-chart-source").join(""),
        categories: texts(".sim-chart-category"),
        legend: texts(".sim-chart-legend-item text"),
        axis: texts(".sim-chart-value-axis-title").join(""),
        caption: texts(".sim-chart-caption").join(""),
        bars: f.querySelectorAll("svg > rect[fill]:not([fill='#ffffff'])").length,
      };
    }),
  );
}

/** A screenshot with the drawn charts at the top of the window (the pane's Charts section beside them). */
async function shootCharts(preview: PreviewPage, name: string): Promise<void> {
  await preview.page.locator(".sim-charts-wrap").evaluate((e) => e.scrollIntoView({ block: "start" }));
  await preview.page.locator("#aim-charts").evaluate((e) => e.scrollIntoView({ block: "nearest" }));
  await preview.page.screenshot({ path: screenshotPath(name) });
}

/** Opens the Charts section (closed at first; its code is fetched on the first open) unless it is open. */
async function openCharts(preview: PreviewPage): Promise<void> {
  const toggle = preview.page.locator("#aim-charts-toggle");
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  await preview.page.waitForSelector("#aim-charts-list");
}

describeInBrowser("charts on /preview.html", () => {
  const session = useBrowserSession();

  async function insertCharts(preview: PreviewPage, revenue: string, metrics: string): Promise<string[]> {
    const texts: string[] = [];
    for (const [table, presets] of [
      [revenue, PRESETS.vendor_revenue],
      [metrics, PRESETS.vendor_metrics],
    ] as const) {
      for (const preset of presets) {
        await preview.page.click(`#aim-chart-${table}-${preset}`);
        const message = await preview.message("#aim-charts-status");
        expect({ preset, message }).toEqual({ preset, message: expect.objectContaining({ intent: "success" }) });
        texts.push(message.text);
      }
    }
    return texts;
  }

  test("English: four charts bound to their tables, drawn with title, source line and vendors; they follow a refresh that drops a row", async () => {
    const preview = await PreviewPage.open(session, "?lang=en");
    const { page } = preview;
    await openCharts(preview);
    await expect(page.locator("#aim-charts-empty").innerText()).resolves.toMatch(/^No chart can be made yet/);
    await preview.chooseOption("mode", "snapshot");
    await preview.chooseScale("B");
    const revenue = await preview.insertAt("A1", "vendor_revenue");
    const metrics = await preview.insertAt("A14", "vendor_metrics");
    await expect(page.locator("#aim-charts .aim-chart-table").count()).resolves.toBe(2);
    await expect(page.locator(`#aim-chart-${revenue}-revenue_range`).innerText()).resolves.toBe("Insert chart: Revenue range");

    const messages = await insertCharts(preview, revenue, metrics);
    expect(messages[0]).toBe(`Inserted the chart “Revenue range” beside ${revenue} on Sheet1.`);
    const charts = await drawn(preview);
    expect(charts.map((c) => [c.name, c.type, c.title, c.axis])).toEqual([
      [`${revenue}_revenue_range`, "ColumnClustered", "Revenue by vendor, 2026 forecast (low, midpoint, high)", "Revenue (USD billion)"],
      [`${metrics}_compute_by_vendor`, "ColumnClustered", "Total compute by vendor, 2026", "Total compute (GW)"],
      [`${metrics}_mau_by_vendor`, "ColumnClustered", "Monthly active users by vendor, 2026", "Monthly active users (users, billion)"],
      [`${metrics}_domestic_chip_share`, "BarClustered", "Domestic chip share by vendor, 2026", "Domestic chip share (%)"],
    ]);
    for (const c of charts) {
      expect(c.source).toBe("Source: 2026年全球AI大模型产业全景报告:双轮驱动下的中美格局与竞争逻辑(修正版), section 二(二)/二(三); dataset ai-market-2026 v1.0.0");
      expect(c.categories).toEqual(["OpenAI", "Google", "Anthropic", "Meta", "ByteDance", "Alibaba", "Baidu", "Tencent", "DeepSeek"]);
    }
    expect(charts[0]!.legend).toEqual(["Revenue 2026, low", "Revenue 2026, midpoint", "Revenue 2026, high"]);
    expect(charts[0]!.caption).toBe(
      `${revenue}_revenue_range · ColumnClustered · Revenue 2026, low: Sheet1!B2:B10; Revenue 2026, midpoint: Sheet1!C2:C10; Revenue 2026, high: Sheet1!D2:D10`,
    );
    // Nine vendors, each with a low, a midpoint and a high bar.
    expect(charts[0]!.bars).toBe(27);
    expect(charts[3]!.caption).toMatch(/Domestic chip share: Sheet1!H15:H23$/);

    await page.click("#sim-drop-vendor");
    await expect(page.locator("#sim-status").innerText()).resolves.toBe("The dataset is now v1.1.0: DeepSeek left the vendor tables (refresh to shrink them).");
    const refreshed = await preview.refreshAll();
    expect(refreshed.intent).toBe("success");
    expect(refreshed.text).toContain(`The chart "${revenue}_revenue_range" now shows the table's 8 rows.`);
    const after = await drawn(preview);
    for (const c of after) {
      expect(c.categories).toEqual(["OpenAI", "Google", "Anthropic", "Meta", "ByteDance", "Alibaba", "Baidu", "Tencent"]);
      expect(c.source).toMatch(/v1\.1\.0$/);
    }
    expect(after[0]!.caption).toMatch(/Revenue 2026, high: Sheet1!D2:D9$/);
    expect(after[0]!.bars).toBe(24);
    await shootCharts(preview, "chart-en");
  });

  test("Chinese: the pane and the charts in Chinese, on a second sheet; they follow a refresh too", async () => {
    const preview = await PreviewPage.open(session, "?lang=en");
    const { page } = preview;
    await openCharts(preview);
    await page.click("#aim-ui-language");
    await expect(page.locator("#aim-charts-heading").innerText()).resolves.toBe("图表");
    await expect(page.locator("#aim-charts-empty").innerText()).resolves.toMatch(/^暂时无法创建图表/);
    await page.click("#sim-add-sheet");
    await page.selectOption("#sim-sheet", "Sheet2");
    await preview.chooseOption("language", "zh");
    await preview.chooseOption("currency", "CNY");
    await preview.chooseScale("亿");
    const revenue = await preview.insertAt("A1", "vendor_revenue");
    const metrics = await preview.insertAt("A14", "vendor_metrics");
    await expect(page.locator(`#aim-chart-${metrics}-mau_by_vendor`).innerText()).resolves.toBe("插入图表:月活用户");
    await expect(page.locator("#aim-charts .aim-chart-table .aim-hint").first().innerText()).resolves.toBe(`${revenue} · 厂商营收(2026年预测) · 语言:中文`);

    const messages = await insertCharts(preview, revenue, metrics);
    expect(messages[1]).toBe(`已在 Sheet2 上 ${metrics} 旁插入图表“总算力”。`);
    const charts = await drawn(preview);
    expect(charts.map((c) => [c.title, c.axis])).toEqual([
      ["各厂商营收(2026年预测,下限/中值/上限)", "营收(亿元)"],
      ["各厂商总算力(2026年)", "总算力(GW)"],
      ["各厂商月活用户(2026年)", "月活用户(用户,亿)"],
      ["各厂商国产芯片占比(2026年)", "国产芯片占比(%)"],
    ]);
    const vendors = ["OpenAI", "谷歌", "Anthropic", "Meta", "字节跳动", "阿里巴巴", "百度", "腾讯", "DeepSeek"];
    for (const c of charts) {
      expect(c.source).toBe("来源:2026年全球AI大模型产业全景报告:双轮驱动下的中美格局与竞争逻辑(修正版),第二(二)/二(三)节;数据集 ai-market-2026 v1.0.0");
      expect(c.categories).toEqual(vendors);
    }
    expect(charts[0]!.legend).toEqual(["2026年营收下限", "2026年营收中值", "2026年营收上限"]);
    expect(charts[2]!.caption).toBe(`${metrics}_mau_by_vendor · ColumnClustered · 月活用户: Sheet2!I15:I23`);

    await page.click("#sim-drop-vendor");
    const refreshed = await preview.refreshAll();
    expect(refreshed.intent).toBe("success");
    const after = await drawn(preview);
    for (const c of after) expect(c.categories).toEqual(vendors.slice(0, 8));
    expect(after[2]!.caption).toMatch(/月活用户: Sheet2!I15:I22$/);
    await shootCharts(preview, "chart-zh");
  });

  test("a spill formula is not offered a chart: the empty state stays", async () => {
    const preview = await PreviewPage.open(session, "?lang=en");
    await openCharts(preview);
    await preview.chooseOption("mode", "spill");
    await preview.insertAt("B2", "vendor_revenue");
    await expect(preview.page.locator("#aim-charts-empty").isVisible()).resolves.toBe(true);
  });
});
