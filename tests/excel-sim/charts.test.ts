import { SimWorkbook, createExcelApi, simCharts } from "../../src/excel-sim";
import { simExcel } from "./sim-test-kit";

const BAD = "The argument is invalid or missing or has an incorrect format.";

/** A sheet with a small table of numbers: header row 2, vendors in B3:B5, figures in C3:D5. */
function withData(): ReturnType<typeof simExcel> {
  const kit = simExcel();
  const rows = [
    ["Vendor", "Low", "High"],
    ["OpenAI", 330, 330],
    ["Anthropic", 240, 270],
    ["Meta", 130, 150],
  ];
  rows.forEach((row, r) => row.forEach((v, c) => kit.wb.setCell(`${"BCD"[c]}${r + 2}`, v)));
  return kit;
}

describe("charts.add", () => {
  test("makes one series per column, names from the header row and categories from the first column", async () => {
    const { wb, Excel } = withData();
    const before = wb.syncCount;
    const result = await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      const chart = sheet.charts.add("ColumnClustered", sheet.getRange("B2:D5"), "Auto");
      chart.load("name, id, chartType, width, height");
      chart.series.load("items/name");
      sheet.charts.load("count");
      const first = chart.series.getItemAt(0);
      const values = first.getDimensionDataSourceString("Values");
      const categories = first.getDimensionDataSourceString("Categories");
      const labels = first.getDimensionValues("Categories");
      await context.sync();
      return {
        name: chart.name,
        type: chart.chartType,
        size: [chart.width, chart.height],
        series: chart.series.items.map((s) => s.name),
        count: sheet.charts.count,
        values: values.value,
        categories: categories.value,
        labels: labels.value,
        id: chart.id,
      };
    });
    expect(wb.syncCount - before).toBe(1);
    expect(result).toEqual({
      name: "Chart 1",
      type: "ColumnClustered",
      size: [360, 216],
      series: ["Low", "High"],
      count: 1,
      values: "Sheet1!C3:C5",
      categories: "Sheet1!B3:B5",
      labels: ["OpenAI", "Anthropic", "Meta"],
      id: expect.stringMatching(/^\{.+\}$/),
    });
    const [info] = simCharts(wb);
    expect(info!.series.map((s) => [s.name, s.values, s.xValues, s.data])).toEqual([
      ["Low", "Sheet1!C3:C5", "Sheet1!B3:B5", [330, 240, 130]],
      ["High", "Sheet1!D3:D5", "Sheet1!B3:B5", [330, 270, 150]],
    ]);
  });

  test("by rows, the first row gives the categories and the first column the series names", async () => {
    const { wb, Excel } = withData();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.charts.add("Line", sheet.getRange("B2:D5"), "Rows");
      await context.sync();
    });
    expect(simCharts(wb)[0]!.series.map((s) => [s.name, s.values, s.xValues])).toEqual([
      ["OpenAI", "Sheet1!C3:D3", "Sheet1!C2:D2"],
      ["Anthropic", "Sheet1!C4:D4", "Sheet1!C2:D2"],
      ["Meta", "Sheet1!C5:D5", "Sheet1!C2:D2"],
    ]);
  });

  test("an unknown chart type or seriesBy rejects at sync, and nothing is added", async () => {
    const { wb, Excel } = withData();
    for (const [type, by, message] of [
      ["Columns", "Auto", `${BAD} Unknown chart type "Columns"; use an Excel.ChartType such as "ColumnClustered".`],
      ["Invalid", "Auto", `${BAD} Unknown chart type "Invalid"; use an Excel.ChartType such as "ColumnClustered".`],
      ["Pie", "Diagonal", `${BAD} Unknown seriesBy "Diagonal"; use "Auto", "Columns" or "Rows".`],
    ] as const) {
      const failure = Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getActiveWorksheet();
        const chart = sheet.charts.add(type as Excel.ChartType, sheet.getRange("B2:D5"), by as Excel.ChartSeriesBy);
        chart.load("name");
        await context.sync();
      });
      await expect(failure).rejects.toMatchObject({ code: "InvalidArgument", message, debugInfo: { errorLocation: "ChartCollection.add" } });
    }
    expect(simCharts(wb)).toEqual([]);
  });

  test("a range of another request context is refused at once", async () => {
    const { Excel } = withData();
    await Excel.run(async (first) => {
      const range = first.workbook.worksheets.getActiveWorksheet().getRange("B2:D5");
      await Excel.run(async (second) => {
        expect(() => second.workbook.worksheets.getActiveWorksheet().charts.add("Pie", range)).toThrow(expect.objectContaining({ code: "InvalidRequestContext" }));
      });
    });
  });

  test("a range of another workbook is refused too", async () => {
    const { Excel } = withData();
    const other = createExcelApi(new SimWorkbook()) as unknown as typeof Excel;
    await other.run(async (elsewhere) => {
      const range = elsewhere.workbook.worksheets.getActiveWorksheet().getRange("A1:A3");
      await Excel.run(async (context) => {
        expect(() => context.workbook.worksheets.getActiveWorksheet().charts.add("Pie", range)).toThrow(expect.objectContaining({ code: "InvalidRequestContext" }));
      });
    });
  });
});

describe("a chart's parts", () => {
  test("reading before load throws PropertyNotLoaded; title, axes and legend read back after load", async () => {
    const { Excel } = withData();
    const read = await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      const chart = sheet.charts.add("BarClustered", sheet.getRange("C3:C5"), "Columns");
      expect(() => chart.name).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      chart.title.text = "Revenue\nSource: the report";
      chart.title.getSubstring(8, 18).font.size = 9;
      chart.axes.valueAxis.title.text = "USD billion";
      chart.axes.getItem("Category").title.text = "Vendor";
      chart.legend.visible = false;
      chart.title.load("text, visible");
      chart.axes.valueAxis.title.load("text, visible");
      chart.axes.categoryAxis.title.load("text");
      chart.legend.load("visible, position");
      const small = chart.title.getSubstring(8, 18).font;
      small.load("size");
      await context.sync();
      return [chart.title.text, chart.title.visible, chart.axes.valueAxis.title.text, chart.axes.valueAxis.title.visible, chart.axes.categoryAxis.title.text, chart.legend.visible, chart.legend.position, small.size];
    });
    expect(read).toEqual(["Revenue\nSource: the report", true, "USD billion", true, "Vendor", false, "Right", 9]);
  });

  test.each([
    ["a title longer than 255 characters", (c: Excel.Chart) => (c.title.text = "x".repeat(256)), `${BAD} A chart title is 256 characters long; at most 255 are allowed.`, "ChartTitle.text"],
    ["a title part outside the title", (c: Excel.Chart) => (c.title.getSubstring(3, 5).font.size = 9), `${BAD} Characters 3 to 7 are outside the title (0 characters).`, "ChartFont.size"],
    ["a negative width", (c: Excel.Chart) => (c.width = -1), `${BAD} width must be a number of points above 0; got -1.`, "Chart.width"],
    ["an unknown legend position", (c: Excel.Chart) => (c.legend.position = "Middle" as Excel.ChartLegendPosition), `${BAD} Unknown legend position "Middle"; use Top, Bottom, Left, Right, Corner, Custom.`, "ChartLegend.position"],
    ["an unknown chart type", (c: Excel.Chart) => (c.chartType = "Bars" as Excel.ChartType), `${BAD} Unknown chart type "Bars"; use an Excel.ChartType such as "ColumnClustered".`, "Chart.chartType"],
  ])("%s rejects at sync", async (_what, act, message, location) => {
    const { Excel } = withData();
    const failure = Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      const chart = sheet.charts.add("ColumnClustered", sheet.getRange("C3:C5"));
      chart.title.text = "";
      act(chart);
      await context.sync();
    });
    await expect(failure).rejects.toMatchObject({ code: "InvalidArgument", message, debugInfo: { errorLocation: location } });
  });

  test("setPosition covers cells from the start cell to the end cell, in points", async () => {
    const { wb, Excel } = withData();
    const box = await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.getRange("F:F").format.columnWidth = 100;
      const chart = sheet.charts.add("ColumnClustered", sheet.getRange("B2:D5"));
      chart.setPosition("F2", sheet.getRange("H10"));
      chart.load("top, left, width, height");
      await context.sync();
      return [chart.top, chart.left, chart.width, chart.height];
    });
    // Columns A..E are 48 points wide, F 100; rows are 15 points high.
    expect(box).toEqual([15, 5 * 48, 100 + 2 * 48, 9 * 15]);
    expect(simCharts(wb)[0]).toMatchObject({ top: 15, left: 240, width: 196, height: 135 });
    const failure = Excel.run(async (context) => {
      const chart = context.workbook.worksheets.getActiveWorksheet().charts.getItemAt(0);
      chart.setPosition("H10", "F2");
      await context.sync();
    });
    await expect(failure).rejects.toMatchObject({ code: "InvalidArgument", message: `${BAD} The end cell must lie below and right of the start cell.` });
  });
});

describe("series", () => {
  test("add, setValues, setXAxisValues, names and delete; the chart records the cells each reads", async () => {
    const { wb, Excel } = withData();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      const chart = sheet.charts.add("ColumnClustered", sheet.getRange("C3:C5"), "Columns");
      chart.name = "Revenue";
      const first = chart.series.getItemAt(0);
      first.name = "Low";
      first.setXAxisValues(sheet.getRange("B3:B5"));
      const high = chart.series.add("High");
      high.setValues(sheet.getRange("D3:D5"));
      high.setXAxisValues(sheet.getRange("B3:B5"));
      const spare = chart.series.add("Spare", 0);
      spare.setValues(sheet.getRange("D3:D5"));
      await context.sync();
      spare.delete();
      chart.series.load("count");
      await context.sync();
      expect(chart.series.count).toBe(2);
    });
    expect(simCharts(wb, "Sheet1").map((c) => [c.name, c.series.map((s) => [s.name, s.values, s.xValues])])).toEqual([
      [
        "Revenue",
        [
          ["Low", "Sheet1!C3:C5", "Sheet1!B3:B5"],
          ["High", "Sheet1!D3:D5", "Sheet1!B3:B5"],
        ],
      ],
    ]);
  });

  test("values from a range that is not one row or column reject at sync; the operations before it stay", async () => {
    const { wb, Excel } = withData();
    const failure = Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      const chart = sheet.charts.add("ColumnClustered", sheet.getRange("C3:C5"));
      chart.name = "Kept";
      const series = chart.series.getItemAt(0);
      series.setValues(sheet.getRange("C3:D5"));
      series.name = "never";
      await context.sync();
    });
    await expect(failure).rejects.toMatchObject({
      code: "InvalidArgument",
      message: `${BAD} The values of a series must be a single row or a single column of cells; got 3 rows by 2 columns.`,
      debugInfo: { errorLocation: "ChartSeries.setValues" },
    });
    expect(simCharts(wb).map((c) => [c.name, c.series[0]!.name, c.series[0]!.values])).toEqual([["Kept", "Series1", "Sheet1!C3:C5"]]);
  });

  test("a series index past the end fails when used", async () => {
    const { Excel } = withData();
    const failure = Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      const chart = sheet.charts.add("ColumnClustered", sheet.getRange("C3:C5"));
      chart.series.getItemAt(3).name = "x";
      await context.sync();
    });
    await expect(failure).rejects.toMatchObject({ code: "ItemNotFound", message: "The requested resource doesn't exist. The chart has no series at index 3 (it has 1)." });
  });
});

describe("finding and deleting charts", () => {
  async function addNamed(Excel: typeof globalThis.Excel, name: string): Promise<void> {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.charts.add("ColumnClustered", sheet.getRange("B2:D5")).name = name;
      await context.sync();
    });
  }

  test("getItemOrNullObject answers isNullObject; getItem of a missing chart fails when used", async () => {
    const { Excel } = withData();
    await addNamed(Excel, "Mine");
    const found = await Excel.run(async (context) => {
      const charts = context.workbook.worksheets.getActiveWorksheet().charts;
      const mine = charts.getItemOrNullObject("mine");
      const none = charts.getItemOrNullObject("Other");
      none.series.load("items/name");
      mine.load("name");
      await context.sync();
      return [mine.isNullObject, mine.name, none.isNullObject];
    });
    expect(found).toEqual([false, "Mine", true]);
    const failure = Excel.run(async (context) => {
      const chart = context.workbook.worksheets.getActiveWorksheet().charts.getItem("Other");
      chart.load("name");
      await context.sync();
    });
    await expect(failure).rejects.toMatchObject({ code: "ItemNotFound", message: 'The requested resource doesn\'t exist. There is no chart named "Other" on the sheet "Sheet1".' });
  });

  test("a deleted chart is gone: the collection no longer lists it and its proxy fails", async () => {
    const { wb, Excel } = withData();
    await addNamed(Excel, "Mine");
    const failure = Excel.run(async (context) => {
      const chart = context.workbook.worksheets.getActiveWorksheet().charts.getItem("Mine");
      chart.load("name");
      await context.sync();
      chart.delete();
      await context.sync();
      chart.title.text = "again";
      await context.sync();
    });
    await expect(failure).rejects.toMatchObject({ code: "ItemNotFound", message: 'The requested resource doesn\'t exist. The chart "Mine" was deleted.' });
    expect(simCharts(wb)).toEqual([]);
  });

  test("charts and their bindings survive save and reopen, and addresses follow a sheet rename", async () => {
    const { wb, Excel } = withData();
    await addNamed(Excel, "Mine");
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").name = "Data 2026";
      const chart = context.workbook.worksheets.getItem("Data 2026").charts.getItem("Mine");
      chart.title.text = "Revenue\nSource";
      chart.title.getSubstring(8, 6).font.italic = true;
      chart.axes.valueAxis.title.text = "USD";
      await context.sync();
    });
    const before = simCharts(wb);
    expect(before[0]!.series[0]!.values).toBe("'Data 2026'!C3:C5");
    const reopened = SimWorkbook.fromJSON(JSON.parse(JSON.stringify(wb.toJSON())));
    expect(simCharts(reopened)).toEqual(before);
    expect(simCharts(reopened, "Data 2026")[0]).toMatchObject({ name: "Mine", title: "Revenue\nSource", titleRuns: [{ start: 8, length: 6, italic: true }], valueAxisTitle: "USD" });
    // A workbook saved before charts existed still opens.
    const old = JSON.parse(JSON.stringify(wb.toJSON())) as Record<string, unknown>;
    delete old.charts;
    delete old.nextChartId;
    expect(simCharts(SimWorkbook.fromJSON(old))).toEqual([]);
    // New charts of the reopened workbook do not reuse a number.
    await (createExcelApi(reopened) as unknown as typeof Excel).run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data 2026");
      sheet.charts.add("Pie", sheet.getRange("C3:C5"));
      await context.sync();
    });
    expect(simCharts(reopened).map((c) => c.name)).toEqual(["Mine", "Chart 2"]);
  });

  test("a chart reads the cells it is bound to as they are now", async () => {
    const { wb, Excel } = withData();
    await addNamed(Excel, "Mine");
    wb.setCell("C3", 400);
    expect(simCharts(wb)[0]!.series[0]!.data).toEqual([400, 240, 130]);
  });
});
