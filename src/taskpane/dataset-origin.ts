import type { DatasetStore } from "../core/dataset-store";

/** Where the dataset in use came from, as the pane's Data section says. */
export type DatasetOrigin = { kind: "bundled" } | { kind: "feed"; url: string } | { kind: "other" };

interface Seen {
  bundledHash: string;
  feed?: { hash: string; url: string };
}

/**
 * What the pane knows of each store's datasets. The shared runtime's store starts with the bundled
 * dataset, and only the pane applies feeds; a pane that starts again in the same runtime (the
 * simulator's "Save and reopen") still knows where the data in use came from.
 */
export class DatasetOrigins {
  private readonly seen = new WeakMap<DatasetStore, Seen>();

  /** Call once a store is first seen, before any feed is applied: its dataset then is the bundled one. */
  remember(store: DatasetStore): void {
    if (!this.seen.has(store)) this.seen.set(store, { bundledHash: store.current.hash });
  }

  /** Notes that the store's dataset now is the feed `url`'s. */
  fromFeed(store: DatasetStore, url: string): void {
    this.remember(store);
    this.seen.get(store)!.feed = { hash: store.current.hash, url };
  }

  of(store: DatasetStore): DatasetOrigin {
    const seen = this.seen.get(store);
    const hash = store.current.hash;
    if (seen?.feed?.hash === hash) return { kind: "feed", url: seen.feed.url };
    if (seen === undefined || seen.bundledHash === hash) return { kind: "bundled" };
    return { kind: "other" };
  }
}
