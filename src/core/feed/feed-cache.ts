/**
 * Where the last good feed is kept, by feed URL, so the add-in starts with it offline. The task
 * pane implements it over the browser's storage; the text is stored as downloaded and validated
 * again when loaded.
 */
export interface FeedCache {
  load(url: string): Promise<string | undefined>;
  save(url: string, text: string): Promise<void>;
}

/** A FeedCache in memory, for tests and for hosts without storage. */
export class MemoryFeedCache implements FeedCache {
  private readonly entries: Map<string, string>;

  constructor(initial: Readonly<Record<string, string>> = {}) {
    this.entries = new Map(Object.entries(initial));
  }

  async load(url: string): Promise<string | undefined> {
    return this.entries.get(url);
  }

  async save(url: string, text: string): Promise<void> {
    this.entries.set(url, text);
  }

  /** Everything held, by URL. */
  snapshot(): Record<string, string> {
    return Object.fromEntries(this.entries);
  }
}
