import type { DatasetStore } from "../dataset-store";
import type { FeedCache } from "./feed-cache";
import { isFeedError, type FeedError } from "./feed-error";
import { applyFeed, type FeedUpdate } from "./refresh-feed";
import { validateFeedText } from "./validate-feed-text";

export type CachedFeedResult =
  | { status: "none" }
  | FeedUpdate
  /** Cached but not used: older than the dataset in use (after an add-in update), or no longer valid. */
  | { status: "skipped"; error: FeedError };

/**
 * At start-up: puts the last good feed from `cache` in use when it is newer than the store's
 * dataset (the one bundled with the add-in), validated with the same pipeline as a download, so
 * the add-in shows the feed's data offline. Never throws for the cached text; only a failing
 * cache or a throwing store listener rejects.
 */
export async function loadCachedFeed(
  store: DatasetStore,
  url: string,
  cache: FeedCache,
  options: { inUse?: Iterable<string> } = {},
): Promise<CachedFeedResult> {
  const text = await cache.load(url);
  if (text === undefined) return { status: "none" };
  let applied: ReturnType<typeof applyFeed>;
  try {
    applied = applyFeed(store, url, validateFeedText(text), options.inUse);
  } catch (error) {
    if (isFeedError(error)) return { status: "skipped", error };
    throw error;
  }
  if (applied.listenerError !== undefined) throw applied.listenerError.error;
  const { listenerError: _ignored, ...result } = applied;
  return result;
}
