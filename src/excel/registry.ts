import type { Cell } from "../core/build-table";
import type { DatasetStamp, InsertMode, TrackedTable } from "./contracts";

/**
 * What the add-in inserted, stored in the workbook's settings so it survives save and reopen.
 * Saved workbooks depend on this format: it is versioned, and read leniently (an entry that cannot
 * be read is skipped and reported, never a reason to lose the others). Fields added since version 1
 * are optional, so a registry written before them reads as it did, and the version stays 1.
 */
export const REGISTRY_KEY = "AIMARKET.registry";
export const REGISTRY_VERSION = 1;
/** Prefix of the names of the Excel tables the add-in inserts. */
export const TABLE_NAME_PREFIX = "AIM_";

/** What the pane is told of a table (TrackedTable), and what refresh needs to find its work again. */
export interface RegistryEntry extends TrackedTable {
  /** Header row as written, to find the add-in's columns among ones the user added. */
  headers: string[];
  /** Body as the add-in wrote it: values (snapshot) or formulas (live); the formula alone (spill). */
  written: Cell[][];
  /** Body values as the add-in computed them, to count what a refresh changes in live tables. */
  shown: Cell[][];
  sourceLine?: { address: string; text: string };
  /** Charts the add-in inserted for this table (added later: absent in older registries). */
  charts?: ChartRecord[];
}

/**
 * A chart of a tracked table (insert-chart.ts). Its series are found again by the headers the
 * add-in wrote, so a refresh rebinds them to the table's rows wherever those columns are now.
 */
export interface ChartRecord {
  /** Name of the Excel chart, on the table's sheet. */
  name: string;
  /** Chart preset id (src/core/chart-presets.ts). */
  chartId: string;
  language: "en" | "zh";
  /** Header (as the add-in wrote it) of the category column. */
  categoryHeader: string;
  /** Header of each series' column, in series order. */
  seriesHeaders: string[];
  /** The title as the add-in wrote it (its second line is the source line). */
  title: string;
  /** Cells the chart was placed over, without the sheet ("H2:O19"), so later charts go beside it. */
  anchor: string;
  insertedAt: string;
}

export interface Registry {
  version: typeof REGISTRY_VERSION;
  refreshOnOpen: boolean;
  entries: RegistryEntry[];
  /** The dataset feed this workbook follows (checked with checkFeedUrl before it is saved). */
  feedUrl?: string;
  /** The dataset the last insert or refresh wrote from, to tell the user when the add-in's data differs. */
  lastDataset?: DatasetStamp;
}

export interface ReadRegistry {
  registry: Registry;
  /** One sentence per part of the stored registry that could not be read. */
  problems: string[];
}

export function emptyRegistry(): Registry {
  return { version: REGISTRY_VERSION, refreshOnOpen: false, entries: [] };
}

const MODES: readonly InsertMode[] = ["live", "snapshot", "spill"];

function isCellMatrix(x: unknown): x is Cell[][] {
  return Array.isArray(x) && x.every((row) => Array.isArray(row) && row.every((c) => ["string", "number", "boolean"].includes(typeof c)));
}

function readEntry(x: unknown): RegistryEntry | undefined {
  if (!x || typeof x !== "object") return undefined;
  const e = x as Record<string, unknown>;
  const strings = ["name", "tableId", "sheet", "address", "datasetVersion", "datasetHash", "insertedAt"];
  if (!strings.every((k) => typeof e[k] === "string")) return undefined;
  if (!MODES.includes(e.mode as InsertMode)) return undefined;
  if (!e.options || typeof e.options !== "object") return undefined;
  if (!Array.isArray(e.headers) || !isCellMatrix(e.written) || !isCellMatrix(e.shown)) return undefined;
  if (e.charts !== undefined) {
    // Leniently: a chart record that cannot be read is dropped, the table's entry is kept.
    e.charts = Array.isArray(e.charts) ? e.charts.filter(isChartRecord) : [];
  }
  return x as RegistryEntry;
}

function isChartRecord(x: unknown): x is ChartRecord {
  if (!x || typeof x !== "object") return false;
  const c = x as Record<string, unknown>;
  const strings = ["name", "chartId", "categoryHeader", "title", "anchor", "insertedAt"];
  return strings.every((k) => typeof c[k] === "string") && (c.language === "en" || c.language === "zh") && Array.isArray(c.seriesHeaders) && c.seriesHeaders.every((h) => typeof h === "string");
}

/** Reads what a workbook holds under REGISTRY_KEY (a JSON string, or nothing). */
export function readRegistry(stored: unknown): ReadRegistry {
  if (stored === null || stored === undefined || stored === "") return { registry: emptyRegistry(), problems: [] };
  let raw: unknown = stored;
  if (typeof stored === "string") {
    try {
      raw = JSON.parse(stored);
    } catch {
      return { registry: emptyRegistry(), problems: ["The add-in's record of inserted tables is damaged; tables inserted before cannot be refreshed."] };
    }
  }
  const r = raw as Partial<Record<string, unknown>>;
  if (!r || typeof r !== "object" || !Array.isArray(r.entries)) {
    return { registry: emptyRegistry(), problems: ["The add-in's record of inserted tables is damaged; tables inserted before cannot be refreshed."] };
  }
  const problems: string[] = [];
  if (typeof r.version === "number" && r.version > REGISTRY_VERSION) {
    problems.push(`This workbook's record of inserted tables was written by a newer add-in (format ${r.version}); some details may be ignored.`);
  }
  const entries: RegistryEntry[] = [];
  r.entries.forEach((x, i) => {
    const entry = readEntry(x);
    if (entry) entries.push(entry);
    else problems.push(`Entry ${i + 1} of the record of inserted tables could not be read and is ignored.`);
  });
  const registry: Registry = { version: REGISTRY_VERSION, refreshOnOpen: r.refreshOnOpen === true, entries };
  if (typeof r.feedUrl === "string" && r.feedUrl !== "") registry.feedUrl = r.feedUrl;
  else if (r.feedUrl !== undefined) problems.push("The feed address stored in this workbook could not be read and is ignored.");
  const stamp = readStamp(r.lastDataset);
  if (stamp) registry.lastDataset = stamp;
  else if (r.lastDataset !== undefined) problems.push("The record of the data this workbook last used could not be read and is ignored.");
  return { registry, problems };
}

function readStamp(x: unknown): DatasetStamp | undefined {
  if (!x || typeof x !== "object") return undefined;
  const { version, hash } = x as Record<string, unknown>;
  return typeof version === "string" && typeof hash === "string" ? { version, hash } : undefined;
}

/**
 * The dataset the workbook last used: as recorded, or, for a registry written before the add-in
 * recorded it, the dataset of the table inserted or refreshed last.
 */
export function lastDatasetOf(registry: Registry): DatasetStamp | undefined {
  if (registry.lastDataset) return registry.lastDataset;
  const when = (e: RegistryEntry): string => e.refreshedAt ?? e.insertedAt;
  const latest = registry.entries.reduce<RegistryEntry | undefined>((best, e) => (best === undefined || when(e) > when(best) ? e : best), undefined);
  return latest && { version: latest.datasetVersion, hash: latest.datasetHash };
}

export function writeRegistry(registry: Registry): string {
  return JSON.stringify(registry);
}

export function toTracked(entry: RegistryEntry): TrackedTable {
  const { name, tableId, mode, options, sheet, address, datasetVersion, datasetHash, insertedAt, refreshedAt } = entry;
  return { name, tableId, mode, options, sheet, address, datasetVersion, datasetHash, insertedAt, refreshedAt };
}

/** The next free name for an inserted table: AIM_<table id>_<n>, unused by any table or entry. */
export function nextTableName(tableId: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  const base = `${TABLE_NAME_PREFIX}${tableId.replace(/[^A-Za-z0-9_]/g, "_")}`;
  for (let n = 1; ; n++) {
    const name = `${base}_${n}`;
    if (!used.has(name.toLowerCase())) return name;
  }
}

/** Queues the load of the stored registry; read it with `readLoadedRegistry` after the sync. */
export function loadRegistrySetting(workbook: Excel.Workbook): Excel.Setting {
  const setting = workbook.settings.getItemOrNullObject(REGISTRY_KEY);
  setting.load("value");
  return setting;
}

export function readLoadedRegistry(setting: Excel.Setting): ReadRegistry {
  return readRegistry(setting.isNullObject ? undefined : setting.value);
}
