import type { FeedCache } from "../core/feed/feed-cache";

/** The part of the web `Storage` interface the cache uses. */
export type StorageLike = Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">;

/** Prefix of the storage keys of cached feeds; the rest of the key is the feed URL. */
export const FEED_CACHE_PREFIX = "AIMARKET.feed:";

/**
 * The last good feed of each URL in the browser's storage (localStorage in the pane), so the
 * add-in starts with it offline. Storage may be missing or refuse access (a sandboxed frame,
 * privacy settings: reading `window.localStorage` then throws) or be full: loading then finds
 * nothing, and saving rejects with one sentence, which `refreshFeed` reports as `cacheError`
 * while the feed stays in use. When storage is full, the feeds of other URLs are dropped to make
 * room before giving up.
 */
export class LocalFeedCache implements FeedCache {
  /** `storage` is called on every use, so a getter that throws is caught each time. */
  constructor(private readonly storage: () => StorageLike | undefined | null) {}

  async load(url: string): Promise<string | undefined> {
    const storage = this.open();
    if (!storage) return undefined;
    try {
      return storage.getItem(FEED_CACHE_PREFIX + url) ?? undefined;
    } catch {
      return undefined;
    }
  }

  async save(url: string, text: string): Promise<void> {
    const storage = this.open();
    if (!storage) throw new Error("The browser's storage is not available here, so the feed is not kept for use offline.");
    const key = FEED_CACHE_PREFIX + url;
    try {
      storage.setItem(key, text);
      return;
    } catch {
      // Usually full: make room by dropping the other feeds, then try once more.
    }
    try {
      for (const other of this.keys(storage)) if (other !== key) storage.removeItem(other);
      storage.setItem(key, text);
    } catch {
      throw new Error("The browser's storage is full or refused the feed, so it is not kept for use offline.");
    }
  }

  private open(): StorageLike | undefined {
    try {
      return this.storage() ?? undefined;
    } catch {
      return undefined;
    }
  }

  private keys(storage: StorageLike): string[] {
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key !== null && key.startsWith(FEED_CACHE_PREFIX)) keys.push(key);
    }
    return keys;
  }
}
