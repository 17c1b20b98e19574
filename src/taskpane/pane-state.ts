import { buildTable, type Cell } from "../core/build-table";
import type { DatasetIndex } from "../core/dataset-index";
import { normalizeName } from "../core/normalize-name";
import { BOUNDS, LANGUAGES, type Bound, type Language } from "../core/query-options";
import type { Currency, EntityKind, Flag, Text } from "../core/schema";
import { CURRENCIES } from "../core/vocabulary";
import { SCALES, type Scale } from "../core/units";
import type { InsertMode, InsertRequest, InsertResult, RefreshSummary } from "../excel/contracts";
import { localeOf, plural, t, type StringKey, type UiLanguage } from "./i18n";

/** What the task pane shows and sends, without the DOM: everything here runs in plain Node. */

export const INSERT_MODES: readonly InsertMode[] = ["live", "snapshot", "spill"];
export { BOUNDS, CURRENCIES, LANGUAGES, SCALES };

/** The choices the options form holds. */
export interface PaneOptions {
  language: Language;
  currency: Currency;
  scale: Scale;
  bound: Bound;
  mode: InsertMode;
}

export function defaultOptions(ui: UiLanguage): PaneOptions {
  return { language: ui, currency: "USD", scale: "1", bound: "mid", mode: "live" };
}

/** One report table as the catalogue lists it. */
export interface CatalogueEntry {
  id: string;
  kind: "source" | "numeric";
  title: Text;
  section: string;
  /** Body rows and columns (row-label column included). */
  rows: number;
  columns: number;
  /** Kind of the entities a numeric table has one row per. */
  rowKind?: EntityKind;
  flags: readonly Flag[];
  /** normalizeName() of the id, both titles, every header cell and every row label, in both languages. */
  searchKeys: readonly string[];
}

export function catalogueOf(index: DatasetIndex): CatalogueEntry[] {
  return index.dataset.tables.map((table): CatalogueEntry => {
    const texts = [table.id, table.title.en, table.title.zh];
    let rows = 0;
    let columns = 0;
    for (const language of LANGUAGES) {
      const built = buildTable(index, table.id, { language });
      const [header = [], ...body] = built;
      rows = body.length;
      columns = header.length;
      texts.push(...header.map(String), ...body.map((row) => String(row[0] ?? "")));
    }
    const rowKind = table.kind === "numeric" ? index.entities.get(table.rows[0]!)?.kind : undefined;
    return {
      id: table.id,
      kind: table.kind,
      title: table.title,
      section: table.section,
      rows,
      columns,
      ...(rowKind ? { rowKind } : {}),
      flags: table.flags ?? [],
      searchKeys: [...new Set(texts.map(normalizeName).filter((k) => k !== ""))],
    };
  });
}

/**
 * The entries a search shows, in catalogue order: every word of the query (split at spaces) must
 * occur in the id, a title, a header cell or a row label, in either language. Case, full-width forms,
 * spaces and hyphens do not matter, as for names typed into the functions.
 */
export function filterCatalogue(entries: readonly CatalogueEntry[], query: string): CatalogueEntry[] {
  const terms = query
    .split(/[\s\u3000]+/u)
    .map(normalizeName)
    .filter((term) => term !== "");
  if (terms.length === 0) return [...entries];
  return entries.filter((entry) => terms.every((term) => entry.searchKeys.some((key) => key.includes(term))));
}

/** The request the Insert button sends for the table `tableId` with the chosen options. */
export function buildInsertRequest(tableId: string, options: PaneOptions): InsertRequest {
  const { mode, language, currency, scale, bound } = options;
  return { tableId, mode, language, currency, scale, bound };
}

/** Parses a control's value back into an option, or undefined when it is none of the choices. */
export function parseOption<K extends keyof PaneOptions>(key: K, value: string): PaneOptions[K] | undefined {
  const choices: Record<keyof PaneOptions, readonly string[]> = {
    language: LANGUAGES,
    currency: CURRENCIES,
    scale: SCALES,
    bound: BOUNDS,
    mode: INSERT_MODES,
  };
  return choices[key].includes(value) ? (value as PaneOptions[K]) : undefined;
}

export interface TablePreview {
  header: Cell[];
  rows: Cell[][];
  totalRows: number;
  /** Columns whose cells Excel shows as percentages (shares and rates in a live or snapshot table). */
  percentColumns: boolean[];
}

export const PREVIEW_ROWS = 8;

/**
 * The first rows of a table as the chosen options would insert it, units in the header. Live and
 * snapshot tables format shares and rates as percentages (the header says "%"); a spill formula
 * shows them as fractions, as the TABLE function returns them.
 */
export function previewOf(index: DatasetIndex, tableId: string, options: PaneOptions, maxRows = PREVIEW_ROWS): TablePreview {
  const { language, currency, scale, bound, mode } = options;
  const percentHeaders = mode !== "spill";
  const [header = [], ...body] = buildTable(index, tableId, { language, currency, scale, bound, percentHeaders });
  const table = index.tables.get(tableId);
  const percentColumns = header.map((_, c) => {
    if (!percentHeaders || table?.kind !== "numeric" || c === 0) return false;
    const kind = index.metrics.get(table.columns[c - 1]?.metric ?? "")?.kind;
    return kind === "share" || kind === "rate";
  });
  return { header, rows: body.slice(0, maxRows), totalRows: body.length, percentColumns };
}

export function previewCaption(preview: TablePreview, ui: UiLanguage): string {
  return preview.rows.length < preview.totalRows
    ? t(ui, "previewCaptionPart", { shown: preview.rows.length, total: preview.totalRows })
    : plural(ui, "previewCaption", preview.totalRows, { total: preview.totalRows });
}

/** A cell as the preview shows it: numbers grouped in the pane's locale, up to 10 decimals. */
export function formatCell(cell: Cell, ui: UiLanguage, percent = false): string {
  if (typeof cell === "number") {
    return percent
      ? cell.toLocaleString(localeOf(ui), { style: "percent", maximumFractionDigits: 8 })
      : cell.toLocaleString(localeOf(ui), { maximumFractionDigits: 10 });
  }
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  return cell;
}

/** Where in the report a table comes from, in a sentence. */
export function originOf(entry: CatalogueEntry, ui: UiLanguage): string {
  if (entry.kind === "source") return t(ui, "originSource", { section: entry.section });
  const rowKind = t(ui, `rowKind_${entry.rowKind ?? "vendor"}` as StringKey);
  return t(ui, "originNumeric", { section: entry.section, rowKind });
}

export function kindLabel(entry: CatalogueEntry, ui: UiLanguage): string {
  return t(ui, entry.kind === "source" ? "kindSource" : "kindNumeric");
}

/** The message of whatever an action rejected with; never empty. */
export function errorMessage(error: unknown, ui: UiLanguage): string {
  if (error instanceof Error && error.message.trim() !== "") return error.message;
  if (typeof error === "string" && error.trim() !== "") return error;
  if (error && typeof error === "object" && "message" in error) {
    const message = (error as { message: unknown }).message;
    if (typeof message === "string" && message.trim() !== "") return message;
  }
  return t(ui, "unknownError");
}

/** A message in the pane: a headline and any further lines, each plain text. */
export interface PaneMessage {
  intent: "info" | "success" | "warning" | "error";
  headline: string;
  lines: string[];
}

export function insertResultMessage(result: InsertResult, ui: UiLanguage): PaneMessage {
  const lines = [...(result.sourceLineAddress ? [t(ui, "sourceLineAt", { address: result.sourceLineAddress })] : []), ...result.notes];
  return { intent: "success", headline: t(ui, "insertDone", { name: result.name, address: result.address }), lines };
}

/**
 * A refresh summary in words: a headline with the totals (tables refreshed, cells changed, user
 * edits kept, tables not refreshed), the data version, a line per refreshed table followed by its
 * notes, then a line per table that could not be refreshed with its reason.
 */
export function refreshSummaryMessage(summary: RefreshSummary, ui: UiLanguage): PaneMessage {
  const sep = t(ui, "listSeparator");
  const end = t(ui, "sentenceEnd");
  const { refreshed, failed } = summary;
  if (refreshed.length === 0 && failed.length === 0) {
    return { intent: "info", headline: t(ui, "summaryNothing"), lines: [] };
  }
  const editsKept = refreshed.reduce((sum, table) => sum + table.userEditsKept, 0);
  const totals = [plural(ui, "summaryCells", summary.cellsChanged), plural(ui, "summaryEdits", editsKept)];
  const headlineParts = [`${plural(ui, "summaryTables", refreshed.length)}${t(ui, "headlineJoin")}${totals.join(sep)}`];
  if (failed.length > 0) headlineParts.push(plural(ui, "summaryFailed", failed.length));
  const headline = headlineParts.map((part) => `${part}${end}`).join(ui === "zh" ? "" : " ");

  const details = refreshed.flatMap((table) => {
    const parts = [plural(ui, "summaryCells", table.cellsChanged)];
    if (table.rowsAdded > 0) parts.push(plural(ui, "rowsAdded", table.rowsAdded));
    if (table.rowsRemoved > 0) parts.push(plural(ui, "rowsRemoved", table.rowsRemoved));
    if (table.userEditsKept > 0) parts.push(plural(ui, "summaryEdits", table.userEditsKept));
    return [`${t(ui, "detailLine", { name: table.name, parts: parts.join(sep) })}${end}`, ...(table.notes ?? [])];
  });
  const failures = failed.map(({ name, reason }) => t(ui, "failureLine", { name, reason }));
  const version = refreshed.length > 0 ? [t(ui, "summaryVersion", { version: summary.datasetVersion })] : [];
  return { intent: failed.length > 0 ? "warning" : "success", headline, lines: [...version, ...details, ...failures] };
}

/** A timestamp from the registry (ISO 8601) as the pane shows it; the text as given when it is not a date. */
export function formatWhen(iso: string, ui: UiLanguage): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(localeOf(ui), { dateStyle: "medium", timeStyle: "short" });
}
