import type { DatasetState } from "../core/dataset-store";
import type { ExcelActions, TrackedTable } from "../excel/contracts";
import type { UiLanguage } from "./i18n";

/** What the pane gives each of its sections (formula builder, selected cell, charts). */
export interface PaneSectionHost {
  readonly doc: Document;
  readonly actions: ExcelActions;
  /** The dataset in use; `update` is called when it changes. */
  state(): DatasetState;
  /** The pane's language; `render` is called again when it changes. */
  language(): UiLanguage;
  /** The workbook's tracked tables as last read; `update` is called when they change. */
  tracked(): readonly TrackedTable[];
  /**
   * Runs a user action while no other runs (every pane button waits meanwhile). Resolves false,
   * without running `work`, when another action is under way. Rejects with what `work` rejects.
   */
  exclusive(work: () => Promise<void>): Promise<boolean>;
  /** Reads the workbook's tracked tables again (then `update` is called). */
  reloadTracked(): Promise<void>;
}

/** One section of the task pane, created once and rendered again on a language switch. */
export interface PaneSection {
  /** The section's element in the current language, with its state kept. */
  render(): HTMLElement;
  /** The dataset or the tracked tables changed. */
  update(): void;
  /** Another action started (true) or ended (false): buttons wait meanwhile. */
  setBusy(busy: boolean): void;
  /** The pane is closing: stop listening to anything. */
  destroy(): void;
}
