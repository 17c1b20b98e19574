import { simCharts, type SimChartInfo, type SimSeriesInfo } from "../excel-sim/chart-model";
import type { SimWorkbook } from "../excel-sim/sim-workbook";
import { h } from "../taskpane/dom";

const SVG_NS = "http://www.w3.org/2000/svg";
/** Excel's default series colours (Office theme accents 1-6). */
const COLORS = ["#4472C4", "#ED7D31", "#A5A5A5", "#FFC000", "#5B9BD5", "#70AD47"];
const FONT = '"Segoe UI", "Noto Sans CJK SC", "Noto Sans CJK", system-ui, sans-serif';
const TITLE_SIZE = 14;

type Attrs = Record<string, string | number>;

function svg(tag: string, attributes: Attrs = {}, ...children: (Node | string)[]): SVGElement {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attributes)) element.setAttribute(k, String(v));
  for (const child of children) element.append(typeof child === "string" ? document.createTextNode(child) : child);
  return element;
}

/** Rough text width: CJK characters are about one em wide, others about half. */
function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += /[\u2E80-\u9FFF\uFF00-\uFFEF\u3000-\u303F]/.test(ch) ? size : size * 0.55;
  return w;
}

/**
 * Breaks text into lines that fit `width` (after spaces and punctuation where it can, anywhere in
 * CJK runs). A line keeps its trailing space, so the lines joined give the text back.
 */
function wrap(text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const part of text.split(/(?<=[\s,;,;:、])/)) {
    if (line !== "" && textWidth(line + part, size) > width) {
      lines.push(line);
      line = "";
    }
    let rest = part;
    while (textWidth(rest, size) > width) {
      let cut = rest.length;
      while (cut > 1 && textWidth(rest.slice(0, cut), size) > width) cut--;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line += rest;
  }
  if (line !== "") lines.push(line);
  return lines;
}

/** A value-axis tick label in the style of the source cells' number format. */
function tickLabel(value: number, numberFormat: string): string {
  if (numberFormat.includes("%")) return `${Number((value * 100).toPrecision(3))}%`;
  return String(Number(value.toPrecision(3)));
}

/** A round axis maximum and step for values up to `max`. */
function niceScale(max: number): { top: number; step: number } {
  if (!(max > 0)) return { top: 1, step: 0.25 };
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? rough;
  return { top: Math.ceil(max / step) * step, step };
}

const numbers = (series: SimSeriesInfo): (number | undefined)[] => series.data.map((v) => (typeof v === "number" ? v : undefined));

/**
 * One chart as an SVG, drawn from what the chart is bound to now: the title (its second line, the
 * source line, small and italic as its title parts say), the categories, a bar per series and
 * category, the value axis with its title, and the legend. Column charts stand, bar charts lie.
 */
export function renderChart(chart: SimChartInfo): HTMLElement {
  const width = Math.max(240, Math.round(chart.width));
  const height = Math.max(180, Math.round(chart.height));
  const root = svg("svg", { width, height, viewBox: `0 0 ${width} ${height}`, "font-family": FONT, role: "img", "aria-labelledby": `${chart.id}-title` });
  root.append(svg("title", { id: `${chart.id}-title` }, chart.title || chart.name));
  root.append(svg("rect", { x: 0.5, y: 0.5, width: width - 1, height: height - 1, fill: "#ffffff", stroke: "#bfbfbf" }));

  // Title: each line in the size of the title part that covers it.
  let y = 8;
  if (chart.titleVisible && chart.title !== "") {
    let start = 0;
    for (const line of chart.title.split("\n")) {
      const run = chart.titleRuns.filter((r) => r.start <= start && r.start + r.length >= start + line.length);
      const size = run.find((r) => r.size !== undefined)?.size ?? TITLE_SIZE;
      const italic = run.some((r) => r.italic);
      const first = start === 0;
      for (const part of wrap(line, size, width - 16)) {
        y += size + 3;
        root.append(
          svg(
            "text",
            { x: width / 2, y, "text-anchor": "middle", "font-size": size, "font-style": italic ? "italic" : "normal", fill: first ? "#404040" : "#595959", class: first ? "sim-chart-title" : "sim-chart-source" },
            part,
          ),
        );
      }
      start += line.length + 1;
    }
  }

  const series = chart.series.filter((s) => s.values !== undefined);
  const categories = series[0]?.categories ?? [];
  const legendHeight = chart.legend.visible && series.length > 0 ? 20 : 0;
  const horizontal = chart.chartType.startsWith("Bar");
  const values = series.flatMap((s) => numbers(s).filter((v): v is number => v !== undefined));
  const { top, step } = niceScale(Math.max(0, ...values));
  const format = series[0]?.numberFormat ?? "General";

  const longest = Math.max(0, ...categories.map((c) => textWidth(c, 10)));
  const axisTitleSpace = chart.valueAxisTitle ? 18 : 0;
  const plot = horizontal
    ? { left: 12 + Math.min(longest, width * 0.3), top: y + 12, right: width - 16, bottom: height - 24 - legendHeight - axisTitleSpace }
    : { left: 44 + axisTitleSpace, top: y + 12, right: width - 12, bottom: height - 12 - legendHeight - Math.min(60, longest * 0.75 + 10) };
  const spanV = horizontal ? plot.right - plot.left : plot.bottom - plot.top;
  const scale = (v: number) => (spanV * v) / top;

  // Gridlines and value labels.
  for (let v = 0; v <= top + step / 2; v += step) {
    const label = tickLabel(v, format);
    if (horizontal) {
      const x = plot.left + scale(v);
      root.append(svg("line", { x1: x, y1: plot.top, x2: x, y2: plot.bottom, stroke: "#d9d9d9" }));
      root.append(svg("text", { x, y: plot.bottom + 12, "text-anchor": "middle", "font-size": 9, fill: "#595959" }, label));
    } else {
      const yy = plot.bottom - scale(v);
      root.append(svg("line", { x1: plot.left, y1: yy, x2: plot.right, y2: yy, stroke: "#d9d9d9" }));
      root.append(svg("text", { x: plot.left - 4, y: yy + 3, "text-anchor": "end", "font-size": 9, fill: "#595959" }, label));
    }
  }
  if (chart.valueAxisTitle) {
    root.append(
      horizontal
        ? svg("text", { x: (plot.left + plot.right) / 2, y: plot.bottom + 28, "text-anchor": "middle", "font-size": 10, fill: "#595959", class: "sim-chart-value-axis-title" }, chart.valueAxisTitle)
        : svg(
            "text",
            { x: 12, y: (plot.top + plot.bottom) / 2, "text-anchor": "middle", "font-size": 10, fill: "#595959", transform: `rotate(-90 12 ${(plot.top + plot.bottom) / 2})`, class: "sim-chart-value-axis-title" },
            chart.valueAxisTitle,
          ),
    );
  }

  // Bars: one slot per category, one bar per series in it.
  const slots = Math.max(1, categories.length);
  const slot = (horizontal ? plot.bottom - plot.top : plot.right - plot.left) / slots;
  const bar = (slot * 0.7) / Math.max(1, series.length);
  categories.forEach((category, i) => {
    const center = (horizontal ? plot.top : plot.left) + slot * (i + 0.5);
    if (horizontal) {
      root.append(svg("text", { x: plot.left - 4, y: center + 3, "text-anchor": "end", "font-size": 10, fill: "#404040", class: "sim-chart-category" }, category));
    } else {
      const x = center;
      const yy = plot.bottom + 12;
      root.append(svg("text", { x, y: yy, "text-anchor": "end", "font-size": 10, fill: "#404040", transform: `rotate(-40 ${x} ${yy})`, class: "sim-chart-category" }, category));
    }
    series.forEach((s, k) => {
      const v = numbers(s)[i];
      if (v === undefined) return;
      const offset = center - (bar * series.length) / 2 + bar * k;
      const length = scale(Math.max(0, v));
      const rect = horizontal
        ? svg("rect", { x: plot.left, y: offset, width: length, height: bar * 0.9, fill: COLORS[k % COLORS.length]! })
        : svg("rect", { x: offset, y: plot.bottom - length, width: bar * 0.9, height: length, fill: COLORS[k % COLORS.length]! });
      rect.append(svg("title", {}, `${s.name} · ${category}: ${tickLabel(v, s.numberFormat)}`));
      root.append(rect);
    });
  });
  root.append(svg("line", { x1: plot.left, y1: plot.bottom, x2: horizontal ? plot.right : plot.right, y2: plot.bottom, stroke: "#8c8c8c" }));

  if (legendHeight > 0) {
    let x = 12;
    const ly = height - 10;
    for (const [k, s] of series.entries()) {
      const item = svg("g", { class: "sim-chart-legend-item" });
      item.append(svg("rect", { x, y: ly - 8, width: 8, height: 8, fill: COLORS[k % COLORS.length]! }));
      item.append(svg("text", { x: x + 11, y: ly, "font-size": 10, fill: "#404040" }, s.name));
      root.append(item);
      x += 24 + textWidth(s.name, 10);
    }
  }

  const figure = h("figure", { class: "sim-chart", "data-chart-name": chart.name, "data-chart-type": chart.chartType });
  figure.append(root, h("figcaption", { class: "sim-chart-caption" }, `${chart.name} · ${chart.chartType} · ${series.map((s) => `${s.name}: ${s.values}`).join("; ")}`));
  return figure;
}

/** The charts of the workbook's active sheet, drawn below the grid; nothing when it has none. */
export function renderCharts(workbook: SimWorkbook): HTMLElement {
  const charts = simCharts(workbook, workbook.activeSheetName);
  const holder = h("section", { id: "sim-charts", class: "sim-charts", "aria-label": `Charts on ${workbook.activeSheetName}` });
  if (charts.length === 0) return holder;
  holder.append(h("h2", { class: "sim-heading" }, `Charts on ${workbook.activeSheetName} (drawn by the simulator)`), h("div", { class: "sim-chart-row" }, ...charts.map(renderChart)));
  return holder;
}
