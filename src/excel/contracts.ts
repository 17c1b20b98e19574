import type { Bound, Language } from "../core/query-options";
import type { Currency } from "../core/schema";
import type { Scale } from "../core/units";

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

export interface InsertResult {
  /** Name of the Excel table (live and snapshot), or of the registry entry (spill). */
  name: string;
  /** Sheet-qualified address of what the add-in now owns, e.g. "Sheet1!B2:F11". */
  address: string;
  /** Where the source line went, or undefined when no free cell was found (see `notes`). */
  sourceLineAddress?: string;
  notes: string[];
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
}

export interface TrackedTable {
  name: string;
  tableId: string;
  mode: InsertMode;
  options: Omit<InsertRequest, "tableId" | "mode">;
  sheet: string;
  address: string;
  datasetVersion: string;
  datasetHash: string;
  insertedAt: string;
  refreshedAt?: string;
}

/** What the task pane asks of src/excel. Every method settles; failures reject with one clear message. */
export interface ExcelActions {
  insertTable(request: InsertRequest): Promise<InsertResult>;
  /** Refreshes the named tracked tables, or all of them. */
  refresh(names?: string[]): Promise<RefreshSummary>;
  listTracked(): Promise<TrackedTable[]>;
  getRefreshOnOpen(): Promise<boolean>;
  setRefreshOnOpen(on: boolean): Promise<void>;
}
