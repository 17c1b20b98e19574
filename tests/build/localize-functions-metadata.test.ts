import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import webpack, { type Compiler } from "webpack";
import {
  LocalizationError,
  localizeFunctionsMetadata,
  TranslationTableSchema,
  type FunctionsMetadata,
} from "../../src/build/localize-functions-metadata";
import { LocalizeFunctionsMetadataPlugin } from "../../src/build/localize-functions-metadata-plugin";

const TABLE_FILE = "src/functions/i18n/zh-CN.json";
const OPTIONS = { locale: "zh-CN", tableFile: TABLE_FILE };

const METADATA: FunctionsMetadata = {
  allowCustomDataForDataTypeAny: true,
  functions: [
    {
      id: "PRICE",
      name: "PRICE",
      description: "Returns the list price.",
      parameters: [
        { name: "model", description: "Model name.", type: "string" },
        { name: "unit", description: "Unit.", type: "string", optional: true },
        { name: "raw", type: "any", optional: true },
      ],
      result: { type: "number" },
    },
    {
      id: "TICKER",
      name: "TICKER",
      description: "Streams the latest figure.",
      parameters: [],
      result: { type: "string", description: "The figure." },
      options: { stream: true },
    },
  ],
};

const TABLE = {
  PRICE: { description: "返回标价。", parameters: { model: "模型名称。", unit: "单位。" } },
  TICKER: { description: "流式返回最新数字。", result: "该数字。" },
};

function problemsOf(table: unknown): readonly string[] {
  let caught: unknown;
  try {
    localizeFunctionsMetadata(METADATA, table, OPTIONS);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(LocalizationError);
  return (caught as LocalizationError).problems;
}

describe("localizeFunctionsMetadata", () => {
  test("replaces the descriptions and keeps ids, names, types and options", () => {
    const before = structuredClone(METADATA);
    expect(localizeFunctionsMetadata(METADATA, TABLE, OPTIONS)).toEqual({
      allowCustomDataForDataTypeAny: true,
      functions: [
        {
          id: "PRICE",
          name: "PRICE",
          description: "返回标价。",
          parameters: [
            { name: "model", description: "模型名称。", type: "string" },
            { name: "unit", description: "单位。", type: "string", optional: true },
            { name: "raw", type: "any", optional: true },
          ],
          result: { type: "number" },
        },
        {
          id: "TICKER",
          name: "TICKER",
          description: "流式返回最新数字。",
          parameters: [],
          result: { type: "string", description: "该数字。" },
          options: { stream: true },
        },
      ],
    });
    expect(METADATA).toEqual(before);
  });

  test.each<[string, unknown, string[]]>([
    [
      "a function without a translation, with the entry to fill in",
      { PRICE: TABLE.PRICE },
      ['function TICKER has no zh-CN translation; add (translated) {"TICKER":{"description":"Streams the latest figure.","result":"The figure."}}'],
    ],
    [
      "a parameter without a translation",
      { ...TABLE, PRICE: { description: "返回标价。", parameters: { model: "模型名称。" } } },
      ['function PRICE parameter "unit" has no zh-CN translation (English: "Unit.")'],
    ],
    [
      "a result without a translation",
      { ...TABLE, TICKER: { description: "流式返回最新数字。" } },
      ['function TICKER result has no zh-CN translation (English: "The figure.")'],
    ],
    [
      "a translated parameter the function does not have",
      { ...TABLE, PRICE: { ...TABLE.PRICE, parameters: { ...TABLE.PRICE.parameters, currency: "货币。" } } },
      ['function PRICE has no parameter "currency"; remove its translation'],
    ],
    [
      "a translated result the function does not describe",
      { ...TABLE, PRICE: { ...TABLE.PRICE, result: "价格。" } },
      ['function PRICE has no result description in functions.json; remove its "result" translation'],
    ],
    [
      "a translation for a function that is gone",
      { ...TABLE, OLD: { description: "旧函数。" } },
      ['"OLD" is not a custom function in functions.json; remove its translation'],
    ],
    [
      "an empty description",
      { ...TABLE, PRICE: { ...TABLE.PRICE, description: " " } },
      ["not a valid translation table:\n✖ Too small: expected string to have >=1 characters\n  → at PRICE.description"],
    ],
    [
      "a misspelt key",
      { ...TABLE, PRICE: { descripton: "返回标价。" } },
      [
        'not a valid translation table:\n✖ Unrecognized key: "descripton"\n  → at PRICE\n✖ Invalid input: expected string, received undefined\n  → at PRICE.description',
      ],
    ],
  ])("reports %s", (_name, table, expected) => {
    expect(problemsOf(table)).toEqual(expected);
  });

  test("lists every problem in one message that names the table", () => {
    expect(() => localizeFunctionsMetadata(METADATA, {}, OPTIONS)).toThrow(
      `${TABLE_FILE}: 2 problems:\n` +
        '- function PRICE has no zh-CN translation; add (translated) {"PRICE":{"description":"Returns the list price.","parameters":{"model":"Model name.","unit":"Unit."}}}\n' +
        '- function TICKER has no zh-CN translation; add (translated) {"TICKER":{"description":"Streams the latest figure.","result":"The figure."}}',
    );
  });

  test("the project's translation table is well-formed", () => {
    const table: unknown = JSON.parse(readFileSync(join(__dirname, "..", "..", TABLE_FILE), "utf8"));
    expect(TranslationTableSchema.safeParse(table).success).toBe(true);
  });
});

describe("LocalizeFunctionsMetadataPlugin", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "localize-plugin-"));
    writeFileSync(join(dir, "entry.js"), "export {};\n");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Emits functions.json the way CustomFunctionsMetadataPlugin does, when given metadata. */
  const fakeMetadataPlugin = (metadata: FunctionsMetadata | undefined) => (compiler: Compiler) => {
    compiler.hooks.compilation.tap("FakeMetadata", (compilation) => {
      if (metadata) compilation.assets["functions.json"] = new compiler.webpack.sources.RawSource(JSON.stringify(metadata));
    });
  };

  async function build(metadata: FunctionsMetadata | undefined, table: unknown): Promise<string[]> {
    const tableFile = join(dir, "zh-CN.json");
    writeFileSync(tableFile, JSON.stringify(table));
    const compiler = webpack({
      mode: "none",
      context: dir,
      entry: "./entry.js",
      output: { path: join(dir, "out") },
      plugins: [
        fakeMetadataPlugin(metadata),
        new LocalizeFunctionsMetadataPlugin({ metadataAsset: "functions.json", tableFile, locale: "zh-CN" }),
      ],
    });
    const stats = await new Promise<webpack.Stats>((resolve, reject) =>
      compiler.run((error, result) => (error || !result ? reject(error) : resolve(result))),
    );
    await new Promise<void>((resolve) => compiler.close(() => resolve()));
    return stats.compilation.errors.map((e) => e.message.split(tableFile).join("<table>"));
  }

  test("writes functions.zh-CN.json beside functions.json", async () => {
    expect(await build(METADATA, TABLE)).toEqual([]);
    const written = JSON.parse(readFileSync(join(dir, "out", "functions.zh-CN.json"), "utf8")) as FunctionsMetadata;
    expect(written).toEqual(localizeFunctionsMetadata(METADATA, TABLE, OPTIONS));
  });

  test("fails the build when a translation is missing", async () => {
    expect(await build(METADATA, { PRICE: TABLE.PRICE })).toEqual([
      'LocalizeFunctionsMetadataPlugin: <table>: 1 problem:\n- function TICKER has no zh-CN translation; add (translated) {"TICKER":{"description":"Streams the latest figure.","result":"The figure."}}',
    ]);
  });

  test("fails the build when functions.json was not generated", async () => {
    expect(await build(undefined, TABLE)).toEqual([
      "LocalizeFunctionsMetadataPlugin: functions.json was not generated, so no functions.zh-CN.json either",
    ]);
  });
});
