import { DatasetStore } from "../../../src/core/dataset-store";
import { MemoryFeedCache } from "../../../src/core/feed/feed-cache";
import { loadCachedFeed } from "../../../src/core/feed/load-cached-feed";
import { feed, fixtureDataset, raiseRevenue } from "./feeds";

const URL = "https://data.example.com/ai-market.json";

function storeWithListener(): { store: DatasetStore; heard: string[] } {
  const store = new DatasetStore(fixtureDataset());
  const heard: string[] = [];
  store.subscribe((state) => heard.push(state.version));
  return { store, heard };
}

describe("loadCachedFeed, at start-up", () => {
  test("puts a newer cached feed in use, validated, and says what changed", async () => {
    const { store, heard } = storeWithListener();
    const result = await loadCachedFeed(store, URL, new MemoryFeedCache({ [URL]: feed("1.1.0", raiseRevenue) }));
    expect(result.status).toBe("updated");
    expect(store.current.version).toBe("1.1.0");
    expect(heard).toEqual(["1.1.0"]);
    expect(result.status === "updated" && result.diff.figures.changed.map((c) => c.id)).toEqual(["openai.revenue.2026"]);
  });

  test("does nothing when nothing is cached for the URL", async () => {
    const { store, heard } = storeWithListener();
    const before = store.current;
    const cache = new MemoryFeedCache({ "https://other.example.com/feed.json": feed("2.0.0") });
    expect(await loadCachedFeed(store, URL, cache)).toEqual({ status: "none" });
    expect([store.current === before, heard]).toEqual([true, []]);
  });

  test("reports unchanged when the cached feed is the dataset in use", async () => {
    const { store, heard } = storeWithListener();
    const before = store.current;
    const result = await loadCachedFeed(store, URL, new MemoryFeedCache({ [URL]: feed("1.0.0") }));
    expect(result.status).toBe("unchanged");
    expect([store.current === before, heard]).toEqual([true, []]);
  });

  test.each([
    ["older than the dataset in use (the add-in shipped a newer one)", feed("0.9.0"), "OLDER_VERSION", "The feed has version 0.9.0, older than the version in use (1.0.0); it was not applied."],
    [
      "the same version with other content",
      feed("1.0.0", raiseRevenue),
      "SAME_VERSION_CHANGED",
      "The feed has the same version as the dataset in use (1.0.0) but different content; raise the version to publish a change.",
    ],
    ["no longer JSON", "{ broken", "NOT_JSON", 'The feed is not JSON: property name broken without double quotes at line 1, column 3; write it as "broken".'],
    [
      "no longer valid",
      feed("1.1.0", (d) => {
        d.meta.version = "one";
      }),
      "INVALID",
      'The feed is not a valid dataset (1 problem). $.meta.version: "one" is not a valid version; use semantic versioning, e.g. "1.0.0".',
    ],
  ])("skips a cached feed %s, leaving the store untouched", async (_name, text, code, message) => {
    const { store, heard } = storeWithListener();
    const before = store.current;
    const result = await loadCachedFeed(store, URL, new MemoryFeedCache({ [URL]: text }));
    expect(result.status === "skipped" && { code: result.error.code, message: result.error.message }).toEqual({ code, message });
    expect([store.current === before, heard]).toEqual([true, []]);
  });

  test("keeps to the figures in use too", async () => {
    const { store } = storeWithListener();
    const text = feed("1.1.0", (d) => {
      d.figures = d.figures.filter((f) => f.id !== "openai.monthly_active_users.2026");
    });
    const result = await loadCachedFeed(store, URL, new MemoryFeedCache({ [URL]: text }), { inUse: ["openai|monthly_active_users"] });
    expect(result.status === "skipped" && result.error.code).toBe("DROPS_FIGURES_IN_USE");
  });
});
