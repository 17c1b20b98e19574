import { FEED_CACHE_PREFIX, LocalFeedCache, type StorageLike } from "../../src/taskpane/local-feed-cache";

/** A Storage over a Map, full once it holds more than `capacity` characters. */
class FakeStorage implements StorageLike {
  readonly items = new Map<string, string>();
  constructor(private readonly capacity = Infinity) {}
  get length(): number {
    return this.items.size;
  }
  key(i: number): string | null {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    const used = [...this.items].filter(([k]) => k !== key).reduce((n, [k, v]) => n + k.length + v.length, 0);
    if (used + key.length + value.length > this.capacity) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

const A = "https://a.example.com/feed.json";
const B = "https://b.example.com/feed.json";

test("keeps one text per feed URL, under the add-in's prefix", async () => {
  const storage = new FakeStorage();
  const cache = new LocalFeedCache(() => storage);
  await expect(cache.load(A)).resolves.toBeUndefined();
  await cache.save(A, "text a");
  await cache.save(B, "text b");
  await cache.save(A, "text a2");
  await expect(cache.load(A)).resolves.toBe("text a2");
  await expect(cache.load(B)).resolves.toBe("text b");
  expect([...storage.items.keys()]).toEqual([FEED_CACHE_PREFIX + A, FEED_CACHE_PREFIX + B]);
});

test("when storage is full, drops the other feeds (never other keys) and tries once more", async () => {
  const storage = new FakeStorage(120);
  storage.setItem("someone-else", "x");
  const cache = new LocalFeedCache(() => storage);
  await cache.save(A, "a".repeat(40));
  await cache.save(B, "b".repeat(40));
  expect(storage.getItem(FEED_CACHE_PREFIX + A)).toBeNull();
  expect(storage.getItem(FEED_CACHE_PREFIX + B)).toBe("b".repeat(40));
  expect(storage.getItem("someone-else")).toBe("x");
});

test("a feed too large for storage rejects with one sentence and leaves the rest", async () => {
  const storage = new FakeStorage(100);
  const cache = new LocalFeedCache(() => storage);
  await cache.save(A, "small");
  await expect(cache.save(B, "b".repeat(200))).rejects.toThrow("The browser's storage is full or refused the feed, so it is not kept for use offline.");
  await expect(cache.load(B)).resolves.toBeUndefined();
});

test.each<[string, () => StorageLike | undefined | null]>([
  ["missing", () => undefined],
  ["null", () => null],
  [
    "refusing access",
    () => {
      throw new DOMException("Access is denied for this document.", "SecurityError");
    },
  ],
])("storage %s: nothing loads, and saving rejects with one sentence", async (_name, storage) => {
  const cache = new LocalFeedCache(storage);
  await expect(cache.load(A)).resolves.toBeUndefined();
  await expect(cache.save(A, "text")).rejects.toThrow("The browser's storage is not available here, so the feed is not kept for use offline.");
});

test("a storage whose reads throw loads nothing", async () => {
  const storage = new FakeStorage();
  storage.getItem = () => {
    throw new Error("broken");
  };
  await expect(new LocalFeedCache(() => storage).load(A)).resolves.toBeUndefined();
});
