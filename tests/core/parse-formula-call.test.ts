import { readFileSync } from "node:fs";
import { join } from "node:path";
import { FUNCTION_PARAMETERS, parseFormulaCall, type FormulaArg } from "../../src/core/parse-formula-call";

const callOf = (formula: string) => {
  const parsed = parseFormulaCall(formula);
  if (parsed.kind !== "call") throw new Error(`no call in ${formula}: ${JSON.stringify(parsed)}`);
  return parsed.call;
};

const s = (value: string): FormulaArg => ({ kind: "string", value });
const n = (value: number): FormulaArg => ({ kind: "number", value });
const omitted: FormulaArg = { kind: "omitted" };

describe("finding the call", () => {
  test.each<[string, string, boolean]>([
    ['=AIMARKET.REVENUE("OpenAI",2026,"USD","B","mid")', "REVENUE", true],
    ['=aimarket.revenue("OpenAI")', "REVENUE", true],
    ['=AIMARKET.REVENUE("OpenAI",2026)*2', "REVENUE", false],
    ['=ROUND(AIMARKET.METRIC("OpenAI","mau"),1)', "METRIC", false],
    ['= AIMARKET.TABLE( "vendor_revenue" ) ', "TABLE", true],
    ['=IFNA(AIMARKET.METRIC("openai","revenue",2026,"USD","B","low"),"")', "METRIC", true],
    ['=IFERROR(AIMARKET.METRIC("openai","revenue"),0)', "METRIC", true],
    ['=IFERROR(AIMARKET.METRIC("openai","revenue"),A1)', "METRIC", false],
    ['=_xldudf_AIMARKET_REVENUE("OpenAI")', "REVENUE", true],
    ['=_XLDUDF_AIMARKET_SOURCE("OpenAI","revenue")', "SOURCE", true],
    ['=[2]!_xldudf_AIMARKET_INFO("version")', "INFO", true],
    ["=AIMARKET.TABLES()", "TABLES", true],
    ['=AIMARKET.ENTITIES("vendor","zh")', "ENTITIES", true],
    ['=AIMARKET.METRICS("OpenAI")', "METRICS", true],
  ])("%s -> %s (whole: %s)", (formula, fn, whole) => {
    const call = callOf(formula);
    expect(call.fn).toBe(fn);
    expect(call.whole).toBe(whole);
  });

  test.each([["=SUM(A1:A3)"], ["AIMARKET.REVENUE(\"OpenAI\")"], ['="AIMARKET.REVENUE(1)"'], ["=MYAIMARKET.REVENUE(1)"], [""], [42], [null], ["=AIMARKET.REVENUE"]])(
    "%p holds no AIMARKET call",
    (formula) => {
      expect(parseFormulaCall(formula)).toEqual({ kind: "none" });
    },
  );

  test("a name in the namespace that is not a function of it", () => {
    expect(parseFormulaCall("=AIMARKET.PRICE(1)")).toEqual({ kind: "unknown-function", written: "AIMARKET.PRICE" });
    expect(parseFormulaCall("=_xldudf_AIMARKET_PRICE(1)")).toEqual({ kind: "unknown-function", written: "_xldudf_AIMARKET_PRICE" });
  });

  test("INDEX(<call>, row, column) tells which cell of the array the formula shows", () => {
    expect(callOf('=INDEX(AIMARKET.TABLE("vendors_china","zh"),2,4)').index).toEqual({ row: 2, column: 4 });
    expect(callOf('=INDEX(AIMARKET.TABLE("vendors_china"),A1,4)').index).toBeUndefined();
    expect(callOf('=AIMARKET.TABLE("vendors_china")').index).toBeUndefined();
  });

  test("only the first call is described; the others are counted", () => {
    const call = callOf('=AIMARKET.REVENUE("OpenAI")+AIMARKET.REVENUE("Google")');
    expect(call.args).toEqual([s("OpenAI")]);
    expect(call.others).toBe(1);
  });
});

describe("arguments", () => {
  test.each<[string, FormulaArg[]]>([
    ['=AIMARKET.REVENUE("OpenAI",2026,"USD","B","mid")', [s("OpenAI"), n(2026), s("USD"), s("B"), s("mid")]],
    ['=AIMARKET.REVENUE("阿里巴巴",,"CNY","亿","low")', [s("阿里巴巴"), omitted, s("CNY"), s("亿"), s("low")]],
    ['=AIMARKET.METRIC("say ""hi""", "mau" ,  ,)', [s('say "hi"'), s("mau"), omitted, omitted]],
    ['=AIMARKET.METRIC("a,b)c","x")', [s("a,b)c"), s("x")]],
    ["=AIMARKET.INFO(,)", [omitted, omitted]],
    ["=AIMARKET.INFO()", []],
    ["=AIMARKET.METRIC(TRUE,false,-5,1.5E3,.5,50%)", [{ kind: "boolean", value: true }, { kind: "boolean", value: false }, n(-5), n(1500), n(0.5), n(0.5)]],
    [
      "=AIMARKET.METRIC(A1,$B$2,Sheet1!C3,'My sheet'!C3,'It''s'!$D$9,xfd1048576)",
      [
        { kind: "reference", address: "A1", text: "A1" },
        { kind: "reference", address: "B2", text: "$B$2" },
        { kind: "reference", sheet: "Sheet1", address: "C3", text: "Sheet1!C3" },
        { kind: "reference", sheet: "My sheet", address: "C3", text: "'My sheet'!C3" },
        { kind: "reference", sheet: "It's", address: "D9", text: "'It''s'!$D$9" },
        { kind: "reference", address: "XFD1048576", text: "xfd1048576" },
      ],
    ],
    [
      '=AIMARKET.METRIC(A1:B2,1+2,UPPER("x"),Table1[Col],XFE1,A0,{1,2},AIMARKET.INFO("x"))',
      [
        { kind: "expression", text: "A1:B2" },
        { kind: "expression", text: "1+2" },
        { kind: "expression", text: 'UPPER("x")' },
        { kind: "expression", text: "Table1[Col]" },
        { kind: "expression", text: "XFE1" },
        { kind: "expression", text: "A0" },
        { kind: "expression", text: "{1,2}" },
        { kind: "expression", text: 'AIMARKET.INFO("x")' },
      ],
    ],
  ])("%s", (formula, args) => {
    expect(callOf(formula).args).toEqual(args);
  });

  test("every function's parameters are listed in the order src/functions/functions.ts declares them", () => {
    const source = readFileSync(join(__dirname, "../../src/functions/functions.ts"), "utf8");
    for (const [fn, params] of Object.entries(FUNCTION_PARAMETERS)) {
      const block = new RegExp(`@customfunction ${fn}\\n([\\s\\S]*?)@returns`).exec(source)![1]!;
      const declared = [...block.matchAll(/@param (?:\[(\w+)\]|(\w+))/g)].map((m) => m[1] ?? m[2]).filter((p) => p !== "invocation");
      expect([fn, declared]).toEqual([fn, [...params]]);
    }
  });
});
