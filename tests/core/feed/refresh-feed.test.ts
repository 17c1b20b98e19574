/**
 * The refresh pipeline against a real HTTP server on 127.0.0.1, fetched with Node's own fetch:
 * good feeds are applied and cached; each bad one fails with its code and exact message and
 * leaves the store and the cache as they were.
 */
import { DatasetStore } from "../../../src/core/dataset-store";
import { FEED_TIMEOUT_MS } from "../../../src/core/feed/download-feed";
import { MemoryFeedCache } from "../../../src/core/feed/feed-cache";
import { FeedError, type FeedErrorCode } from "../../../src/core/feed/feed-error";
import type { HttpGet } from "../../../src/core/feed/http-get";
import { loadCachedFeed } from "../../../src/core/feed/load-cached-feed";
import { refreshFeed } from "../../../src/core/feed/refresh-feed";
import { answer, closedPort, drained, startFeedServer, waitUnlessClosed, type FeedServer, type Handler } from "./feed-server";
import { feed, figure, FIXTURE_TEXT, fixtureDataset, FORMULA_TEXT, HTML_TEXT, raiseRevenue } from "./feeds";

const JSON_HEADERS = { "content-type": "application/json" };
const GOOD = feed("1.1.0", raiseRevenue);
const MB = 1024 * 1024;
/** Short, so the timeout cases are fast; long enough for every other case on a busy machine. */
const TEST_TIMEOUT_MS = 300;
const OTHER_TIMEOUT_MS = 5_000;

const chunked = { sent: 0, closedEarly: false };

const routes: Record<string, Handler> = {
  "/good.json": answer(GOOD),
  "/plus-json": answer(GOOD, { "content-type": "application/vnd.aimarket.dataset+json" }),
  "/latin1-charset.json": answer(GOOD, { "content-type": "Application/JSON; charset=ISO-8859-1" }),
  "/bom.json": answer(`\uFEFF${GOOD}`),
  "/same.json": answer(
    // Same content as the dataset in use, written in another key order and without $schema.
    JSON.stringify(Object.fromEntries(Object.entries({ ...(JSON.parse(FIXTURE_TEXT) as object), $schema: undefined }).reverse())),
  ),
  "/moved": (_req, res) => {
    res.writeHead(301, { location: "/good.json" });
    res.end();
  },
  "/formula.json": answer(
    feed("1.1.0", (d) => {
      figure(d, "openai.core_strength.2026").text = { zh: FORMULA_TEXT, en: FORMULA_TEXT };
    }),
  ),
  "/html.json": answer(
    feed("1.1.0", (d) => {
      d.entities[1]!.name.en = HTML_TEXT;
    }),
  ),

  "/slow-headers": async (_req, res) => {
    if (await waitUnlessClosed(res, 5_000)) answer(GOOD)(_req, res);
  },
  "/slow-body": async (_req, res) => {
    res.writeHead(200, JSON_HEADERS);
    res.write(GOOD.slice(0, 100));
    if (await waitUnlessClosed(res, 5_000)) res.end(GOOD.slice(100));
  },
  "/huge-declared": async (_req, res) => {
    // Says 50 MB and sends nothing: only a client that reads the header first answers at once.
    res.writeHead(200, { ...JSON_HEADERS, "content-length": String(50 * MB) });
    res.flushHeaders();
    if (await waitUnlessClosed(res, 5_000)) res.destroy();
  },
  "/huge-chunked": async (_req, res) => {
    res.writeHead(200, JSON_HEADERS);
    const chunk = Buffer.alloc(64 * 1024, " ");
    chunked.sent = 0;
    chunked.closedEarly = false;
    res.once("close", () => {
      chunked.closedEarly = !res.writableFinished;
    });
    // At most 64 MB; a client keeping to the limit hangs up long before.
    for (let i = 0; i < 1024 && !res.destroyed; i++) {
      if (!res.write(chunk)) await drained(res);
      chunked.sent += chunk.length;
    }
    res.end();
  },
  "/elsewhere": (_req, res) => {
    res.writeHead(302, { location: server.url("/good.json", "localhost") });
    res.end();
  },
  "/page.html": answer("<!doctype html><title>Feed</title>", { "content-type": "text/html; charset=utf-8" }),
  "/no-type": answer(GOOD, {}),
  "/broken": answer("Internal error", { "content-type": "text/plain" }, 500),
  "/empty.json": answer(""),
  "/truncated.json": answer(GOOD.slice(0, GOOD.indexOf('"entities"'))),
  // {"阿里"} in GBK, which is not UTF-8.
  "/gbk.json": answer(Buffer.from([0x7b, 0x22, 0xb0, 0xa2, 0xc0, 0xef, 0x22, 0x7d])),
  "/wrong-types.json": answer(
    feed("1.1.0", (d) => {
      Object.assign(d.figures[0]!, { value: "330", currency: "EUR" });
    }),
  ),
  "/low-above-high.json": answer(
    feed("1.1.0", (d) => {
      const users = figure(d, "openai.monthly_active_users.2026");
      delete users.value;
      Object.assign(users, { low: 8, high: 7.5 });
    }),
  ),
  "/older.json": answer(feed("0.9.0", raiseRevenue)),
  "/same-version-changed.json": answer(feed("1.0.0", raiseRevenue)),
  "/drops.json": answer(
    feed("1.1.0", (d) => {
      d.figures = d.figures.filter((f) => f.id !== "openai.monthly_active_users.2026" && f.id !== "openai.core_strength.2026");
    }),
  ),
};

let server: FeedServer;
let deadPort: number;

beforeAll(async () => {
  server = await startFeedServer(routes);
  deadPort = await closedPort();
});

afterAll(async () => {
  await server.close();
});

/** Node's own fetch, counting calls, so a test can show that a refused URL was never requested. */
function realFetch(): HttpGet & { calls: string[] } {
  const calls: string[] = [];
  const get: HttpGet = (url, init) => {
    calls.push(url);
    return fetch(url, init);
  };
  return Object.assign(get, { calls });
}

const PREVIOUS_FEED = "previous good feed text";

function setup(url: string): { store: DatasetStore; cache: MemoryFeedCache; heard: string[] } {
  const store = new DatasetStore(fixtureDataset());
  const heard: string[] = [];
  store.subscribe((state) => heard.push(state.version));
  return { store, cache: new MemoryFeedCache({ [url]: PREVIOUS_FEED }), heard };
}

describe("a good feed", () => {
  test("replaces the dataset in use at once, is cached, and says what changed", async () => {
    const url = server.url("/good.json");
    const { store, cache, heard } = setup(url);
    const update = await refreshFeed(store, url, { httpGet: realFetch(), cache, timeoutMs: OTHER_TIMEOUT_MS });

    expect(update.status).toBe("updated");
    expect(update.previousVersion).toBe("1.0.0");
    expect(store.current).toBe(update.state);
    expect(store.current.version).toBe("1.1.0");
    expect(store.current.index.figures.get("openai.revenue.2026")?.low).toBe(34_000_000_000);
    expect(heard).toEqual(["1.1.0"]);
    expect(cache.snapshot()).toEqual({ [url]: GOOD });
    expect(update.diff.figures.changed.map((c) => [c.id, c.fields.map((f) => f.field)])).toEqual([
      ["openai.revenue.2026", ["value", "written", "source.text"]],
    ]);
    expect(update.cacheError).toBeUndefined();
  });

  test.each([
    ["an application/…+json content type", "/plus-json"],
    ["a charset that is not UTF-8 (ignored: feeds are UTF-8)", "/latin1-charset.json"],
    ["a byte-order mark", "/bom.json"],
  ])("is accepted with %s", async (_name, path) => {
    const url = server.url(path);
    const { store, cache } = setup(url);
    const update = await refreshFeed(store, url, { httpGet: realFetch(), cache, timeoutMs: OTHER_TIMEOUT_MS });
    expect([update.status, store.current.version]).toEqual(["updated", "1.1.0"]);
  });

  test("is followed through a redirect within the same host", async () => {
    const url = server.url("/moved");
    const { store, cache } = setup(url);
    const update = await refreshFeed(store, url, { httpGet: realFetch(), cache, timeoutMs: OTHER_TIMEOUT_MS });
    expect([update.status, store.current.version]).toEqual(["updated", "1.1.0"]);
    expect(cache.snapshot()).toEqual({ [url]: GOOD });
  });

  test("with the same version and content is unchanged: the store keeps its dataset and hears nothing", async () => {
    const url = server.url("/same.json");
    const { store, cache, heard } = setup(url);
    const before = store.current;
    const update = await refreshFeed(store, url, { httpGet: realFetch(), cache, timeoutMs: OTHER_TIMEOUT_MS });
    expect(update.status).toBe("unchanged");
    expect(store.current).toBe(before);
    expect(update.state).toBe(before);
    expect(heard).toEqual([]);
    expect(cache.snapshot()[url]).toMatch(/^\{"tables":/);
  });

  test("may keep figures in use and drop others", async () => {
    const url = server.url("/drops.json");
    const { store, cache } = setup(url);
    const update = await refreshFeed(store, url, { httpGet: realFetch(), cache, inUse: ["openai|revenue"], timeoutMs: OTHER_TIMEOUT_MS });
    expect(update.diff.figures.removed.map((f) => f.id)).toEqual(["openai.monthly_active_users.2026", "openai.core_strength.2026"]);
  });

  test("with formula-like text is valid data, accepted unchanged (it is written to cells as text later)", async () => {
    const url = server.url("/formula.json");
    const { store, cache } = setup(url);
    await refreshFeed(store, url, { httpGet: realFetch(), cache, timeoutMs: OTHER_TIMEOUT_MS });
    expect(store.current.index.figures.get("openai.core_strength.2026")?.figure.text).toEqual({ zh: FORMULA_TEXT, en: FORMULA_TEXT });
  });

  test("with HTML-like text is valid data, accepted unchanged (it is rendered as text later)", async () => {
    const url = server.url("/html.json");
    const { store, cache } = setup(url);
    await refreshFeed(store, url, { httpGet: realFetch(), cache, timeoutMs: OTHER_TIMEOUT_MS });
    expect(store.current.index.entities.get("alibaba")?.name).toEqual({ zh: "阿里巴巴", en: HTML_TEXT });
  });
});

type BadCase = {
  name: string;
  url: () => string;
  code: FeedErrorCode;
  message: () => string;
  timeoutMs?: number;
  inUse?: string[];
};

const TOO_BIG = "Check that this is the dataset file: one report's data is far smaller.";

const BAD: BadCase[] = [
  {
    name: "headers slower than the timeout",
    url: () => server.url("/slow-headers"),
    code: "TIMEOUT",
    message: () => "The feed did not answer in full within 0.3 seconds; try again later.",
    timeoutMs: TEST_TIMEOUT_MS,
  },
  {
    name: "a body slower than the timeout",
    url: () => server.url("/slow-body"),
    code: "TIMEOUT",
    message: () => "The feed did not answer in full within 0.3 seconds; try again later.",
    timeoutMs: TEST_TIMEOUT_MS,
  },
  {
    name: "a Content-Length over the limit",
    url: () => server.url("/huge-declared"),
    code: "TOO_LARGE",
    message: () => `The feed is too large by its Content-Length: the dataset is 50.0 MB; the limit is 5 MB. ${TOO_BIG}`,
  },
  {
    name: "a chunked body over the limit",
    url: () => server.url("/huge-chunked"),
    code: "TOO_LARGE",
    message: () => `The feed is too large: it passed the 5 MB limit while downloading, so the download was stopped. ${TOO_BIG}`,
  },
  {
    name: "a redirect to another host",
    url: () => server.url("/elsewhere"),
    code: "REDIRECTED",
    message: () =>
      `The feed redirected from http://127.0.0.1:${server.port} to another host, http://localhost:${server.port}; only redirects within the same host are followed.`,
  },
  {
    name: "an HTML page",
    url: () => server.url("/page.html"),
    code: "CONTENT_TYPE",
    message: () => "The feed answered with content type text/html, not JSON; a feed must be served as application/json.",
  },
  {
    name: "no content type",
    url: () => server.url("/no-type"),
    code: "CONTENT_TYPE",
    message: () => "The feed answered without a content type; a feed must be served as application/json.",
  },
  {
    name: "HTTP 404",
    url: () => server.url("/nowhere.json"),
    code: "HTTP_STATUS",
    message: () => "The feed answered HTTP 404 Not Found.",
  },
  {
    name: "HTTP 500",
    url: () => server.url("/broken"),
    code: "HTTP_STATUS",
    message: () => "The feed answered HTTP 500 Internal Server Error.",
  },
  {
    name: "an empty body",
    url: () => server.url("/empty.json"),
    code: "NOT_JSON",
    message: () => "The feed is empty; it must be one JSON object, the dataset.",
  },
  {
    name: "truncated JSON",
    url: () => server.url("/truncated.json"),
    code: "NOT_JSON",
    message: () => "The feed is not JSON: unexpected end of input at line 38, column 3; the file may be truncated.",
  },
  {
    name: "bytes that are not UTF-8",
    url: () => server.url("/gbk.json"),
    code: "NOT_UTF8",
    message: () => "The feed is not valid UTF-8; publish it as UTF-8 (it may have been saved as GBK or UTF-16).",
  },
  {
    name: "values of the wrong type",
    url: () => server.url("/wrong-types.json"),
    code: "INVALID",
    message: () =>
      'The feed is not a valid dataset (2 problems). $.figures[0].value: expected a number, got a string ("330") (figure "openai.revenue.2026"); write numbers without quotes. $.figures[0].currency: "EUR" is not a known currency (figure "openai.revenue.2026"); use one of USD, CNY.',
  },
  {
    name: "a range with low above high",
    url: () => server.url("/low-above-high.json"),
    code: "INVALID",
    message: () =>
      'The feed is not a valid dataset (1 problem). $.figures[4].low: figure "openai.monthly_active_users.2026" has low 8 above high 7.5; swap them.',
  },
  {
    name: "an older version",
    url: () => server.url("/older.json"),
    code: "OLDER_VERSION",
    message: () => "The feed has version 0.9.0, older than the version in use (1.0.0); it was not applied.",
  },
  {
    name: "the same version with other content",
    url: () => server.url("/same-version-changed.json"),
    code: "SAME_VERSION_CHANGED",
    message: () =>
      "The feed has the same version as the dataset in use (1.0.0) but different content; raise the version to publish a change.",
  },
  {
    name: "figures that open workbooks use dropped",
    url: () => server.url("/drops.json"),
    code: "DROPS_FIGURES_IN_USE",
    message: () =>
      "The feed drops 2 figures that open workbooks use: openai.monthly_active_users.2026, openai|core_strength. Keep them in the feed, or remove them from the workbooks first.",
    inUse: ["openai.revenue.2026", "openai.monthly_active_users.2026", "openai|core_strength", "openai|revenue", "nobody|revenue"],
  },
  {
    name: "an https URL where nothing listens",
    url: () => `https://127.0.0.1:${deadPort}/feed.json`,
    code: "NETWORK",
    message: () =>
      `Could not reach the feed at https://127.0.0.1:${deadPort}/feed.json (ECONNREFUSED); check the address and the network connection.`,
  },
];

describe("a bad feed fails with one clear message and leaves the data in use untouched", () => {
  test.each(BAD.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const url = c.url();
    const { store, cache, heard } = setup(url);
    const before = store.current;
    const started = Date.now();
    const error = await refreshFeed(store, url, {
      httpGet: realFetch(),
      cache,
      inUse: c.inUse,
      timeoutMs: c.timeoutMs ?? OTHER_TIMEOUT_MS,
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FeedError);
    expect({ code: (error as FeedError).code, message: (error as FeedError).message }).toEqual({ code: c.code, message: c.message() });
    expect(store.current).toBe(before);
    expect(heard).toEqual([]);
    expect(cache.snapshot()).toEqual({ [url]: PREVIOUS_FEED });
    if (c.code === "TIMEOUT") expect(Date.now() - started).toBeLessThan(2_000);
  });

  test("an invalid feed carries every problem with its JSON path", async () => {
    const url = server.url("/wrong-types.json");
    const { store } = setup(url);
    const error = await refreshFeed(store, url, { httpGet: realFetch(), timeoutMs: OTHER_TIMEOUT_MS }).catch((e: unknown) => e);
    expect((error as FeedError).problems.map((p) => p.path)).toEqual(["$.figures[0].value", "$.figures[0].currency"]);
  });

  test("a chunked body over the limit is cut off while streaming, not read to its end", () => {
    expect(chunked.sent).toBeGreaterThan(5 * MB);
    expect(chunked.sent).toBeLessThan(64 * MB);
    expect(chunked.closedEarly).toBe(true);
  });

  test.each([
    ["plain http to another computer", "http://example.com/feed.json", 'The feed URL "http://example.com/feed.json" uses plain http to another computer; use https (plain http is allowed only for localhost, 127.x.x.x or [::1]).'],
    ["a file URL", "file:///etc/passwd", 'The feed URL "file:///etc/passwd" uses file; feeds are read over https only (plain http only from this computer: localhost, 127.x.x.x or [::1]).'],
  ])("%s is refused before any request", async (_name, url, message) => {
    const { store, cache } = setup(url);
    const before = store.current;
    const get = realFetch();
    const error = await refreshFeed(store, url, { httpGet: get, cache }).catch((e: unknown) => e);
    expect({ code: (error as FeedError).code, message: (error as FeedError).message }).toEqual({ code: "URL_NOT_ALLOWED", message });
    expect(get.calls).toEqual([]);
    expect(store.current).toBe(before);
    expect(cache.snapshot()).toEqual({ [url]: PREVIOUS_FEED });
  });
});

describe("the timeout", () => {
  test("is 10 seconds by default, for the whole answer", async () => {
    expect(FEED_TIMEOUT_MS).toBe(10_000);
    jest.useFakeTimers();
    try {
      // An answer that never comes, from an HttpGet that ignores the abort signal: the limit holds anyway.
      const never: HttpGet = () => new Promise(() => undefined);
      const store = new DatasetStore(fixtureDataset());
      let settled: unknown;
      const pending = refreshFeed(store, "https://127.0.0.1/feed.json", { httpGet: never }).catch((e: unknown) => {
        settled = e;
      });
      await jest.advanceTimersByTimeAsync(FEED_TIMEOUT_MS - 1);
      expect(settled).toBeUndefined();
      await jest.advanceTimersByTimeAsync(1);
      await pending;
      expect((settled as FeedError).message).toBe("The feed did not answer in full within 10 seconds; try again later.");
    } finally {
      jest.useRealTimers();
    }
  });
});

describe("edges the server cannot show", () => {
  test("a redirect whose final address the platform does not give is refused", async () => {
    // fetch always gives the final URL; this stands for a platform that would not.
    const get: HttpGet = async () => ({
      status: 200,
      statusText: "OK",
      ok: true,
      url: "",
      redirected: true,
      headers: { get: (name: string) => (name === "content-type" ? "application/json" : null) },
      body: null,
    });
    const store = new DatasetStore(fixtureDataset());
    const before = store.current;
    const error = await refreshFeed(store, "https://data.example.com/feed.json", { httpGet: get }).catch((e: unknown) => e);
    expect({ code: (error as FeedError).code, message: (error as FeedError).message }).toEqual({
      code: "REDIRECTED",
      message:
        "The feed redirected from https://data.example.com to another host, an address it did not give; only redirects within the same host are followed.",
    });
    expect(store.current).toBe(before);
  });
});

describe("the cache", () => {
  test("is saved even when a store listener throws; the listener's error is passed on", async () => {
    const url = server.url("/good.json");
    const store = new DatasetStore(fixtureDataset());
    store.subscribe(() => {
      throw new Error("a listener failed");
    });
    const cache = new MemoryFeedCache();
    await expect(refreshFeed(store, url, { httpGet: realFetch(), cache, timeoutMs: OTHER_TIMEOUT_MS })).rejects.toThrow("a listener failed");
    expect([store.current.version, cache.snapshot()]).toEqual(["1.1.0", { [url]: GOOD }]);
  });

  test("brings the last good feed back at the next start-up, offline", async () => {
    const url = server.url("/good.json");
    const cache = new MemoryFeedCache();
    await refreshFeed(new DatasetStore(fixtureDataset()), url, { httpGet: realFetch(), cache, timeoutMs: OTHER_TIMEOUT_MS });

    const restarted = new DatasetStore(fixtureDataset());
    const result = await loadCachedFeed(restarted, url, cache);
    expect([result.status, restarted.current.version]).toEqual(["updated", "1.1.0"]);
  });

  test("a cache that cannot save does not undo a good feed", async () => {
    const url = server.url("/good.json");
    const store = new DatasetStore(fixtureDataset());
    const cache = {
      load: async () => undefined,
      save: async () => {
        throw new Error("The quota has been exceeded.");
      },
    };
    const update = await refreshFeed(store, url, { httpGet: realFetch(), cache, timeoutMs: OTHER_TIMEOUT_MS });
    expect([update.status, store.current.version, update.cacheError]).toEqual(["updated", "1.1.0", "The quota has been exceeded."]);
  });
});
