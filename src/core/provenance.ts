import { infoFieldName } from "./dataset-info";
import { cellError, metricQuery, revenueQuery } from "./function-calls";
import { numericHeader, numericRow } from "./build-table";
import type { DatasetIndex, IndexedFigure } from "./dataset-index";
import { isAimarketError } from "./errors";
import type { FunctionName } from "./parse-formula-call";
import { answerByIds, queryFigure, type FigureAnswer } from "./query-figure";
import { parseBound, parseCurrency, parseLanguage, parseScale, type Bound, type Language } from "./query-options";
import { resolveTable } from "./resolve";
import type { Currency, Entity, Figure, Flag, FlagCode, Metric, MetricKind, NumericTable, SourceTable, Table, Text } from "./schema";
import { unitLabel } from "./unit-label";
import { isScalable, SCALE_FACTORS, toBase, type Scale } from "./units";
import { QUALIFIERS, type Qualifier } from "./vocabulary";
import { formatSource } from "./describe-source";
import { missingNote, NOTES_HEADER } from "./flag-notes";

/**
 * Where a figure in a cell comes from, for the pane's "Selected cell" view: the figure (entity,
 * metric, period), what the function answers and what the report writes, the verbatim source with
 * its section, table, row and column, every conversion between the two (scale; currency at the
 * dataset's rate and in which direction, or the report's own conversion), the bound of a range
 * used, and every flag. Answers come from the same core functions the custom functions use, so
 * the pane explains exactly what the cell computes. Both languages are kept: the pane switches.
 */

/** An argument as Excel would pass it: a cell's value, or null for an omitted argument or empty cell. */
export type ArgValue = string | number | boolean | null;

export interface FlagView {
  code: FlagCode;
  note: Text;
  /** Raised on a figure (its id) or on a report table (its id). */
  on: "figure" | "table";
  subject: string;
  /** Other figures involved, named for people. */
  related: { id: string; label: Text }[];
}

export type Conversion =
  /** The written number times `factor` is the answer (330 亿 → 33 B is 0.1; 72 % → 0.72 is 0.01). */
  | { kind: "scale"; from: Text; to: Text; factor: number }
  /** Converted at the dataset's rate: CNY→USD divides by `cnyPerUsd`, USD→CNY multiplies. */
  | { kind: "currency"; from: Currency; to: Currency; cnyPerUsd: number; method: Text }
  /** The figure is the report's own conversion of another (220-250亿元(约31-35亿美元)). */
  | { kind: "stated"; of: { id: string; written?: string; currency?: Currency } };

export interface FigureProvenance {
  id: string;
  entity: { id: string; name: Text };
  metric: { id: string; name: Text; kind: MetricKind };
  period: number | null;
  periodNote?: Text;
  /** What the functions answer with the options in use (absent for a figure listed, not asked). */
  answer?: number | string;
  /** The unit of `answer` ("USD billion" / "十亿美元", "fraction"), empty for text. */
  unit?: Text;
  /** The figure as written in the report ("240-270亿美元"); numeric figures only. */
  written?: string;
  qualifier?: { verbatim: Qualifier; meaning: Text };
  source: { text: string; section: string; table?: { id: string; title: Text }; row?: string; column?: string };
  /** English rendering of the source text. */
  english: string;
  /** For a range: its ends as written and the bound the answer takes. */
  range?: { low: number; high: number; bound: Bound };
  conversions: Conversion[];
  flags: FlagView[];
}

/** A cell of a report table: 0-based row (0 is the header row) and column, and what the cell is. */
export interface TablePlace {
  id: string;
  title: Text;
  kind: Table["kind"];
  section: string;
  row: number;
  column: number;
  part: "header" | "row-label" | "figure" | "text" | "notes" | "outside";
  rowLabel?: Text;
  columnLabel?: Text;
  /** What a table as written holds in this cell. */
  cellText?: Text;
  /** The bound a numeric column shows. */
  bound?: Bound;
}

export interface Provenance {
  kind: "figure" | "table-cell" | "catalogue" | "error";
  fn?: FunctionName;
  /** The one figure the cell shows. */
  figure?: FigureProvenance;
  /** Figures a cell speaks of besides (a cell of a table as written, a row's notes). */
  figures: FigureProvenance[];
  table?: TablePlace;
  /** Every flag to show: the figures' and, for table cells, the table's. */
  flags: FlagView[];
  /** What the cell is when it is not a figure, or why it holds none. */
  note?: Text;
  /** The error the function gives (as the cell shows it) with its message. */
  error?: { shows: "#VALUE!" | "#N/A"; message: string };
}

const QUALIFIER_ZH: Record<Qualifier, string> = {
  超: "多于",
  超过: "多于",
  将超: "将多于",
  首次超过: "首次多于",
  突破: "超过",
  均突破: "均超过",
  以上: "或更多",
  普遍超: "普遍多于",
  约: "大约",
  左右: "大约",
  低至: "最低为",
  仅为: "仅有",
  不超过: "至多",
  以内: "不超过",
  最大: "至多",
  达: "达到",
  计划: "计划中",
};

const WRITTEN_SCALE_LABEL: Record<string, Text> = {
  "": { en: "units as written", zh: "原文单位" },
  万: { en: "万 (10⁴)", zh: "万" },
  亿: { en: "亿 (10⁸)", zh: "亿" },
  万亿: { en: "万亿 (10¹²)", zh: "万亿" },
  "%": { en: "percent", zh: "百分比" },
};

const CATALOGUES: Record<"TABLES" | "ENTITIES" | "METRICS" | "INFO", Text> = {
  TABLES: { en: "The list of the report's tables (AIMARKET.TABLES): a catalogue, not a figure of the report.", zh: "报告表格目录(AIMARKET.TABLES):是目录,不是报告中的数据。" },
  ENTITIES: { en: "The list of vendors, models, camps and markets (AIMARKET.ENTITIES): a catalogue, not a figure of the report.", zh: "厂商、模型、阵营与市场目录(AIMARKET.ENTITIES):是目录,不是报告中的数据。" },
  METRICS: { en: "The list of metrics (AIMARKET.METRICS): a catalogue, not a figure of the report.", zh: "指标目录(AIMARKET.METRICS):是目录,不是报告中的数据。" },
  INFO: { en: "About the dataset in use (AIMARKET.INFO), not a figure of the report.", zh: "所用数据集的信息(AIMARKET.INFO),不是报告中的数据。" },
};

/** Whether a header cell is the numeric tables' notes column ("Notes" / "备注", as buildTable writes it). */
export function isNotesHeader(header: unknown): boolean {
  return typeof header === "string" && (header.trim() === NOTES_HEADER.en || header.trim() === NOTES_HEADER.zh);
}

/** Options of a figure question or a table, as the functions read them. */
export interface AnswerOptions {
  currency: Currency;
  scale: Scale;
  bound: Bound;
  language: Language;
}

/**
 * The provenance of what an AIMARKET call answers, with its arguments as Excel passes them.
 * For TABLE, `at` is the 0-based cell of the spilled array (row 0 is the header row); without it
 * the call is described as the whole table at its first cell.
 */
export function provenanceOfCall(index: DatasetIndex, fn: FunctionName, args: readonly ArgValue[], at?: { row: number; column: number }): Provenance {
  const a = (i: number): ArgValue => args[i] ?? null;
  try {
    switch (fn) {
      case "REVENUE": {
        const answer = queryFigure(index, revenueQuery(a(0), a(1), a(2), a(3), a(4)));
        return figureResult(index, fn, answer);
      }
      case "METRIC": {
        const answer = queryFigure(index, metricQuery(a(0), a(1), a(2), a(3), a(4), a(5), a(6)));
        return figureResult(index, fn, answer);
      }
      case "SOURCE": {
        const language = parseLanguage(a(3));
        const answer = queryFigure(index, { entity: a(0), metric: a(1), year: a(2) });
        const result = figureResult(index, fn, answer);
        result.figure!.answer = formatSource(index, answer.figure, language);
        result.figure!.unit = { en: "", zh: "" };
        result.figure!.conversions = [];
        delete result.figure!.range;
        return result;
      }
      case "TABLE": {
        const options: AnswerOptions = { language: parseLanguage(a(1)), currency: parseCurrency(a(2)) ?? "USD", scale: parseScale(a(3)), bound: parseBound(a(4)) };
        const table = resolveTable(index, a(0));
        const place = at ?? { row: 0, column: 0 };
        return { ...provenanceOfTableCell(index, table.id, options, place.row, place.column), fn };
      }
      case "TABLES":
      case "ENTITIES":
      case "METRICS":
      case "INFO": {
        const note = CATALOGUES[fn];
        // The same field lookup as INFO itself, so every spelling INFO accepts gets the method.
        if (fn === "INFO" && infoFieldName(a(0))?.startsWith("exchange_rate")) {
          const method = index.dataset.meta.exchangeRate.method;
          return { kind: "catalogue", fn, figures: [], flags: [], note: { en: `${note.en} ${method.en}`, zh: `${note.zh}${method.zh}` } };
        }
        return { kind: "catalogue", fn, figures: [], flags: [], note };
      }
    }
  } catch (e) {
    if (!isAimarketError(e)) throw e;
    return { kind: "error", fn, figures: [], flags: [], error: cellError(e) };
  }
}

function figureResult(index: DatasetIndex, fn: FunctionName, answer: FigureAnswer): Provenance {
  const figure = figureProvenance(index, answer.figure, answer);
  return { kind: "figure", fn, figure, figures: [], flags: figure.flags };
}

/**
 * The provenance of one cell of a report table as buildTable lays it out with `options`: 0-based
 * row (0 is the header row) and column. A numeric table's trailing "Notes" column, where the
 * table has one, or `column: "notes"`, gives the flags of the row's figures.
 */
export function provenanceOfTableCell(
  index: DatasetIndex,
  tableId: string,
  options: AnswerOptions,
  row: number,
  column: number | "notes",
): Provenance {
  const table = resolveTable(index, tableId);
  return table.kind === "source" ? sourceCell(index, table, options, row, column) : numericCell(index, table, options, row, column);
}

function placeOf(table: Table, row: number, column: number, part: TablePlace["part"]): TablePlace {
  return { id: table.id, title: table.title, kind: table.kind, section: table.section, row, column, part };
}

function tableFlags(table: Table): FlagView[] {
  return (table.flags ?? []).map((flag) => ({ code: flag.code, note: flag.note, on: "table" as const, subject: table.id, related: [] }));
}

function sourceCell(index: DatasetIndex, table: SourceTable, options: AnswerOptions, row: number, column: number | "notes"): Provenance {
  const flags = tableFlags(table);
  const col = column === "notes" ? -1 : column;
  if (row < 0 || row > table.rows.length || col < 0 || col >= table.header.length) {
    return { kind: "table-cell", table: placeOf(table, row, col, "outside"), figures: [], flags, note: outsideNote(table) };
  }
  const header = table.header[col]!;
  if (row === 0) {
    const place = { ...placeOf(table, 0, col, "header"), columnLabel: header, cellText: header };
    return { kind: "table-cell", table: place, figures: [], flags };
  }
  const cells = table.rows[row - 1]!;
  const rowLabel = cells[0]!;
  const matches = index.dataset.figures.filter(
    (f) => f.source.table === table.id && f.source.row === rowLabel.zh && (col === 0 || f.source.column === header.zh),
  );
  const figures = matches.map((f) => figureProvenance(index, f, undefined));
  const place: TablePlace = { ...placeOf(table, row, col, col === 0 ? "row-label" : "text"), rowLabel, columnLabel: header, cellText: cells[col]! };
  const figureFlags = figures.flatMap((f) => f.flags);
  return { kind: "table-cell", table: place, figures, flags: dedupe([...figureFlags, ...flags]) };
}

function numericCell(index: DatasetIndex, table: NumericTable, options: AnswerOptions, row: number, column: number | "notes"): Provenance {
  const flags = tableFlags(table);
  // buildTable's layout: the name column, one column per figure column, then Notes.
  const notesColumn = table.columns.length + 1;
  const col = column === "notes" ? notesColumn : column;
  const outside = row < 0 || row > table.rows.length || col < 0 || col > notesColumn;
  if (outside) return { kind: "table-cell", table: placeOf(table, row, col, "outside"), figures: [], flags, note: outsideNote(table) };
  const headerText = (lang: Language): string => numericHeader(index, table, { ...options, language: lang })[col]!;
  const columnLabel: Text = { en: headerText("en"), zh: headerText("zh") };
  const entity = row === 0 ? undefined : index.entities.get(table.rows[row - 1]!)!;
  const rowLabel = entity?.name;
  const spec = col >= 1 && col <= table.columns.length ? table.columns[col - 1]! : undefined;
  const metric = spec ? index.metrics.get(spec.metric)! : undefined;
  const bound = spec ? (spec.bound === "value" ? options.bound : spec.bound) : undefined;

  if (row === 0) {
    const place: TablePlace = { ...placeOf(table, 0, col, "header"), columnLabel, ...(bound ? { bound } : {}) };
    const note = metric ? columnNote(metric, bound!, options) : col === notesColumn ? NOTES_NOTE : rowHeaderNote(table);
    return { kind: "table-cell", table: place, figures: [], flags, note };
  }
  if (col === 0) {
    return { kind: "table-cell", table: { ...placeOf(table, row, 0, "row-label"), rowLabel, columnLabel }, figures: [], flags, note: entity!.description };
  }
  if (col === notesColumn && !spec) {
    // The same row findings as the table's own Notes cell.
    const { flagged, missing } = numericRow(index, table, entity!, options);
    const figures = flagged.map((answer) => figureProvenance(index, answer.figure, answer));
    const place: TablePlace = { ...placeOf(table, row, col, "notes"), rowLabel, columnLabel };
    const names = (lang: Language): string[] => missing.map((m) => m.name[lang]);
    const gaps: Text | undefined = missing.length > 0 ? { en: ` ${missingNote(names("en"), "en")}.`, zh: `${missingNote(names("zh"), "zh")}。` } : undefined;
    const base: Text = figures.length > 0 ? NOTES_NOTE : { en: "No figure in this row is flagged.", zh: "此行没有被标注的数据。" };
    const note: Text = gaps ? { en: base.en + gaps.en, zh: base.zh + gaps.zh } : base;
    return { kind: "table-cell", table: place, figures, flags: dedupe([...figures.flatMap((f) => f.flags), ...flags]), note };
  }
  const answer = answerByIds(index, entity!, metric!, table.period ?? undefined, { ...options, bound: bound! });
  const place: TablePlace = { ...placeOf(table, row, col, "figure"), rowLabel, columnLabel, bound: bound! };
  if (!answer) {
    const note: Text = {
      en: `The report gives no ${metric!.name.en} for ${entity!.name.en}${table.period ? ` in ${table.period}` : ""}, so the cell is empty.`,
      zh: `报告未给出${entity!.name.zh}的${metric!.name.zh}${table.period ? `(${table.period}年)` : ""},因此该单元格为空。`,
    };
    // The report's own account of the gap, where it flags one (ByteDance's domestic chip share).
    const gaps = relatedGaps(index, entity!, metric!);
    return { kind: "table-cell", table: place, figures: gaps, flags: dedupe([...gaps.flatMap((f) => f.flags), ...flags]), note };
  }
  const figure = figureProvenance(index, answer.figure, answer);
  return { kind: "table-cell", table: place, figure, figures: [], flags: dedupe([...figure.flags, ...flags]) };
}

const NOTES_NOTE: Text = {
  en: "Notes on this row: the problems the report has with its figures.",
  zh: "此行备注:报告中这些数据存在的问题。",
};

function outsideNote(table: Table): Text {
  return { en: `This cell lies outside the report table "${table.title.en}".`, zh: `该单元格不在报告表格“${table.title.zh}”之内。` };
}

function rowHeaderNote(table: NumericTable): Text {
  return { en: `One row per entity of "${table.title.en}".`, zh: `“${table.title.zh}”每行一个对象。` };
}

function columnNote(metric: Metric, bound: Bound, options: AnswerOptions): Text {
  const unitEn = unitLabel(metric, "en", metric.kind === "money" ? options.currency : undefined, options.scale);
  const unitZh = unitLabel(metric, "zh", metric.kind === "money" ? options.currency : undefined, options.scale);
  const boundZh = { mid: "中值", low: "下限", high: "上限" }[bound];
  return {
    en: `${metric.name.en}: ${metric.description.en}${unitEn ? ` In ${unitEn}.` : ""} Ranges show the ${bound === "mid" ? "midpoint" : `${bound} end`}.`,
    zh: `${metric.name.zh}:${metric.description.zh}${unitZh ? `单位:${unitZh}。` : ""}范围取${boundZh}。`,
  };
}

/** Flagged figures of the same entity that speak of a metric the report leaves out (missing_in_source). */
function relatedGaps(index: DatasetIndex, entity: Entity, metric: Metric): FigureProvenance[] {
  return index.dataset.figures
    .filter((f) => f.entity === entity.id && (f.flags ?? []).some((flag) => flag.code === "missing_in_source" && flag.note.en.includes(metric.id)))
    .map((f) => figureProvenance(index, f, undefined));
}

function dedupe(flags: FlagView[]): FlagView[] {
  const seen = new Set<string>();
  return flags.filter((f) => {
    const key = `${f.on}|${f.subject}|${f.code}|${f.note.en}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A figure's provenance; with `answer`, also what the functions answer and each conversion made. */
function figureProvenance(index: DatasetIndex, figure: Figure, answer: FigureAnswer | undefined): FigureProvenance {
  const entity = index.entities.get(figure.entity)!;
  const metric = index.metrics.get(figure.metric)!;
  const table = figure.source.table ? index.tables.get(figure.source.table) : undefined;
  const out: FigureProvenance = {
    id: figure.id,
    entity: { id: entity.id, name: entity.name },
    metric: { id: metric.id, name: metric.name, kind: metric.kind },
    period: figure.period,
    source: {
      text: figure.source.text,
      section: figure.source.section,
      ...(table ? { table: { id: table.id, title: table.title } } : {}),
      ...(figure.source.row !== undefined ? { row: figure.source.row } : {}),
      ...(figure.source.column !== undefined ? { column: figure.source.column } : {}),
    },
    english: figure.en,
    conversions: [],
    flags: (figure.flags ?? []).map((flag) => flagView(index, figure.id, flag)),
  };
  if (figure.periodNote) out.periodNote = figure.periodNote;
  if (figure.written !== undefined) out.written = figure.written;
  if (figure.qualifier) out.qualifier = { verbatim: figure.qualifier, meaning: { en: QUALIFIERS[figure.qualifier], zh: QUALIFIER_ZH[figure.qualifier] } };
  if (figure.low !== undefined && figure.high !== undefined) out.range = { low: figure.low, high: figure.high, bound: answer?.bound ?? "mid" };
  if (!answer) return out;

  out.answer = answer.value;
  const currency = metric.kind === "money" ? answer.currency : undefined;
  out.unit = { en: unitLabel(metric, "en", currency, answer.scale), zh: unitLabel(metric, "zh", currency, answer.scale) };
  if (metric.kind === "text") return out;
  if (figure.statedAsConversionOf) {
    const of = index.figures.get(figure.statedAsConversionOf)?.figure;
    out.conversions.push({
      kind: "stated",
      of: { id: figure.statedAsConversionOf, ...(of?.written ? { written: of.written } : {}), ...(of?.currency ? { currency: of.currency } : {}) },
    });
  }
  const written = figure.scale ?? "";
  const factor = toBase(1, written) / (isScalable(metric.kind) ? SCALE_FACTORS[answer.scale] : 1);
  if (factor !== 1) out.conversions.push({ kind: "scale", from: WRITTEN_SCALE_LABEL[written]!, to: scaleLabel(metric, answer), factor });
  if (answer.conversion) {
    const { from, to, cnyPerUsd } = answer.conversion;
    out.conversions.push({ kind: "currency", from, to, cnyPerUsd, method: index.dataset.meta.exchangeRate.method });
  }
  return out;
}

function scaleLabel(metric: Metric, answer: FigureAnswer): Text {
  const currency = metric.kind === "money" ? answer.currency : undefined;
  const en = unitLabel(metric, "en", currency, answer.scale);
  const zh = unitLabel(metric, "zh", currency, answer.scale);
  if (metric.kind === "money" && answer.scale === "1") return { en: `${en} (base units)`, zh: `${zh}(基本单位)` };
  return { en: en || "base units", zh: zh || "基本单位" };
}

function flagView(index: DatasetIndex, subject: string, flag: Flag): FlagView {
  return {
    code: flag.code,
    note: flag.note,
    on: "figure",
    subject,
    related: (flag.related ?? []).map((id) => ({ id, label: figureLabel(index, id) })),
  };
}

/** "Alibaba · Revenue 220-250亿元" / "阿里巴巴 · 营收 220-250亿元", or the id for a figure the dataset lacks. */
export function figureLabel(index: DatasetIndex, id: string): Text {
  const indexed: IndexedFigure | undefined = index.figures.get(id);
  if (!indexed) return { en: id, zh: id };
  const f = indexed.figure;
  const entity = index.entities.get(f.entity);
  const metric = index.metrics.get(f.metric);
  const tail = f.written ?? "";
  return {
    en: [`${entity?.name.en ?? f.entity} · ${metric?.name.en ?? f.metric}`, tail].filter(Boolean).join(" "),
    zh: [`${entity?.name.zh ?? f.entity} · ${metric?.name.zh ?? f.metric}`, tail].filter(Boolean).join(" "),
  };
}
