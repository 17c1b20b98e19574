import { cellError, metricQuery, revenueQuery } from "../core/function-calls";
import { buildTable, type Cell } from "../core/build-table";
import { listEntities, listMetrics, listTables } from "../core/catalogues";
import { datasetInfo } from "../core/dataset-info";
import type { DatasetState } from "../core/dataset-store";
import { describeSource } from "../core/describe-source";
import { queryFigure } from "../core/query-figure";

/** A formula's result as the simulator stores it: a value, an Excel error, or a 2-D array that spills. */
export type FormulaError = { error: string; message?: string };
export type FormulaValue = Cell | FormulaError;
export type FormulaResult = FormulaValue | FormulaValue[][];

type Arg = FormulaResult | null;

/**
 * Answers the formulas the add-in writes, and those a user types to try the functions, through
 * core, as the custom functions do: AIMARKET.REVENUE, METRIC, TABLE, TABLES, ENTITIES, METRICS,
 * SOURCE and INFO, and Excel's IFNA, IFERROR and INDEX around them. Arguments are text, numbers,
 * TRUE/FALSE or left out (null, as Excel passes). Anything else (cell references, operators) is
 * #NAME?: the simulator is not a spreadsheet engine.
 */
export function evaluateAimarketFormula(formula: string, state: DatasetState): FormulaResult {
  try {
    const parser = new Parser(formula.replace(/^=/, ""));
    const expression = parser.expression();
    parser.end();
    return evaluate(expression, state) ?? "";
  } catch (e) {
    if (e instanceof FormulaNameError) return { error: "#NAME?", message: e.message };
    throw e;
  }
}

class FormulaNameError extends Error {}

type Expression = { literal: Cell } | { call: string; args: (Expression | null)[] };

class Parser {
  private at = 0;
  constructor(private readonly text: string) {}

  expression(): Expression {
    this.space();
    const rest = this.text.slice(this.at);
    const string = /^"((?:[^"]|"")*)"/.exec(rest);
    if (string) {
      this.at += string[0].length;
      return { literal: string[1]!.replace(/""/g, '"') };
    }
    const number = /^-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?/i.exec(rest);
    if (number) {
      this.at += number[0].length;
      return { literal: Number(number[0]) };
    }
    const name = /^([A-Za-z_][A-Za-z0-9_.]*)\s*\(/.exec(rest);
    if (name) {
      this.at += name[0].length;
      const args: (Expression | null)[] = [];
      this.space();
      if (this.peek() === ")") {
        this.at += 1;
        return { call: name[1]!.toUpperCase(), args };
      }
      for (;;) {
        this.space();
        args.push(this.peek() === "," || this.peek() === ")" ? null : this.expression());
        this.space();
        const next = this.peek();
        this.at += 1;
        if (next === ")") return { call: name[1]!.toUpperCase(), args };
        if (next !== ",") throw new FormulaNameError(`Unexpected "${next ?? "end of formula"}" in the formula.`);
      }
    }
    const boolean = /^(TRUE|FALSE)\b/i.exec(rest);
    if (boolean) {
      this.at += boolean[0].length;
      return { literal: boolean[1]!.toUpperCase() === "TRUE" };
    }
    throw new FormulaNameError(`The simulator cannot read "${rest.slice(0, 20)}": it knows the AIMARKET functions, IFNA, IFERROR and INDEX.`);
  }

  end(): void {
    this.space();
    if (this.at < this.text.length) throw new FormulaNameError(`Unexpected "${this.text.slice(this.at, this.at + 20)}" in the formula.`);
  }

  private space(): void {
    while (this.at < this.text.length && /\s/.test(this.text[this.at]!)) this.at += 1;
  }

  private peek(): string | undefined {
    return this.text[this.at];
  }
}

function isError(x: unknown): x is FormulaError {
  return typeof x === "object" && x !== null && !Array.isArray(x) && "error" in x;
}

/** A core error as the cell shows it (core's cellError, which src/functions maps too). */
function toError(e: unknown): FormulaError {
  const { shows, message } = cellError(e);
  return { error: shows, message };
}

const AIMARKET: Record<string, (state: DatasetState, a: Arg[]) => FormulaResult> = {
  "AIMARKET.REVENUE": ({ index }, [vendor, year, currency, scale, bound]) => queryFigure(index, revenueQuery(vendor, year, currency, scale, bound)).value,
  "AIMARKET.METRIC": ({ index }, [entity, metric, year, currency, scale, bound, language]) =>
    queryFigure(index, metricQuery(entity, metric, year, currency, scale, bound, language)).value,
  "AIMARKET.TABLE": ({ index }, [table, language, currency, scale, bound]) => buildTable(index, table, { language, currency, scale, bound }),
  "AIMARKET.TABLES": ({ index }, [language]) => listTables(index, language),
  "AIMARKET.ENTITIES": ({ index }, [kind, language]) => listEntities(index, kind, language),
  "AIMARKET.METRICS": ({ index }, [entity, language]) => listMetrics(index, entity, language),
  "AIMARKET.SOURCE": ({ index }, [entity, metric, year, language]) => describeSource(index, entity, metric, language, year),
  "AIMARKET.INFO": (state, [field]) => datasetInfo(state, field),
};

function evaluate(expression: Expression | null, state: DatasetState): Arg {
  if (expression === null) return null;
  if ("literal" in expression) return expression.literal;
  const { call, args } = expression;
  if (call === "IFNA" || call === "IFERROR") {
    const value = evaluate(args[0] ?? null, state);
    const fallback = (): Arg => evaluate(args[1] ?? null, state) ?? "";
    if (isError(value) && (call === "IFERROR" || value.error === "#N/A")) return fallback();
    return value ?? "";
  }
  if (call === "INDEX") {
    const array = evaluate(args[0] ?? null, state);
    if (isError(array)) return array;
    const grid = Array.isArray(array) ? array : [[array ?? ""]];
    const row = Number(evaluate(args[1] ?? null, state) ?? 1);
    const column = Number(evaluate(args[2] ?? null, state) ?? 1);
    return grid[row - 1]?.[column - 1] ?? { error: "#REF!", message: `INDEX(${row}, ${column}) is outside the array.` };
  }
  const fn = AIMARKET[call];
  if (!fn) throw new FormulaNameError(`The simulator does not know the function ${call}.`);
  const values: Arg[] = [];
  for (const arg of args) {
    const value = evaluate(arg, state);
    if (isError(value)) return value;
    values.push(Array.isArray(value) ? { error: "#VALUE!", message: "A range cannot be an argument here." } : value);
  }
  const bad = values.find(isError);
  if (bad) return bad;
  try {
    return fn(state, values);
  } catch (e) {
    return toError(e);
  }
}
