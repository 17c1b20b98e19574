import { indexDataset, type DatasetIndex } from "./dataset-index";
import { hashText } from "./hash-text";
import type { Dataset } from "./schema";

/** The dataset in use, as every reader sees it at one moment. */
export interface DatasetState {
  readonly index: DatasetIndex;
  readonly version: string;
  /** Content hash of the dataset, to tell two datasets of the same version apart. */
  readonly hash: string;
}

export type DatasetListener = (state: DatasetState) => void;

/**
 * Holds the dataset in use. `replace` builds the new index before it swaps, so a reader sees the
 * old dataset or the new one, never a mix; listeners hear of each change once, and one that throws does not keep the others from
 * hearing (its error is rethrown after all were called). Only a dataset that
 * passed validation may be handed to `replace`.
 */
export class DatasetStore {
  private state: DatasetState;
  private readonly listeners = new Set<DatasetListener>();

  constructor(initial: Dataset) {
    this.state = stateOf(initial);
  }

  get current(): DatasetState {
    return this.state;
  }

  replace(dataset: Dataset): DatasetState {
    const next = stateOf(dataset);
    this.state = next;
    const failures: unknown[] = [];
    for (const listener of [...this.listeners]) {
      try {
        listener(next);
      } catch (e) {
        failures.push(e);
      }
    }
    if (failures.length > 0) throw failures[0];
    return next;
  }

  /** Calls `listener` on every change; the returned function unsubscribes. */
  subscribe(listener: DatasetListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}

function stateOf(dataset: Dataset): DatasetState {
  return { index: indexDataset(dataset), version: dataset.meta.version, hash: hashText(JSON.stringify(dataset)) };
}
