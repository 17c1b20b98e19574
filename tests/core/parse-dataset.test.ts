import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DatasetInvalidError } from "../../src/core/dataset-invalid-error";
import { AimarketError } from "../../src/core/errors";
import { loadDataset, parseDataset, parseDatasetValue } from "../../src/core/parse-dataset";
import type { Problem } from "../../src/core/problem";
import type { Dataset } from "../../src/core/schema";

const FIXTURE = readFileSync(join(__dirname, "../fixtures/datasets/minimal.json"), "utf8");
const MB = 1024 * 1024;
const DATASET_SHAPE = "a dataset is one JSON object with format, meta, entities, metrics, figures and tables";

/** The fixture after `mutate`, as the text a feed would publish. */
function mutated(mutate: (dataset: Dataset) => void): string {
  const dataset = JSON.parse(FIXTURE) as Dataset;
  mutate(dataset);
  return JSON.stringify(dataset, null, 2);
}

function rejected(...problems: Problem[]): { ok: false; problems: Problem[] } {
  return { ok: false, problems };
}

describe("parseDataset", () => {
  test("accepts the fixture and returns its data", () => {
    expect(parseDataset(FIXTURE)).toEqual({ ok: true, dataset: JSON.parse(FIXTURE) });
  });

  test("accepts the bundled dataset", () => {
    const result = parseDataset(readFileSync(join(__dirname, "../../data/ai-market-2026.json"), "utf8"));
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  test("accepts a file saved with a byte-order mark", () => {
    expect(parseDataset(`\uFEFF${FIXTURE}`)).toEqual({ ok: true, dataset: JSON.parse(FIXTURE) });
  });

  test.each<[string, () => string, Problem]>([
    [
      "truncated JSON",
      () => FIXTURE.slice(0, FIXTURE.indexOf('"figures"')),
      { path: "$", message: "not valid JSON: unexpected end of input at line 70, column 3; the file may be truncated" },
    ],
    [
      "JSON with a trailing comma",
      () => FIXTURE.replace('"format": 1,', '"format": 1,,'),
      {
        path: "$",
        message: 'not valid JSON: expected a property name in double quotes, found "," at line 3, column 15; write each property as "name": value',
      },
    ],
    [
      "a number written with its scale",
      () => FIXTURE.replace('"low": 31,', '"low": 31亿,'),
      {
        path: "$",
        message:
          'not valid JSON: expected "," or "}", found "亿" at line 104, column 16; a comma may be missing, or a text value needs double quotes',
      },
    ],
    ["empty file", () => "", { path: "$", message: `the file is empty; ${DATASET_SHAPE}` }],
    ["whitespace only", () => " \n\t\r\n ", { path: "$", message: `the file is empty; ${DATASET_SHAPE}` }],
    [
      "a 50 MB file, refused before it is parsed",
      () => " ".repeat(50 * MB),
      {
        path: "$",
        message: "the dataset is 50.0 MB; the limit is 5 MB. Check that this is the dataset file: one report's data is far smaller",
      },
    ],
    [
      "one byte over the limit",
      () => `{${" ".repeat(5 * MB - 2)}}x`,
      {
        path: "$",
        message: "the dataset is 5.000001 MB; the limit is 5 MB. Check that this is the dataset file: one report's data is far smaller",
      },
    ],
    [
      "Chinese text measured in UTF-8 bytes, not characters",
      () => `"${"中".repeat(2 * MB)}"`,
      {
        path: "$",
        message: "the dataset is 6.0 MB; the limit is 5 MB. Check that this is the dataset file: one report's data is far smaller",
      },
    ],
    ["a top-level array", () => "[]", { path: "$", message: `the top level is an array, not an object; ${DATASET_SHAPE}` }],
    ["a top-level string", () => '"data"', { path: "$", message: `the top level is a string, not an object; ${DATASET_SHAPE}` }],
    ["top-level null", () => "null", { path: "$", message: `the top level is null, not an object; ${DATASET_SHAPE}` }],
    [
      "wrong type",
      () => mutated((d) => Reflect.set(d.figures[0]!, "value", "330")),
      {
        path: "$.figures[0].value",
        message: 'expected a number, got a string ("330") (figure "openai.revenue.2026"); write numbers without quotes',
      },
    ],
    [
      "bad currency",
      () => mutated((d) => Reflect.set(d.figures[1]!, "currency", "RMB")),
      {
        path: "$.figures[1].currency",
        message: '"RMB" is not a known currency (figure "alibaba.revenue.2026.cny"); use one of USD, CNY',
      },
    ],
    [
      "unknown key",
      () => mutated((d) => Reflect.set(d.figures[2]!, "hihg", 35)),
      {
        path: "$.figures[2].hihg",
        message:
          'unknown key "hihg" (figure "alibaba.revenue.2026.usd"); remove it or check its spelling (allowed: id, entity, metric, period, periodNote, written, value, low, high, text, scale, currency, qualifier, statedAsConversionOf, source, en, flags)',
      },
    ],
    [
      "duplicate ids",
      () => mutated((d) => (d.figures[4]!.id = "openai.revenue.2026")),
      {
        path: "$.figures[4].id",
        message: 'figure id "openai.revenue.2026" is already used by figures[0]; give each figure its own id',
      },
    ],
    [
      "low above high",
      () => mutated((d) => Object.assign(d.figures[2]!, { low: 35, high: 31 })),
      { path: "$.figures[2].low", message: 'figure "alibaba.revenue.2026.usd" has low 35 above high 31; swap them' },
    ],
    [
      "unknown entity in a figure",
      () => mutated((d) => (d.figures[3]!.entity = "world")),
      {
        path: "$.figures[3].entity",
        message:
          'figure "global.inference_compute_share.2026" names entity "world", which is not defined; add it to entities or fix the id',
      },
    ],
    [
      "share out of range",
      () => mutated((d) => (d.figures[3]!.scale = "")),
      {
        path: "$.figures[3].value",
        message:
          'figure "global.inference_compute_share.2026" has value 70 with scale "", that is 70; a share must be from 0 to 1 (0% to 100%), so check the number and its scale',
      },
    ],
    [
      "exchange rate mismatch",
      () => mutated((d) => (d.meta.exchangeRate.cnyPerUsd = 7.1)),
      {
        path: "$.meta.exchangeRate.cnyPerUsd",
        message: "cnyPerUsd is 7.1, but the pairs give 7.12 (rounded to 2 decimals); set cnyPerUsd to 7.12 or fix the pairs",
      },
    ],
  ])("rejects %s", (_name, input, problem) => {
    expect(parseDataset(input())).toEqual(rejected(problem));
  });

  test("rejects a conversion pointing at the wrong figure, with the pair it breaks", () => {
    const input = mutated((d) => (d.figures[2]!.statedAsConversionOf = "openai.revenue.2026"));
    expect(parseDataset(input)).toEqual(
      rejected(
        {
          path: "$.figures[2].statedAsConversionOf",
          message:
            'figure "alibaba.revenue.2026.usd" is stated as a conversion of figure "openai.revenue.2026", which is for openai / revenue / 2026, not alibaba / revenue / 2026; a conversion has the same entity, metric and period',
        },
        {
          path: "$.meta.exchangeRate.pairs[0].usd",
          message:
            'figure "alibaba.revenue.2026.usd" is not stated as a conversion of "alibaba.revenue.2026.cny" (its statedAsConversionOf is "openai.revenue.2026"); pair each CNY figure with its own USD conversion',
        },
      ),
    );
  });

  test("reports every schema problem, in document order", () => {
    const input = mutated((d) => {
      Reflect.set(d.meta, "version", 1);
      Reflect.set(d.figures[0]!, "value", "330");
      Reflect.deleteProperty(d.figures[5]!, "source");
    });
    expect(parseDataset(input)).toEqual(
      rejected(
        { path: "$.meta.version", message: "expected a string, got a number (1); write text in double quotes" },
        {
          path: "$.figures[0].value",
          message: 'expected a number, got a string ("330") (figure "openai.revenue.2026"); write numbers without quotes',
        },
        {
          path: "$.figures[5].source",
          message: '"source" is missing (figure "openai.core_strength.2026"); every figure needs "source" (an object)',
        },
      ),
    );
  });

  test("stops at the schema stage: meaning is checked only on a well-typed dataset", () => {
    const input = mutated((d) => {
      Reflect.set(d.figures[0]!, "value", "330");
      d.figures[1]!.entity = "nobody";
    });
    expect(parseDataset(input)).toEqual(
      rejected({
        path: "$.figures[0].value",
        message: 'expected a number, got a string ("330") (figure "openai.revenue.2026"); write numbers without quotes',
      }),
    );
  });

  test("an empty file under the size limit is reported as empty, so the limit is inclusive", () => {
    expect(parseDataset(" ".repeat(5 * MB))).toEqual(rejected({ path: "$", message: `the file is empty; ${DATASET_SHAPE}` }));
  });
});

describe("parseDatasetValue", () => {
  test("validates parsed JSON with the same stages as parseDataset", () => {
    const value: unknown = JSON.parse(mutated((d) => (d.meta.exchangeRate.cnyPerUsd = 7.1)));
    expect(parseDatasetValue(value)).toEqual(parseDataset(JSON.stringify(value)));
    expect(parseDatasetValue(JSON.parse(FIXTURE))).toEqual({ ok: true, dataset: JSON.parse(FIXTURE) });
  });

  test.each<[unknown, string]>([
    [[], "an array"],
    [42, "a number"],
    [undefined, "a undefined"],
  ])("rejects a top level of %j", (value, got) => {
    expect(parseDatasetValue(value)).toEqual(
      rejected({ path: "$", message: `the top level is ${got}, not an object; ${DATASET_SHAPE}` }),
    );
  });
});

describe("loadDataset", () => {
  test("returns the dataset", () => {
    expect(loadDataset(FIXTURE)).toEqual(JSON.parse(FIXTURE));
  });

  test.each<[string, string, number, string]>([
    [
      "one problem",
      mutated((d) => (d.meta.exchangeRate.cnyPerUsd = 7.1)),
      1,
      "The dataset was rejected with 1 problem; the first is at $.meta.exchangeRate.cnyPerUsd: cnyPerUsd is 7.1, but the pairs give 7.12 (rounded to 2 decimals); set cnyPerUsd to 7.12 or fix the pairs. Run npm run feed:check -- <file> to list every problem.",
    ],
    [
      "several problems",
      mutated((d) => {
        Reflect.set(d.figures[0]!, "value", "330");
        Reflect.set(d.figures[1]!, "value", "220");
      }),
      2,
      'The dataset was rejected with 2 problems; the first is at $.figures[0].value: expected a number, got a string ("330") (figure "openai.revenue.2026"); write numbers without quotes. Run npm run feed:check -- <file> to list every problem.',
    ],
  ])("throws DatasetInvalidError for %s", (_name, input, count, message) => {
    const error = captureError(() => loadDataset(input));
    expect(error).toBeInstanceOf(DatasetInvalidError);
    expect(error).toBeInstanceOf(AimarketError);
    expect(error).toMatchObject({ name: "DatasetInvalidError", code: "DATASET_INVALID", message });
    expect((error as DatasetInvalidError).problems).toHaveLength(count);
    expect((error as DatasetInvalidError).problems).toEqual((parseDataset(input) as { problems: Problem[] }).problems);
  });
});

function captureError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error, but none was thrown");
}
