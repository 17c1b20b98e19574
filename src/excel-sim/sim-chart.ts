import { SimClientObject, SimClientResult } from "./client-object";
import { chartsOnSheet, sourceAddress, sourceTexts, type AxisModel, type SimChartModel, type SimSeriesModel, type TitleRun } from "./chart-model";
import { checkBoolean, checkChartType, checkLegendPosition, checkOneDimensional, checkPoints, checkText, createChart, positionChart } from "./chart-ops";
import { simError } from "./errors";
import type { SimRequestContext } from "./request-context";
import { SimCollection } from "./sim-collection";
import type { SimRange } from "./sim-range";
import type { SimSheet } from "./sim-sheet";
import { SimWorksheet } from "./sim-worksheet";

/** A part of a chart (title, legend, axis...): it is gone when its chart is deleted. */
abstract class SimChartPart extends SimClientObject<SimChartModel> {
  protected override goneReason(chart: SimChartModel): string | undefined {
    return chart.deleted ? `The chart "${chart.name}" was deleted.` : undefined;
  }

  /** A property write applied to the chart at sync. */
  protected setChart(property: string, value: unknown, apply: (chart: SimChartModel, location: string) => void): void {
    this.setProperty(property, value, apply);
  }
}

/** Excel.Chart. */
export class SimChart extends SimChartPart {
  constructor(context: SimRequestContext, resolver: () => SimChartModel | null, nullable: boolean) {
    super(context, "Chart", resolver, nullable);
  }

  protected loadableProperties(): readonly string[] {
    return ["name", "id", "chartType", "top", "left", "width", "height"];
  }

  protected readProperty(chart: SimChartModel, property: string): unknown {
    return chart[property as "name" | "id" | "chartType" | "top" | "left" | "width" | "height"];
  }

  protected override navigation(name: string): SimClientObject<unknown> | undefined {
    if (name === "title") return this.title;
    if (name === "legend") return this.legend;
    if (name === "axes") return this.axes;
    if (name === "series") return this.series;
    if (name === "worksheet") return this.worksheet;
    return undefined;
  }

  get name(): string {
    return this.getProperty("name") as string;
  }
  set name(name: string) {
    this.setChart("name", name, (chart, location) => {
      const text = checkText(name, "A chart name", location);
      if (text.trim() === "") throw simError("InvalidArgument", "A chart name cannot be empty.", location);
      chart.name = text;
    });
  }

  get id(): string {
    return this.getProperty("id") as string;
  }

  get chartType(): string {
    return this.getProperty("chartType") as string;
  }
  set chartType(type: string) {
    this.setChart("chartType", type, (chart, location) => {
      chart.chartType = checkChartType(type, location);
    });
  }

  get top(): number {
    return this.getProperty("top") as number;
  }
  set top(v: number) {
    this.setChart("top", v, (chart, location) => (chart.top = checkPoints(v, "top", false, location)));
  }
  get left(): number {
    return this.getProperty("left") as number;
  }
  set left(v: number) {
    this.setChart("left", v, (chart, location) => (chart.left = checkPoints(v, "left", false, location)));
  }
  get width(): number {
    return this.getProperty("width") as number;
  }
  set width(v: number) {
    this.setChart("width", v, (chart, location) => (chart.width = checkPoints(v, "width", true, location)));
  }
  get height(): number {
    return this.getProperty("height") as number;
  }
  set height(v: number) {
    this.setChart("height", v, (chart, location) => (chart.height = checkPoints(v, "height", true, location)));
  }

  get title(): SimChartTitle {
    return this.nav("title", () => new SimChartTitle(this._context, () => this._resolve(), this._nullable));
  }
  get legend(): SimChartLegend {
    return this.nav("legend", () => new SimChartLegend(this._context, () => this._resolve(), this._nullable));
  }
  get axes(): SimChartAxes {
    return this.nav("axes", () => new SimChartAxes(this._context, () => this._resolve(), this._nullable));
  }
  get series(): SimChartSeriesCollection {
    return this.nav("series", () => new SimChartSeriesCollection(this._context, () => this._resolve(), this._nullable));
  }
  get worksheet(): SimWorksheet {
    return this.nav("worksheet", () => new SimWorksheet(this._context, () => this._resolve()?.sheet ?? null, this._nullable));
  }

  /** Moves the chart to `startCell` (a Range or an address on the chart's sheet); with `endCell`, sizes it to end there. */
  setPosition(startCell: SimRange | string, endCell?: SimRange | string): void {
    const start = typeof startCell === "string" ? undefined : this.own(startCell);
    const end = endCell === undefined || typeof endCell === "string" ? undefined : this.own(endCell);
    this.queueCall("Chart.setPosition", (chart, location) => {
      const model = this._context._workbook.model;
      const locate = (given: SimRange | string | undefined, proxy: SimRange | undefined) =>
        proxy ? proxy._target(location) : typeof given === "string" ? model.locate(given, location, chart.sheet) : undefined;
      positionChart(chart, locate(startCell, start)!, locate(endCell, end), location);
    });
  }

  delete(): void {
    this.queueCall("Chart.delete", (chart) => {
      chart.deleted = true;
      const model = this._context._workbook.model;
      const i = model.charts.indexOf(chart);
      if (i >= 0) model.charts.splice(i, 1);
    });
  }
}

/** Excel.ChartTitle. Setting `text` shows the title and clears the formatting of its parts, as typing a new title does. */
export class SimChartTitle extends SimChartPart {
  constructor(context: SimRequestContext, resolver: () => SimChartModel | null, nullable: boolean) {
    super(context, "ChartTitle", resolver, nullable);
  }

  protected loadableProperties(): readonly string[] {
    return ["text", "visible"];
  }

  protected readProperty(chart: SimChartModel, property: string): unknown {
    return property === "text" ? chart.title.text : chart.title.visible;
  }

  get text(): string {
    return this.getProperty("text") as string;
  }
  set text(text: string) {
    this.setChart("text", text, (chart, location) => {
      chart.title.text = checkText(text, "A chart title", location);
      chart.title.visible = text !== "";
      chart.title.runs = [];
    });
  }

  get visible(): boolean {
    return this.getProperty("visible") as boolean;
  }
  set visible(visible: boolean) {
    this.setChart("visible", visible, (chart, location) => (chart.title.visible = checkBoolean(visible, "visible", location)));
  }

  /** Characters `start` to `start + length - 1` of the title (a line break counts as one). */
  getSubstring(start: number, length: number): SimChartFormatString {
    return new SimChartFormatString(this._context, () => this._resolve(), this._nullable, start, length);
  }
}

/** Excel.ChartFormatString: part of a chart title, with its own font. */
export class SimChartFormatString extends SimChartPart {
  readonly _start: number;
  readonly _length: number;

  constructor(context: SimRequestContext, resolver: () => SimChartModel | null, nullable: boolean, start: number, length: number) {
    super(context, "ChartFormatString", resolver, nullable);
    this._start = start;
    this._length = length;
  }

  protected loadableProperties(): readonly string[] {
    return [];
  }

  protected readProperty(): unknown {
    return undefined;
  }

  protected override navigation(name: string): SimClientObject<unknown> | undefined {
    return name === "font" ? this.font : undefined;
  }

  get font(): SimChartFont {
    return this.nav("font", () => new SimChartFont(this._context, () => this._resolve(), this._nullable, this._start, this._length));
  }
}

const FONT_PROPERTIES = ["bold", "italic", "size", "color"] as const;
type FontProperty = (typeof FONT_PROPERTIES)[number];

/** Excel.ChartFont of part of a title: bold, italic, size (points) and color are modelled. */
export class SimChartFont extends SimChartPart {
  constructor(
    context: SimRequestContext,
    resolver: () => SimChartModel | null,
    nullable: boolean,
    private readonly start: number,
    private readonly length: number,
  ) {
    super(context, "ChartFont", resolver, nullable);
  }

  protected loadableProperties(): readonly string[] {
    return FONT_PROPERTIES;
  }

  protected readProperty(chart: SimChartModel, property: string): unknown {
    const run = [...chart.title.runs].reverse().find((r) => r.start <= this.start && r.start + r.length >= this.start + this.length && r[property as FontProperty] !== undefined);
    const defaults: Record<FontProperty, unknown> = { bold: false, italic: false, size: 14, color: "#595959" };
    return run?.[property as FontProperty] ?? defaults[property as FontProperty];
  }

  private setFont(property: FontProperty, value: unknown, check: (location: string) => void): void {
    this.setChart(property, value, (chart, location) => {
      const { start, length } = this;
      if (!Number.isInteger(start) || !Number.isInteger(length) || start < 0 || length < 1 || start + length > chart.title.text.length) {
        throw simError("InvalidArgument", `Characters ${start} to ${start + length - 1} are outside the title (${chart.title.text.length} characters).`, location);
      }
      check(location);
      const run: TitleRun = { start, length, [property]: value };
      chart.title.runs.push(run);
    });
  }

  get bold(): boolean {
    return this.getProperty("bold") as boolean;
  }
  set bold(v: boolean) {
    this.setFont("bold", v, (location) => checkBoolean(v, "bold", location));
  }
  get italic(): boolean {
    return this.getProperty("italic") as boolean;
  }
  set italic(v: boolean) {
    this.setFont("italic", v, (location) => checkBoolean(v, "italic", location));
  }
  get size(): number {
    return this.getProperty("size") as number;
  }
  set size(v: number) {
    this.setFont("size", v, (location) => {
      if (typeof v !== "number" || !(v >= 1 && v <= 409)) throw simError("InvalidArgument", `A font size is 1 to 409 points; got ${JSON.stringify(v)}.`, location);
    });
  }
  get color(): string {
    return this.getProperty("color") as string;
  }
  set color(v: string) {
    this.setFont("color", v, (location) => {
      if (typeof v !== "string" || !/^#[0-9A-Fa-f]{6}$/.test(v)) throw simError("InvalidArgument", `A color is "#RRGGBB" here; got ${JSON.stringify(v)}.`, location);
    });
  }
}

/** Excel.ChartLegend: visible and position. */
export class SimChartLegend extends SimChartPart {
  constructor(context: SimRequestContext, resolver: () => SimChartModel | null, nullable: boolean) {
    super(context, "ChartLegend", resolver, nullable);
  }

  protected loadableProperties(): readonly string[] {
    return ["visible", "position"];
  }

  protected readProperty(chart: SimChartModel, property: string): unknown {
    return property === "visible" ? chart.legend.visible : chart.legend.position;
  }

  get visible(): boolean {
    return this.getProperty("visible") as boolean;
  }
  set visible(v: boolean) {
    this.setChart("visible", v, (chart, location) => (chart.legend.visible = checkBoolean(v, "visible", location)));
  }
  get position(): string {
    return this.getProperty("position") as string;
  }
  set position(v: string) {
    this.setChart("position", v, (chart, location) => (chart.legend.position = checkLegendPosition(v, location)));
  }
}

type AxisKind = "Category" | "Value";
const axisOf = (chart: SimChartModel, kind: AxisKind): AxisModel => (kind === "Category" ? chart.categoryAxis : chart.valueAxis);

/** Excel.ChartAxes: the primary category and value axes. */
export class SimChartAxes extends SimChartPart {
  constructor(context: SimRequestContext, resolver: () => SimChartModel | null, nullable: boolean) {
    super(context, "ChartAxes", resolver, nullable);
  }

  protected loadableProperties(): readonly string[] {
    return [];
  }

  protected readProperty(): unknown {
    return undefined;
  }

  protected override navigation(name: string): SimClientObject<unknown> | undefined {
    if (name === "categoryAxis") return this.categoryAxis;
    if (name === "valueAxis") return this.valueAxis;
    return undefined;
  }

  get categoryAxis(): SimChartAxis {
    return this.nav("categoryAxis", () => new SimChartAxis(this._context, () => this._resolve(), this._nullable, "Category"));
  }
  get valueAxis(): SimChartAxis {
    return this.nav("valueAxis", () => new SimChartAxis(this._context, () => this._resolve(), this._nullable, "Value"));
  }

  /** The primary "Category" or "Value" axis (series axes and secondary axes are not modelled). */
  getItem(type: string, group: string = "Primary"): SimChartAxis {
    return new SimChartAxis(
      this._context,
      () => {
        const chart = this._resolve();
        if (chart === null) return null;
        if ((type !== "Category" && type !== "Value") || group !== "Primary") {
          throw simError("ItemNotFound", `The chart has no ${group} ${type} axis here (only the primary category and value axes are modelled).`, "ChartAxes.getItem");
        }
        return chart;
      },
      this._nullable,
      type === "Value" ? "Value" : "Category",
    );
  }
}

/** Excel.ChartAxis: visible, and its title. */
export class SimChartAxis extends SimChartPart {
  constructor(
    context: SimRequestContext,
    resolver: () => SimChartModel | null,
    nullable: boolean,
    readonly _kind: AxisKind,
  ) {
    super(context, "ChartAxis", resolver, nullable);
  }

  protected loadableProperties(): readonly string[] {
    return ["visible"];
  }

  protected readProperty(chart: SimChartModel): unknown {
    return axisOf(chart, this._kind).visible;
  }

  protected override navigation(name: string): SimClientObject<unknown> | undefined {
    return name === "title" ? this.title : undefined;
  }

  get visible(): boolean {
    return this.getProperty("visible") as boolean;
  }
  set visible(v: boolean) {
    this.setChart("visible", v, (chart, location) => (axisOf(chart, this._kind).visible = checkBoolean(v, "visible", location)));
  }

  get title(): SimChartAxisTitle {
    return this.nav("title", () => new SimChartAxisTitle(this._context, () => this._resolve(), this._nullable, this._kind));
  }
}

/** Excel.ChartAxisTitle. Setting `text` shows the title. */
export class SimChartAxisTitle extends SimChartPart {
  constructor(
    context: SimRequestContext,
    resolver: () => SimChartModel | null,
    nullable: boolean,
    readonly _kind: AxisKind,
  ) {
    super(context, "ChartAxisTitle", resolver, nullable);
  }

  protected loadableProperties(): readonly string[] {
    return ["text", "visible"];
  }

  protected readProperty(chart: SimChartModel, property: string): unknown {
    const axis = axisOf(chart, this._kind);
    return property === "text" ? axis.titleText : axis.titleVisible;
  }

  get text(): string {
    return this.getProperty("text") as string;
  }
  set text(text: string) {
    this.setChart("text", text, (chart, location) => {
      const axis = axisOf(chart, this._kind);
      axis.titleText = checkText(text, "An axis title", location);
      axis.titleVisible = text !== "";
    });
  }
  get visible(): boolean {
    return this.getProperty("visible") as boolean;
  }
  set visible(v: boolean) {
    this.setChart("visible", v, (chart, location) => (axisOf(chart, this._kind).titleVisible = checkBoolean(v, "visible", location)));
  }
}

interface SeriesTarget {
  chart: SimChartModel;
  series: SimSeriesModel;
}

const DIMENSIONS = ["Categories", "Values", "XValues", "YValues", "BubbleSizes"] as const;

/** Excel.ChartSeries: name, values and categories bound to cells, delete. */
export class SimChartSeries extends SimClientObject<SeriesTarget> {
  constructor(context: SimRequestContext, resolver: () => SeriesTarget | null, nullable: boolean) {
    super(context, "ChartSeries", resolver, nullable);
  }

  protected loadableProperties(): readonly string[] {
    return ["name"];
  }

  protected readProperty(target: SeriesTarget): unknown {
    return target.series.name;
  }

  protected override goneReason(target: SeriesTarget): string | undefined {
    if (target.chart.deleted) return `The chart "${target.chart.name}" was deleted.`;
    return target.chart.series.includes(target.series) ? undefined : "The chart series was deleted.";
  }

  get name(): string {
    return this.getProperty("name") as string;
  }
  set name(name: string) {
    this.setProperty("name", name, (t, location) => (t.series.name = checkText(name, "A series name", location)));
  }

  /** The series' values: one row or one column of cells. */
  setValues(sourceData: SimRange): void {
    this.bind("ChartSeries.setValues", sourceData, "values", "The values of a series");
  }

  /** The series' categories (x-axis values): one row or one column of cells. */
  setXAxisValues(sourceData: SimRange): void {
    this.bind("ChartSeries.setXAxisValues", sourceData, "xValues", "The x-axis values of a series");
  }

  private bind(location: string, sourceData: SimRange, key: "values" | "xValues", what: string): void {
    const range = this.own(sourceData);
    this.queueCall(location, (t) => {
      t.series[key] = checkOneDimensional(range._target(location), what, location);
    });
  }

  delete(): void {
    this.queueCall("ChartSeries.delete", (t) => {
      const i = t.chart.series.indexOf(t.series);
      if (i >= 0) t.chart.series.splice(i, 1);
    });
  }

  /** The text of each value (or category) of the series; categories count 1, 2, 3... without cells. */
  getDimensionValues(dimension: string): SimClientResult<string[]> {
    return this.dimension("getDimensionValues", dimension, (series, categories) => {
      if (categories) return series.xValues ? sourceTexts(series.xValues) : (series.values ? sourceTexts(series.values) : []).map((_, i) => String(i + 1));
      return series.values ? sourceTexts(series.values) : [];
    });
  }

  /** The cells a dimension reads, "Sheet1!C3:C11" ("" when it reads none). */
  getDimensionDataSourceString(dimension: string): SimClientResult<string> {
    return this.dimension("getDimensionDataSourceString", dimension, (series, categories) => {
      const source = categories ? series.xValues : series.values;
      return source ? sourceAddress(source) : "";
    });
  }

  private dimension<V>(method: string, dimension: string, read: (series: SimSeriesModel, categories: boolean) => V): SimClientResult<V> {
    const result = new SimClientResult<V>();
    const location = `ChartSeries.${method}`;
    this._context._checkOpen(this._typeName);
    this._context._enqueue({
      location,
      run: () => {
        if (!(DIMENSIONS as readonly string[]).includes(dimension)) throw simError("InvalidArgument", `Unknown dimension ${JSON.stringify(dimension)}; use ${DIMENSIONS.join(", ")}.`, location);
        if (dimension === "BubbleSizes") throw simError("InvalidArgument", "Only bubble charts have bubble sizes.", location);
        this._context._workbook.model.recalculateIfDirty();
        const value = read(this._target(location).series, dimension === "Categories" || dimension === "XValues");
        return () => result._set(value);
      },
    });
    return result;
  }
}

/** Excel.ChartSeriesCollection. */
export class SimChartSeriesCollection extends SimCollection<SimChartModel, SeriesTarget, SimChartSeries> {
  constructor(context: SimRequestContext, resolver: () => SimChartModel | null, nullable: boolean) {
    super(context, "ChartSeriesCollection", resolver, nullable);
  }

  protected override goneReason(chart: SimChartModel): string | undefined {
    return chart.deleted ? `The chart "${chart.name}" was deleted.` : undefined;
  }

  protected itemsOf(chart: SimChartModel): SeriesTarget[] {
    return chart.series.map((series) => ({ chart, series }));
  }

  protected proxyFor(target: SeriesTarget): SimChartSeries {
    return new SimChartSeries(this._context, () => target, false);
  }

  protected itemProperties(): readonly string[] {
    return ["name"];
  }

  /** A new series, with no values until they are set; at `index` (0 to count) or last. */
  add(name?: string, index?: number): SimChartSeries {
    let created: SeriesTarget | undefined;
    this.queueCall("ChartSeriesCollection.add", (chart, location) => {
      const series: SimSeriesModel = { name: name === undefined ? `Series${chart.series.length + 1}` : checkText(name, "A series name", location) };
      const at = index === undefined ? chart.series.length : index;
      if (!Number.isInteger(at) || at < 0 || at > chart.series.length) throw simError("InvalidArgument", `A series index is 0 to ${chart.series.length}; got ${JSON.stringify(index)}.`, location);
      chart.series.splice(at, 0, series);
      created = { chart, series };
    });
    return new SimChartSeries(
      this._context,
      () => {
        if (!created) throw simError("ItemNotFound", "The series was not created: ChartSeriesCollection.add failed.", "ChartSeriesCollection.add");
        return created;
      },
      false,
    );
  }

  getItemAt(index: number): SimChartSeries {
    return new SimChartSeries(
      this._context,
      () => {
        const chart = this._resolve();
        if (chart === null) return null;
        const series = chart.series[index];
        if (!series) throw simError("ItemNotFound", `The chart has no series at index ${index} (it has ${chart.series.length}).`, "ChartSeriesCollection.getItemAt");
        return { chart, series };
      },
      this._nullable,
    );
  }
}

/** Excel.ChartCollection of one worksheet. Names match ignoring case; the first of equal names wins, as in Excel. */
export class SimChartCollection extends SimCollection<SimSheet, SimChartModel, SimChart> {
  constructor(context: SimRequestContext, resolver: () => SimSheet | null, nullable: boolean) {
    super(context, "ChartCollection", resolver, nullable);
  }

  protected itemsOf(sheet: SimSheet): SimChartModel[] {
    return chartsOnSheet(this._context._workbook.model, sheet);
  }

  protected proxyFor(chart: SimChartModel): SimChart {
    return new SimChart(this._context, () => chart, false);
  }

  protected itemProperties(): readonly string[] {
    return ["name", "id", "chartType", "top", "left", "width", "height"];
  }

  private find(sheet: SimSheet, name: string): SimChartModel | undefined {
    const lower = String(name).toLowerCase();
    return this.itemsOf(sheet).find((c) => c.name.toLowerCase() === lower);
  }

  /** A chart of `type` over `sourceData`; its series are made from the range as Excel would (see seriesFromSource). */
  add(type: string, sourceData: SimRange, seriesBy: string = "Auto"): SimChart {
    const range = this.own(sourceData);
    let created: SimChartModel | undefined;
    this.queueCall("ChartCollection.add", (sheet, location) => {
      const chartType = checkChartType(type, location);
      created = createChart(this._context._workbook.model, sheet, chartType, range._target(location), seriesBy, location);
    });
    return new SimChart(
      this._context,
      () => {
        if (!created) throw simError("ItemNotFound", "The chart was not created: ChartCollection.add failed.", "ChartCollection.add");
        return created;
      },
      false,
    );
  }

  getItem(name: string): SimChart {
    return new SimChart(
      this._context,
      () => {
        const sheet = this._resolve();
        if (sheet === null) return null;
        const chart = this.find(sheet, name);
        if (!chart) throw simError("ItemNotFound", `There is no chart named ${JSON.stringify(name)} on the sheet "${sheet.name}".`, "ChartCollection.getItem");
        return chart;
      },
      this._nullable,
    );
  }

  getItemOrNullObject(name: string): SimChart {
    return new SimChart(
      this._context,
      () => {
        const sheet = this._resolve();
        return sheet === null ? null : (this.find(sheet, name) ?? null);
      },
      true,
    );
  }

  getItemAt(index: number): SimChart {
    return new SimChart(
      this._context,
      () => {
        const sheet = this._resolve();
        if (sheet === null) return null;
        const chart = this.itemsOf(sheet)[index];
        if (!chart) throw simError("ItemNotFound", `There is no chart at index ${index}.`, "ChartCollection.getItemAt");
        return chart;
      },
      this._nullable,
    );
  }
}
