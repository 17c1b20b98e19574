/**
 * The formula builder's text and live value (src/core/formula-text.ts): the formula as Excel
 * stores it, and a round trip over every numeric figure of the report, through the preview's
 * evaluator and through the production functions bundle, to the value the builder shows.
 */
import { DatasetStore } from "../../src/core/dataset-store";
import { indexDataset } from "../../src/core/dataset-index";
import {
  applicableOptions,
  buildFormula,
  entityArgument,
  evaluateCall,
  evaluateChoice,
  formulaCall,
  formulaText,
  quoteText,
  tidyChoice,
  type FormulaArgument,
  type FormulaCall,
  type FormulaChoice,
} from "../../src/core/formula-text";
import type { Figure } from "../../src/core/schema";
import type { Scale } from "../../src/core/units";
import { evaluateAimarketFormula } from "../../src/preview/aimarket-evaluator";
import { bundledDataset } from "../helpers/bundled-dataset";
import { FunctionsBundle, StubExcelError } from "../helpers/functions-bundle";

const dataset = bundledDataset();
const state = new DatasetStore(dataset).current;
const index = state.index;

/** The scale argument that gives a figure's number as written (330 for 330亿); none for percentages. */
const WRITTEN_SCALE: Record<string, Scale | undefined> = { "": "1", 万: "万", 亿: "亿", 万亿: "万亿", "%": undefined };

/** A formula's function and arguments, read back independently of formulaText (for the bundle). */
function parseFormula(formula: string): { name: string; args: FormulaArgument[] } {
  const m = /^=AIMARKET\.([A-Z]+)\((.*)\)$/.exec(formula);
  if (!m) throw new Error(`Not an AIMARKET formula: ${formula}`);
  const args: FormulaArgument[] = [];
  const text = m[2]!;
  let at = 0;
  while (at <= text.length) {
    if (text[at] === '"') {
      let end = at + 1;
      let value = "";
      for (;;) {
        const q = text.indexOf('"', end);
        if (q < 0) throw new Error(`Unclosed string in ${formula}`);
        value += text.slice(end, q);
        if (text[q + 1] === '"') {
          value += '"';
          end = q + 2;
        } else {
          end = q + 1;
          break;
        }
      }
      args.push(value);
      at = end;
    } else {
      const comma = text.indexOf(",", at);
      const raw = text.slice(at, comma < 0 ? text.length : comma);
      args.push(raw === "" ? null : Number(raw));
      at = comma < 0 ? text.length : comma;
    }
    if (at >= text.length) break;
    if (text[at] !== ",") throw new Error(`Expected a comma at ${at} in ${formula}`);
    at += 1;
  }
  return { name: m[1]!, args: text === "" ? [] : args };
}

describe("formulaText", () => {
  test.each<[FormulaCall, string]>([
    [{ name: "REVENUE", args: ["OpenAI", 2026] }, '=AIMARKET.REVENUE("OpenAI",2026)'],
    [{ name: "REVENUE", args: ["Anthropic", 2026, null, "B", "low"] }, '=AIMARKET.REVENUE("Anthropic",2026,,"B","low")'],
    [{ name: "METRIC", args: ["Kimi 2.5", "total_params", null, null, "亿"] }, '=AIMARKET.METRIC("Kimi 2.5","total_params",,,"亿")'],
    [{ name: "METRIC", args: ['Say "hi"', "x"] }, '=AIMARKET.METRIC("Say ""hi""","x")'],
    [{ name: "METRIC", args: ["a", "b", 2026.5] }, '=AIMARKET.METRIC("a","b",2026.5)'],
  ])("%j is %s", (call, text) => {
    expect(formulaText(call)).toBe(text);
  });

  test("a number that is not finite is refused rather than written as NaN", () => {
    expect(() => formulaText({ name: "METRIC", args: ["a", "b", Number.NaN] })).toThrow("A formula argument must be a finite number; got NaN.");
  });

  test("quoteText doubles quotes and keeps everything else", () => {
    expect(quoteText('""')).toBe('""""""');
    expect(quoteText("字节跳动")).toBe('"字节跳动"');
  });
});

describe("buildFormula: REVENUE for a vendor's revenue, METRIC otherwise, defaults and what does not apply left out", () => {
  test.each<[FormulaChoice, string]>([
    [{ entity: "openai", metric: "revenue", year: 2026, currency: "USD", scale: "1", bound: "mid" }, '=AIMARKET.REVENUE("OpenAI",2026)'],
    [{ entity: "openai", metric: "revenue", bound: "low" }, '=AIMARKET.REVENUE("OpenAI")'],
    [{ entity: "anthropic", metric: "revenue", year: 2026, currency: "USD", scale: "B", bound: "low" }, '=AIMARKET.REVENUE("Anthropic",2026,,"B","low")'],
    [{ entity: "alibaba", metric: "revenue", year: 2026, currency: "CNY", scale: "亿", bound: "high" }, '=AIMARKET.REVENUE("Alibaba",2026,"CNY","亿","high")'],
    [{ entity: "bytedance", metric: "revenue", currency: "CNY" }, '=AIMARKET.REVENUE("ByteDance",,"CNY")'],
    [{ entity: "openai", metric: "compute_gw", year: 2026, currency: "CNY", scale: "B", bound: "high" }, '=AIMARKET.METRIC("OpenAI","compute_gw",2026)'],
    [{ entity: "openai", metric: "fortune500_penetration", scale: "M" }, '=AIMARKET.METRIC("OpenAI","fortune500_penetration")'],
    [{ entity: "google", metric: "cost_reduction", year: 2026, bound: "low" }, '=AIMARKET.METRIC("Google","cost_reduction",2026,,,"low")'],
    [{ entity: "kimi-2.5", metric: "total_params", scale: "万亿" }, '=AIMARKET.METRIC("Kimi 2.5","total_params",,,"万亿")'],
    [{ entity: "west", metric: "positioning", language: "zh", bound: "low" }, '=AIMARKET.METRIC("West","positioning",,,,,"zh")'],
    [{ entity: "west", metric: "positioning", language: "en" }, '=AIMARKET.METRIC("West","positioning")'],
    [{ entity: "global", metric: "market_growth", year: 2026 }, '=AIMARKET.METRIC("Global","market_growth",2026)'],
  ])("%j -> %s", (choice, formula) => {
    expect(buildFormula(index, choice)).toBe(formula);
  });

  test("a column shares its arguments: the bound stays when any entity's figure is a range", () => {
    const choice: FormulaChoice = { entity: "openai", metric: "revenue", year: 2026, bound: "high" };
    expect(buildFormula(index, choice)).toBe('=AIMARKET.REVENUE("OpenAI",2026)');
    expect(buildFormula(index, choice, ["openai", "anthropic"])).toBe('=AIMARKET.REVENUE("OpenAI",2026,,,"high")');
  });

  test("applicableOptions lists years latest first, null for figures without a year", () => {
    expect(applicableOptions(index, ["alibaba"], "revenue")).toEqual({ years: [2026], currency: true, scale: true, bound: true, language: false });
    expect(applicableOptions(index, ["kimi-2.5"], "total_params")).toEqual({ years: [null], currency: false, scale: true, bound: false, language: false });
    expect(applicableOptions(index, ["west"], "positioning")).toEqual({ years: [null], currency: false, scale: false, bound: false, language: true });
    expect(applicableOptions(index, ["openai"], "no_such_metric")).toEqual({ years: [], currency: false, scale: false, bound: false, language: false });
  });

  test("tidyChoice keeps the year as chosen, even when it is not available (the value then says so)", () => {
    expect(tidyChoice(index, { entity: "openai", metric: "revenue", year: 2025 })).toEqual({ entity: "openai", metric: "revenue", year: 2025 });
  });
});

describe("entityArgument: the English name, which finds the entity again", () => {
  test.each(dataset.entities.map((e) => [e.id, e.name.en] as const))("%s is written %s", (id, name) => {
    expect(entityArgument(index, id)).toBe(name);
  });

  test("the id when the English name would find another entity, and an unknown id as given", () => {
    const clash = structuredClone(dataset);
    // OpenAI comes first in the dataset, so the name "Global" as written now finds OpenAI.
    clash.entities.find((e) => e.id === "openai")!.aliases.push("Global");
    const clashIndex = indexDataset(clash);
    expect(entityArgument(clashIndex, "global")).toBe("global");
    expect(evaluateCall(clashIndex, { name: "METRIC", args: ["global", "market_growth"] })).toMatchObject({ ok: true, answer: { entity: { id: "global" } } });
    const renamed = structuredClone(dataset);
    renamed.entities.find((e) => e.id === "meta")!.name.en = "OpenAI";
    expect(entityArgument(indexDataset(renamed), "meta")).toBe("meta");
    expect(entityArgument(index, "no-such-entity")).toBe("no-such-entity");
  });

  test("a name with a quote is written with the quote doubled and evaluates to that entity", () => {
    const quoted = structuredClone(dataset);
    quoted.entities.find((e) => e.id === "openai")!.name.en = 'Open "AI"';
    const quotedState = new DatasetStore(quoted).current;
    const formula = buildFormula(quotedState.index, { entity: "openai", metric: "revenue", scale: "亿" });
    expect(formula).toBe('=AIMARKET.REVENUE("Open ""AI""",,,"亿")');
    expect(evaluateAimarketFormula(formula, quotedState)).toBe(330);
  });
});

describe("round trip: for every numeric figure, the formula shows the value the builder shows, and that is the report's number", () => {
  const numeric = dataset.figures.filter((f) => f.text === undefined);
  const cases = numeric.flatMap((f) => (["low", "mid", "high"] as const).map((bound) => [f.id, bound, f] as const));

  function choiceFor(f: Figure, bound: "low" | "mid" | "high"): FormulaChoice {
    return { entity: f.entity, metric: f.metric, year: f.period ?? undefined, currency: f.currency, scale: WRITTEN_SCALE[f.scale ?? ""], bound };
  }

  function expectedNumber(f: Figure, bound: "low" | "mid" | "high"): number {
    const low = f.low ?? f.value!;
    const high = f.high ?? f.value!;
    const written = bound === "low" ? low : bound === "high" ? high : (low + high) / 2;
    return f.scale === "%" ? written / 100 : written;
  }

  test("covers every numeric figure", () => {
    expect(numeric.length).toBeGreaterThan(80);
    expect(cases).toHaveLength(numeric.length * 3);
  });

  test.each(cases)("%s (%s)", (_id, bound, f) => {
    const choice = choiceFor(f, bound);
    const outcome = evaluateChoice(index, choice);
    if (!outcome.ok) throw new Error(`${f.id}: ${outcome.message}`);
    expect(outcome.answer.figure.id).toBe(f.id);
    expect(outcome.answer.value).toBeCloseTo(expectedNumber(f, bound), 12);
    expect(outcome.range).toBe(f.low !== undefined && f.low !== f.high);
    const formula = buildFormula(index, choice);
    expect(evaluateAimarketFormula(formula, state)).toBe(outcome.answer.value);
  });
});

describe("errors: the exact error and message the function gives", () => {
  test.each<[FormulaChoice, "#N/A" | "#VALUE!", string]>([
    [{ entity: "openai", metric: "revenue", year: 2025 }, "#N/A", `The report gives OpenAI's "revenue" for 2026 only, not for 2025. Leave the year empty for the latest.`],
    [{ entity: "kimi-2.5", metric: "total_params", year: 2026 }, "#N/A", `The report gives Kimi 2.5's "total_params" without a year, not for 2026. Leave the year empty.`],
    [{ entity: "openai", metric: "domestic_chip_share" }, "#N/A", `The report gives no "domestic_chip_share" for OpenAI. METRICS("OpenAI") lists what it has.`],
  ])("%j is %s", (choice, error, message) => {
    expect(evaluateChoice(index, choice)).toEqual({ ok: false, error, message });
    expect(evaluateAimarketFormula(buildFormula(index, choice), state)).toEqual({ error, message });
  });

  test("a bad argument is #VALUE! with the function's message", () => {
    const call: FormulaCall = { name: "METRIC", args: ["OpenAI", "mau", null, null, "lots"] };
    const outcome = evaluateCall(index, call);
    expect(outcome).toEqual({ ok: false, error: "#VALUE!", message: "Unknown scale \"lots\". Use one of 1, K, M, B, T, 万, 亿, 万亿, or leave it empty for base units." });
    expect(evaluateAimarketFormula(formulaText(call), state)).toEqual({ error: "#VALUE!", message: outcome.ok ? "" : outcome.message });
  });

  test("REVENUE of a camp is refused as the function refuses it", () => {
    const outcome = evaluateCall(index, { name: "REVENUE", args: ["China"] });
    expect(outcome.ok).toBe(false);
    expect(evaluateAimarketFormula('=AIMARKET.REVENUE("China")', state)).toEqual(outcome.ok ? {} : { error: outcome.error, message: outcome.message });
  });

  test("formulaCall uses METRIC for revenue of an entity that is not a vendor", () => {
    expect(formulaCall(index, { entity: "china", metric: "revenue" })).toEqual({ name: "METRIC", args: ["China", "revenue"] });
  });
});

describe("through the production functions bundle", () => {
  let bundle: FunctionsBundle;
  beforeAll(() => {
    bundle = new FunctionsBundle();
  });

  test("parseFormula reads back what formulaText writes", () => {
    const call: FormulaCall = { name: "METRIC", args: ['a "b", c', "x", null, 2026, null, "亿"] };
    expect(parseFormula(formulaText(call))).toEqual({ name: "METRIC", args: call.args });
  });

  // Every third numeric figure and every revenue figure, each bound, in both currencies for money.
  const sample = dataset.figures.filter((f, i) => f.text === undefined && (i % 3 === 0 || f.metric === "revenue"));
  test.each(sample.map((f) => [f.id, f] as const))("%s", (_id, f) => {
    expect(sample.length).toBeGreaterThan(25);
    for (const bound of ["low", "mid", "high"] as const) {
      for (const currency of f.currency ? (["USD", "CNY"] as const) : [undefined]) {
        const choice: FormulaChoice = { entity: f.entity, metric: f.metric, year: f.period ?? undefined, currency, scale: "M", bound };
        const outcome = evaluateChoice(index, choice);
        if (!outcome.ok) throw new Error(`${f.id}: ${outcome.message}`);
        const { name, args } = parseFormula(buildFormula(index, choice));
        expect({ formula: buildFormula(index, choice), value: bundle.call(name, ...args) }).toEqual({ formula: buildFormula(index, choice), value: outcome.answer.value });
      }
    }
  });

  test("an error is the same code and message in the bundle", () => {
    const choice: FormulaChoice = { entity: "openai", metric: "revenue", year: 2025 };
    const outcome = evaluateChoice(index, choice);
    const { name, args } = parseFormula(buildFormula(index, choice));
    const got = bundle.call(name, ...args) as StubExcelError;
    expect(got).toBeInstanceOf(StubExcelError);
    expect({ code: got.code, message: got.message }).toEqual(outcome.ok ? {} : { code: outcome.error, message: outcome.message });
  });
});
