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
  // A doubly linked list rather than a Set: every streaming custom function subscribes when Excel
  // calls it and unsubscribes when Excel cancels it, and hashing a fresh closure into a Set costs
  // more than the whole query it wraps (see bench: revenue_call_ns).
  private head: ListenerNode | undefined;
  private tail: ListenerNode | undefined;
  private count = 0;

  constructor(initial: Dataset) {
    this.state = stateOf(initial);
  }

  get current(): DatasetState {
    return this.state;
  }

  replace(dataset: Dataset): DatasetState {
    const next = stateOf(dataset);
    this.state = next;
    // The listeners at this moment: one added by a listener waits for the next change.
    const listeners: DatasetListener[] = [];
    for (let node = this.head; node; node = node.next) listeners.push(node.listener);
    const failures: unknown[] = [];
    for (const listener of listeners) {
      try {
        listener(next);
      } catch (e) {
        failures.push(e);
      }
    }
    if (failures.length > 0) throw failures[0];
    return next;
  }

  /** Calls `listener` on every change, in the order of subscribing; the returned function unsubscribes (once; again does nothing). */
  subscribe(listener: DatasetListener): () => void {
    const node: ListenerNode = { listener, prev: this.tail, next: undefined, live: true };
    if (this.tail) this.tail.next = node;
    else this.head = node;
    this.tail = node;
    this.count++;
    return () => {
      if (!node.live) return;
      node.live = false;
      if (node.prev) node.prev.next = node.next;
      else this.head = node.next;
      if (node.next) node.next.prev = node.prev;
      else this.tail = node.prev;
      this.count--;
    };
  }

  get listenerCount(): number {
    return this.count;
  }
}

interface ListenerNode {
  readonly listener: DatasetListener;
  prev: ListenerNode | undefined;
  next: ListenerNode | undefined;
  live: boolean;
}

function stateOf(dataset: Dataset): DatasetState {
  return { index: indexDataset(dataset), version: dataset.meta.version, hash: hashText(JSON.stringify(dataset)) };
}
