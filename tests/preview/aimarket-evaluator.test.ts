import { buildTable } from "../../src/core/build-table";
import { DatasetStore } from "../../src/core/dataset-store";
import { planTable } from "../../src/excel/plan-table";
import { evaluateAimarketFormula } from "../../src/preview/aimarket-evaluator";
import { bundledDataset } from "../helpers/bundled-dataset";

const state = new DatasetStore(bundledDataset()).current;
const evaluate = (formula: string) => evaluateAimarketFormula(formula, state);

describe("the simulator's formula evaluator", () => {
  test.each([
    ['=AIMARKET.REVENUE("OpenAI",2026)', 33000000000],
    ['=AIMARKET.REVENUE("阿里巴巴",,"CNY","亿","low")', 220],
    ['=aimarket.metric("OpenAI","compute_gw")', 1.9],
    ['=IFNA(AIMARKET.METRIC("openai","revenue",2026,"USD","B","low"),"")', 33],
    ['=IFNA(AIMARKET.METRIC("tencent","compute_gw",2026,"USD","1","mid"),"")', ""],
    ['=INDEX(AIMARKET.TABLE("vendors_china","zh"),2,4)', "19亿美元(国内首位)"],
    ['=AIMARKET.INFO("version")', "1.0.0"],
    ["=TRUE", true],
    ['="say ""hi"""', 'say "hi"'],
  ])("%s is %p", (formula, expected) => {
    expect(evaluate(formula)).toEqual(expected);
  });

  test("TABLE spills the table core builds", () => {
    expect(evaluate('=AIMARKET.TABLE("vendor_revenue","en","USD","1","mid")')).toEqual(
      buildTable(state.index, "vendor_revenue", { language: "en", currency: "USD", scale: "1", bound: "mid" }),
    );
  });

  test("answers every formula a live or spill table is written with", () => {
    for (const table of state.index.dataset.tables) {
      for (const mode of ["live", "spill"] as const) {
        const plan = planTable(state, { tableId: table.id, mode, language: "zh", currency: "CNY", scale: "亿", bound: "high" });
        const answers = plan.written.map((row) => row.map((cell) => (typeof cell === "string" && cell.startsWith("=") ? evaluate(cell) : cell)));
        expect({ id: table.id, mode, answers }).toEqual({ id: table.id, mode, answers: mode === "spill" ? [[plan.shown]] : plan.shown });
      }
    }
  });

  test.each([
    ['=AIMARKET.REVENUE("OpenAl")', { error: "#N/A", message: 'Unknown vendor "OpenAl". Did you mean "OpenAI"?' }],
    ['=AIMARKET.REVENUE("OpenAI",,"EUR")', { error: "#VALUE!", message: 'Unknown currency "EUR". Use "USD" or "CNY", or leave it empty for USD.' }],
    ['=IFERROR(AIMARKET.REVENUE("OpenAI",,"EUR"),"?")', "?"],
    ['=IFNA(AIMARKET.REVENUE("OpenAI",,"EUR"),"?")', { error: "#VALUE!", message: 'Unknown currency "EUR". Use "USD" or "CNY", or leave it empty for USD.' }],
    ['=INDEX(AIMARKET.TABLE("vendor_revenue"),99,1)', { error: "#REF!", message: "INDEX(99, 1) is outside the array." }],
    ["=SUM(A1:A3)", { error: "#NAME?", message: 'The simulator cannot read "A1:A3)": it knows the AIMARKET functions, IFNA, IFERROR and INDEX.' }],
    ["=A1+1", { error: "#NAME?", message: 'The simulator cannot read "A1+1": it knows the AIMARKET functions, IFNA, IFERROR and INDEX.' }],
    ["=NOW()", { error: "#NAME?", message: "The simulator does not know the function NOW." }],
  ])("%s is %p", (formula, expected) => {
    expect(evaluate(formula)).toEqual(expected);
  });
});
