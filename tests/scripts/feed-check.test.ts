import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runFeedCheck } from "../../scripts/run-feed-check";

const ROOT = join(__dirname, "../..");
const FIXTURE_PATH = join(ROOT, "tests/fixtures/datasets/minimal.json");
const DATASET_PATH = join(ROOT, "data/ai-market-2026.json");
const USAGE = "Usage: npm run feed:check -- <file>, e.g. npm run feed:check -- data/ai-market-2026.json";
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

function run(args: string[]): { code: number; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const code = runFeedCheck(args, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out, err };
}

const BROKEN_PROBLEMS = [
  '  $.figures[0].value: expected a number, got a string ("330") (figure "openai.revenue.2026"); write numbers without quotes',
  '  $.figures[0].currency: "EUR" is not a known currency (figure "openai.revenue.2026"); use one of USD, CNY',
];

describe("runFeedCheck", () => {
  test("accepts a valid dataset with a one-line summary on out", () => {
    expect(run([FIXTURE_PATH])).toEqual({ code: 0, out: [`OK ${FIXTURE_PATH}: ${FIXTURE_OK}`], err: [] });
  });

  test("accepts the bundled dataset", () => {
    const result = run([DATASET_PATH]);
    expect(result.err).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.out).toEqual([
      expect.stringMatching(
        /^OK .+ai-market-2026\.json: dataset "ai-market-2026" version \d+\.\d+\.\d+ \(format 1\), \d+ figures, \d+ entities, \d+ metrics, \d+ tables$/,
      ),
    ]);
  });

  test("rejects a broken dataset with every problem and a count on err", () => {
    expect(run([broken])).toEqual({
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
  ])("fails with a usage hint for %s", (_name, args, message) => {
    expect(run(args)).toEqual({ code: 1, out: [], err: [message] });
  });

  test("refuses a 50 MB file from its size, without reading it", () => {
    const big = join(dir, "big.json");
    fs.writeFileSync(big, "");
    fs.truncateSync(big, 50 * 1024 * 1024);
    const read = jest.spyOn(fs, "readFileSync");
    try {
      expect(run([big])).toEqual({
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

  test("rejects a file that is not UTF-8", () => {
    const gbk = join(dir, "gbk.json");
    // "阿里" in GBK, which is not valid UTF-8.
    fs.writeFileSync(gbk, Buffer.from([0x7b, 0x22, 0xb0, 0xa2, 0xc0, 0xef, 0x22, 0x7d]));
    expect(run([gbk])).toEqual({
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
    expect({ status: result.status, stdout: result.stdout, stderr: result.stderr }).toEqual({
      status: 0,
      stdout: `OK ${FIXTURE_PATH}: ${FIXTURE_OK}\n`,
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
    expect({ status: result.status, stdout: result.stdout }).toEqual({ status: 0, stdout: `OK minimal.json: ${FIXTURE_OK}\n` });
  });
});
