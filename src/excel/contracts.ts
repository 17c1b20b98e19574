import type { Bound, Language } from "../core/query-options";
import type { Currency } from "../core/schema";
import type { Scale } from "../core/units";
import type { SelectionInfo } from "./describe-selection";

export type { SelectionInfo };

/** How an inserted table stays current. */
export type InsertMode = "live" | "snapshot" | "spill";

/** What the user chose in the pane. */
export interface InsertRequest {
  tableId: string;
  mode: InsertMode;
  language: Language;
  currency: Currency;
  scale: Scale;
  bound: Bound;
}

/** Which dataset: its version and content hash (DatasetState.version and .hash). */
export interface DatasetStamp {
  version: string;
  hash: string;
}

/** What the workbook itself says about its data, from the add-in's record in it. */
export interface WorkbookState {
  /** The dataset feed the workbook follows, if any. */
  feedUrl?: string;
  /** The dataset the workbook's tables were last written from, if the add-in wrote any. */
  lastDataset?: DatasetStamp;
  refreshOnOpen: boolean;
}

export interface InsertResult {
  /** Name of the Excel table (live and snapshot), or of the registry entry (spill). */
  name: string;
  /** Sheet-qualified address of what the add-in now owns, e.g. "Sheet1!B2:F11". */
  address: string;
  /** Where the source line went, or undefined when no free cell was found (see `notes`). */
  sourceLineAddress?: string;
  notes: string[];
  /** The dataset the table was written from, now the workbook's `lastDataset`. */
  dataset: DatasetStamp;
}

export interface TableRefresh {
  name: string;
  tableId: string;
  mode: InsertMode;
  cellsChanged: number;
  /** Cells the user edited since the add-in wrote them, left as the user wrote them. */
  userEditsKept: number;
  rowsAdded: number;
  rowsRemoved: number;
  /** Anything the user should know about this table's refresh, one sentence each. */
  notes: string[];
}

export interface RefreshSummary {
  refreshed: TableRefresh[];
  /** Tables that could not be refreshed, each with one sentence why (deleted, renamed, blocked...). */
  failed: { name: string; reason: string }[];
  cellsChanged: number;
  /** Dataset version the refreshed tables now show. */
  datasetVersion: string;
  /**
   * The dataset recorded as the workbook's `lastDataset`: set when at least one table was refreshed,
   * or there was nothing to refresh; undefined when every table failed (the record is kept as it was).
   */
  lastDataset?: DatasetStamp;
}

export interface TrackedTable {
  name: string;
  tableId: string;
  mode: InsertMode;
  options: Omit<InsertRequest, "tableId" | "mode">;
  sheet: string;
  /** Owned range without the sheet: header row and body for tables, the spill area for spills. */
  address: string;
  datasetVersion: string;
  datasetHash: string;
  insertedAt: string;
  refreshedAt?: string;
}

/** Formulas for the active cell, or for a column of cells from the active cell down (one per row). */
export interface InsertFormulasRequest {
  /** English (invariant) formulas, each starting with "=", e.g. =AIMARKET.REVENUE("OpenAI",2026). */
  formulas: string[];
}

export interface InsertFormulasResult {
  /** Sheet-qualified address written, e.g. "Sheet1!C3:C11". */
  address: string;
}

/** A chart of one tracked (inserted) table, from the chart presets of its report table. */
export interface InsertChartRequest {
  /** Name of the tracked table (TrackedTable.name). */
  tableName: string;
  /** Id of the chart preset (src/core/chart-presets.ts). */
  chartId: string;
  /** Language of the chart's title, axis titles and source line. */
  language: Language;
}

export interface InsertChartResult {
  /** Name of the Excel chart. */
  name: string;
  /** Sheet the chart is on. */
  sheet: string;
  notes: string[];
}

/** What the task pane asks of src/excel. Every method settles; failures reject with one clear message. */
export interface ExcelActions {
  insertTable(request: InsertRequest): Promise<InsertResult>;
  /** Refreshes the named tracked tables, or all of them. */
  refresh(names?: string[]): Promise<RefreshSummary>;
  listTracked(): Promise<TrackedTable[]>;
  /** The feed, the dataset last used and the refresh-on-open switch, in one round trip. */
  getWorkbookState(): Promise<WorkbookState>;
  getRefreshOnOpen(): Promise<boolean>;
  setRefreshOnOpen(on: boolean): Promise<void>;
  /**
   * Saves the feed the workbook follows (its normalised address, which it resolves to), or removes
   * it (undefined). An address checkFeedUrl refuses rejects with that check's message and nothing
   * is saved.
   */
  setFeedUrl(url: string | undefined): Promise<string | undefined>;
  /** Records the dataset the workbook uses (insert and refresh record theirs in their own write). */
  recordDatasetUsed(version: string, hash: string): Promise<void>;
  /**
   * Writes formulas from the active cell down. Writes nothing, and rejects naming the cells, when
   * any target cell is not empty.
   */
  insertFormulas(request: InsertFormulasRequest): Promise<InsertFormulasResult>;
  /** Inserts a chart bound to a tracked table; refresh keeps it bound as the table changes size. */
  insertChart(request: InsertChartRequest): Promise<InsertChartResult>;
  /** What the active cell holds, as far as the add-in knows it: an AIMARKET formula, a cell of an inserted table, or neither. */
  describeSelection(): Promise<SelectionInfo>;
  /** Calls `listener` whenever the selection changes; resolves to a function that stops it. */
  onSelectionChanged(listener: () => void): Promise<() => Promise<void>>;
}
