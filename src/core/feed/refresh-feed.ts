import type { DatasetState, DatasetStore } from "../dataset-store";
import type { DatasetDiff } from "../diff-datasets";
import type { Dataset } from "../schema";
import { checkFeedUpdate, type FeedStatus } from "./check-feed-update";
import { downloadFeed, type DownloadOptions } from "./download-feed";
import type { FeedCache } from "./feed-cache";
import { validateFeedText } from "./validate-feed-text";

export interface RefreshOptions extends DownloadOptions {
  /** Receives the feed's text once it is in use (or found to be the dataset in use). */
  cache?: FeedCache;
  /** Figure ids and `entity|metric` keys that open workbooks use; a feed may not drop them. */
  inUse?: Iterable<string>;
}

/** A feed that passed every check. */
export interface FeedUpdate {
  status: FeedStatus;
  url: string;
  /** The dataset now in use, and the store's state holding it. */
  dataset: Dataset;
  state: DatasetState;
  /** From the dataset in use before to this one; empty when `unchanged`. */
  diff: DatasetDiff;
  previousVersion: string;
  /** Why the feed could not be cached, when it could not; it is in use all the same. */
  cacheError?: string;
}

/**
 * The refresh pipeline: download within the limits, validate with `parseDataset`, check the
 * version and the figures in use, then replace the store's dataset in one step and cache the
 * text. Any failure throws FeedError and leaves the store and the cache as they were.
 */
export async function refreshFeed(store: DatasetStore, url: string, options: RefreshOptions): Promise<FeedUpdate> {
  const { text } = await downloadFeed(url, options);
  const next = validateFeedText(text);
  const update = applyFeed(store, url, next, options.inUse);
  if (options.cache !== undefined) {
    try {
      await options.cache.save(url, text);
    } catch (error) {
      update.cacheError = error instanceof Error ? error.message : String(error);
    }
  }
  if (update.listenerError !== undefined) throw update.listenerError.error;
  const { listenerError: _ignored, ...result } = update;
  return result;
}

type Applied = FeedUpdate & { listenerError?: { error: unknown } };

/**
 * Checks `next` against the dataset in use and swaps it in, synchronously, so that no other
 * refresh can slip in between the check and the swap. A store listener that throws does so after
 * the swap; its error is held for the caller to rethrow once the feed is cached.
 */
export function applyFeed(store: DatasetStore, url: string, next: Dataset, inUse: Iterable<string> | undefined): Applied {
  const before = store.current;
  const verdict = checkFeedUpdate(before.index.dataset, next, inUse);
  const base = { status: verdict.status, url, diff: verdict.diff, previousVersion: before.version };
  if (verdict.status === "unchanged") return { ...base, dataset: before.index.dataset, state: before };
  try {
    store.replace(next);
  } catch (error) {
    return { ...base, dataset: next, state: store.current, listenerError: { error } };
  }
  return { ...base, dataset: next, state: store.current };
}
