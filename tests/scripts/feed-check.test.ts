import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runFeedCheck, type FeedCheckOptions } from "../../scripts/run-feed-check";
import type { Dataset } from "../../src/core/schema";
import { answer, startFeedServer, waitUnlessClosed, type FeedServer } from "../core/feed/feed-server";
import { raiseRevenue } from "../core/feed/feeds";

const ROOT = join(__dirname, "../..");
const FIXTURE_PATH = join(ROOT, "tests/fixtures/datasets/minimal.json");
const DATASET_PATH = join(ROOT, "data/ai-market-2026.json");
const USAGE =
  "Usage: npm run feed:check -- <file-or-url>, e.g. npm run feed:check -- data/ai-market-2026.json or https://example.com/ai-market.json";
const FIXTURE_OK =
  'dataset "ai-market-fixture" version 1.0.0 (format 1), 6 figures, 3 entities, 4 metrics, 2 tables';

const dir = fs.mkdtempSync(join(tmpdir(), "aimarket-feed-check-"));
const broken = join(dir, "broken.json");

beforeAll(() => {
  const dataset = JSON.parse(fs.readFileSync(FIXTURE_PATH, "utf8")) as { figures: Record<string, unknown>[] };
  Object.assign(dataset.figures[0]!, { value: "330", currency: "EUR" });
  fs.writeFileSync(broken, JSON.stringify(dataset, null, 2));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

afterEach(() => {
  jest.restoreAllMocks();
});

async function run(args: string[], options: FeedCheckOptions = {}): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runFeedCheck(args, { out: (line) => out.push(line), err: (line) => err.push(line) }, options);
  return { code, out, err };
}

const BROKEN_PROBLEMS = [
  '  $.figures[0].value: expected a number, got a string ("330") (figure "openai.revenue.2026"); write numbers without quotes',
  '  $.figures[0].currency: "EUR" is not a known currency (figure "openai.revenue.2026"); use one of USD, CNY',
];

describe("runFeedCheck", () => {
  test("accepts a valid dataset with a one-line summary on out", async () => {
    const result = await run([FIXTURE_PATH]);
    expect({ code: result.code, first: result.out.slice(0, 2), err: result.err }).toEqual({
      code: 0,
      first: [`OK ${FIXTURE_PATH}: ${FIXTURE_OK}`, "Changes from the bundled dataset data/ai-market-2026.json (version 1.0.0):"],
      err: [],
    });
    expect(result.out).toContain("  removed openai.compute_gw.2026: 1.9GW");
  });

  test("accepts the bundled dataset", async () => {
    const result = await run([DATASET_PATH]);
    expect(result.err).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.out).toEqual([
      expect.stringMatching(
        /^OK .+ai-market-2026\.json: dataset "ai-market-2026" version \d+\.\d+\.\d+ \(format 1\), \d+ figures, \d+ entities, \d+ metrics, \d+ tables$/,
      ),
      "Changes from the bundled dataset data/ai-market-2026.json (version 1.0.0):",
      "  no changes",
    ]);
  });

  test("rejects a broken dataset with every problem and a count on err", async () => {
    expect(await run([broken])).toEqual({
      code: 1,
      out: [],
      err: [...BROKEN_PROBLEMS, `Rejected: 2 problems in ${broken}.`],
    });
  });

  test.each<[string, string[], string]>([
    ["no file", [], `No dataset file given; name the file to check. ${USAGE}`],
    ["two files", ["a.json", "b.json"], `Give one dataset file, not 2 (a.json b.json). ${USAGE}`],
    [
      "a file that does not exist",
      [join(dir, "missing.json")],
      `No such file: ${join(dir, "missing.json")}; check the path (relative paths start from the current directory). ${USAGE}`,
    ],
    ["a directory", [dir], `${dir} is a directory; name the dataset file in it. ${USAGE}`],
  ])("fails with a usage hint for %s", async (_name, args, message) => {
    expect(await run(args)).toEqual({ code: 1, out: [], err: [message] });
  });

  test("refuses a 50 MB file from its size, without reading it", async () => {
    const big = join(dir, "big.json");
    fs.writeFileSync(big, "");
    fs.truncateSync(big, 50 * 1024 * 1024);
    const read = jest.spyOn(fs, "readFileSync");
    try {
      expect(await run([big])).toEqual({
        code: 1,
        out: [],
        err: [
          "  $: the dataset is 50.0 MB; the limit is 5 MB. Check that this is the dataset file: one report's data is far smaller",
          `Rejected: 1 problem in ${big}.`,
        ],
      });
      expect(read).not.toHaveBeenCalled();
    } finally {
      fs.rmSync(big);
    }
  });

  test("rejects a file that is not UTF-8", async () => {
    const gbk = join(dir, "gbk.json");
    // "阿里" in GBK, which is not valid UTF-8.
    fs.writeFileSync(gbk, Buffer.from([0x7b, 0x22, 0xb0, 0xa2, 0xc0, 0xef, 0x22, 0x7d]));
    expect(await run([gbk])).toEqual({
      code: 1,
      out: [],
      err: [
        "  $: the file is not valid UTF-8; save it as UTF-8 (an editor may have saved it as GBK or UTF-16)",
        `Rejected: 1 problem in ${gbk}.`,
      ],
    });
  });
});

describe("npm run feed:check, as a process", () => {
  const tsx = (file: string) => spawnSync("npx", ["tsx", "scripts/feed-check.ts", file], { cwd: ROOT, encoding: "utf8" });

  test("exits 0 for a valid dataset", () => {
    const result = tsx(FIXTURE_PATH);
    expect({ status: result.status, stdout: result.stdout.split("\n").slice(0, 2), stderr: result.stderr }).toEqual({
      status: 0,
      stdout: [`OK ${FIXTURE_PATH}: ${FIXTURE_OK}`, "Changes from the bundled dataset data/ai-market-2026.json (version 1.0.0):"],
      stderr: "",
    });
  });

  test("exits 1 for a broken dataset", () => {
    const result = tsx(broken);
    expect({ status: result.status, stdout: result.stdout, stderr: result.stderr }).toEqual({
      status: 1,
      stdout: "",
      stderr: [...BROKEN_PROBLEMS, `Rejected: 2 problems in ${broken}.`, ""].join("\n"),
    });
  });

  test("resolves a relative path from the directory npm was run in", () => {
    const result = spawnSync("npm", ["run", "--silent", "feed:check", "--", "minimal.json"], {
      cwd: join(ROOT, "tests/fixtures/datasets"),
      encoding: "utf8",
    });
    expect({ status: result.status, stdout: result.stdout.split("\n")[0] }).toEqual({ status: 0, stdout: `OK minimal.json: ${FIXTURE_OK}` });
  });
});

describe("feed URLs: the add-in's own download pipeline, against a server on 127.0.0.1", () => {
  const bundled = JSON.parse(fs.readFileSync(DATASET_PATH, "utf8")) as Dataset;
  const raised = structuredClone(bundled);
  raised.meta.version = "99.0.0";
  raiseRevenue(raised);
  const wrongTypes = structuredClone(raised);
  const revenueAt = wrongTypes.figures.findIndex((f) => f.id === "openai.revenue.2026");
  Object.assign(wrongTypes.figures[revenueAt]!, { value: "330", currency: "EUR" });

  let server: FeedServer;
  beforeAll(async () => {
    server = await startFeedServer({
      "/ai-market.json": answer(JSON.stringify(raised)),
      "/wrong-types.json": answer(JSON.stringify(wrongTypes)),
      "/slow.json": async (_req, res) => {
        if (await waitUnlessClosed(res, 5_000)) answer(JSON.stringify(raised))(_req, res);
      },
    });
  });
  afterAll(async () => {
    await server.close();
  });

  const summary = (url: string) =>
    `OK ${url}: dataset "ai-market-2026" version 99.0.0 (format 1), ${bundled.figures.length} figures, ` +
    `${bundled.entities.length} entities, ${bundled.metrics.length} metrics, ${bundled.tables.length} tables`;
  const accepted = (url: string) => [
    summary(url),
    `Changes from the bundled dataset data/ai-market-2026.json (version ${bundled.meta.version}):`,
    `  version ${bundled.meta.version} -> 99.0.0`,
    '  changed openai.revenue.2026: 330亿美元 -> 340亿美元 (source: "330亿美元" -> "340亿美元")',
  ];
  const WRONG_TYPES_ERR = (url: string) => [
    `  $.figures[${revenueAt}].value: expected a number, got a string ("330") (figure "openai.revenue.2026"); write numbers without quotes`,
    `  $.figures[${revenueAt}].currency: "EUR" is not a known currency (figure "openai.revenue.2026"); use one of USD, CNY`,
    `Rejected: 2 problems in ${url}.`,
  ];

  test("accepts a valid feed: the summary, then what it changes from the bundled dataset", async () => {
    const url = server.url("/ai-market.json");
    expect(await run([url])).toEqual({ code: 0, out: accepted(url), err: [] });
  });

  test("rejects an invalid feed with every problem", async () => {
    const url = server.url("/wrong-types.json");
    expect(await run([url])).toEqual({ code: 1, out: [], err: WRONG_TYPES_ERR(url) });
  });

  test.each([
    ["an HTTP error", () => server.url("/missing.json"), () => "The feed answered HTTP 404 Not Found."],
    [
      "plain http to another computer, refused before any request",
      () => "http://example.com/ai-market.json",
      () =>
        'The feed URL "http://example.com/ai-market.json" uses plain http to another computer; use https (plain http is allowed only for localhost, 127.x.x.x or [::1]).',
    ],
    [
      "a feed slower than the timeout",
      () => server.url("/slow.json"),
      () => "The feed did not answer in full within 0.3 seconds; try again later.",
    ],
  ])("rejects %s with the message", async (_name, url, message) => {
    expect(await run([url()], { timeoutMs: 300 })).toEqual({ code: 1, out: [], err: [`Rejected ${url()}: ${message()}`] });
  });

  describe("as a process (npm run feed:check)", () => {
    test("exits 0 with the summary and the changes", async () => {
      const url = server.url("/ai-market.json");
      expect(await npmFeedCheck(url)).toEqual({ status: 0, stdout: [...accepted(url), ""].join("\n"), stderr: "" });
    });

    test("exits 1 for an HTTP error", async () => {
      const url = server.url("/missing.json");
      expect(await npmFeedCheck(url)).toEqual({ status: 1, stdout: "", stderr: `Rejected ${url}: The feed answered HTTP 404 Not Found.\n` });
    });

    test("exits 1 for an invalid feed", async () => {
      const url = server.url("/wrong-types.json");
      expect(await npmFeedCheck(url)).toEqual({ status: 1, stdout: "", stderr: [...WRONG_TYPES_ERR(url), ""].join("\n") });
    });
  });
});

/** `npm run --silent feed:check -- <arg>`, without blocking this process: the test server answers from it. */
function npmFeedCheck(arg: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "--silent", "feed:check", "--", arg], { cwd: ROOT });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill(), 60_000);
    child.on("error", reject);
    child.on("close", (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}
