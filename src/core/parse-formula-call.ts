/**
 * Finds the AIMARKET call in a cell formula as Excel's `Range.formulas` gives it: English function
 * names and comma separators whatever the user's locale, e.g. `=AIMARKET.REVENUE("OpenAI",2026)`,
 * also inside a larger formula (`=ROUND(AIMARKET.METRIC(...),1)`). Excel writes a custom function
 * it has not registered (the add-in not loaded yet) as `_xldudf_AIMARKET_REVENUE`, the namespace's
 * dot turned into an underscore, sometimes behind a link prefix (`[2]!_xldudf_...`); both are read.
 * Pure: no Excel. Cell references are returned for the caller to read.
 */

/** The custom functions and their parameters, in the order Excel passes them (src/functions/functions.ts). */
export const FUNCTION_PARAMETERS = {
  REVENUE: ["vendor", "year", "currency", "scale", "bound"],
  METRIC: ["entity", "metric", "year", "currency", "scale", "bound", "language"],
  TABLE: ["table", "language", "currency", "scale", "bound"],
  TABLES: ["language"],
  ENTITIES: ["kind", "language"],
  METRICS: ["entity", "language"],
  SOURCE: ["entity", "metric", "year", "language"],
  INFO: ["field"],
} as const;

export type FunctionName = keyof typeof FUNCTION_PARAMETERS;

/** One argument as written. A reference's `address` has no `$` and no sheet ("C3"). */
export type FormulaArg =
  | { kind: "omitted" }
  | { kind: "string"; value: string }
  | { kind: "number"; value: number }
  | { kind: "boolean"; value: boolean }
  | { kind: "reference"; sheet?: string; address: string; text: string }
  | { kind: "expression"; text: string };

export interface FormulaCall {
  fn: FunctionName;
  /** The name as the formula writes it: "AIMARKET.REVENUE", "aimarket.revenue", "_xldudf_AIMARKET_REVENUE". */
  written: string;
  /** The arguments as written; fewer than the parameters when the formula stops early. */
  args: FormulaArg[];
  /** The call is the whole formula (`=AIMARKET.X(...)`), so the cell shows what the call answers. */
  whole: boolean;
  /** `INDEX(<call>, row, column)` with numbers: the 1-based cell of the call's array the formula shows. */
  index?: { row: number; column: number };
  /** Further AIMARKET calls in the formula (only the first is described). */
  others: number;
}

/** What a formula holds as far as AIMARKET goes: a call, a name that is not one of its functions, or nothing. */
export type ParsedFormula =
  | { kind: "call"; call: FormulaCall }
  | { kind: "unknown-function"; written: string }
  | { kind: "none" };

type TokenKind = "string" | "number" | "name" | "sheet" | "open" | "close" | "comma" | "space" | "other";
interface Token {
  kind: TokenKind;
  text: string;
  start: number;
}

const MAX_COLUMN = 16384;
const MAX_ROW = 1048576;
const AIMARKET_NAME = /^(?:\[\d+\]!)?(?:_xldudf_)?AIMARKET[._]([A-Z][A-Z0-9_.]*)$/i;

/** Splits a formula into tokens; text inside strings, quoted sheet names and brackets stays whole. */
function tokenize(formula: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  const push = (kind: TokenKind, end: number) => {
    tokens.push({ kind, text: formula.slice(at, end), start: at });
    at = end;
  };
  while (at < formula.length) {
    const c = formula[at]!;
    if (c === '"') {
      let end = at + 1;
      for (;;) {
        if (end >= formula.length) break;
        if (formula[end] === '"') {
          if (formula[end + 1] === '"') end += 2;
          else {
            end += 1;
            break;
          }
        } else end += 1;
      }
      push("string", end);
    } else if (c === "'") {
      let end = at + 1;
      while (end < formula.length) {
        if (formula[end] === "'") {
          if (formula[end + 1] === "'") end += 2;
          else {
            end += 1;
            break;
          }
        } else end += 1;
      }
      push(formula[end] === "!" ? "sheet" : "other", formula[end] === "!" ? end + 1 : end);
    } else if (/\s/.test(c)) {
      let end = at + 1;
      while (end < formula.length && /\s/.test(formula[end]!)) end += 1;
      push("space", end);
    } else if (c === "(") push("open", at + 1);
    else if (c === ")") push("close", at + 1);
    else if (c === ",") push("comma", at + 1);
    else if (c === "[" && /^\[\d+\]!/.test(formula.slice(at))) {
      // A link prefix Excel puts before a function it found in another workbook: [2]!_xldudf_X.
      const m = /^\[\d+\]![A-Za-z_\\][\w.]*/.exec(formula.slice(at));
      push("name", at + (m ? m[0].length : formula.slice(at).indexOf("!") + 1));
    } else if (c === "{" || c === "[") {
      const close = c === "{" ? "}" : "]";
      let depth = 0;
      let end = at;
      while (end < formula.length) {
        if (formula[end] === c) depth += 1;
        else if (formula[end] === close && --depth === 0) {
          end += 1;
          break;
        }
        end += 1;
      }
      push("other", end);
    } else if (/[0-9.]/.test(c) && /^(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?/i.test(formula.slice(at))) {
      const m = /^(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?/i.exec(formula.slice(at))!;
      // A number glued to letters or "$" is part of a name or reference (1A, 2:2 stay "other").
      if (/^[A-Za-z_$]/.test(formula.slice(at + m[0].length)) && !/e/i.test(m[0])) push("other", at + m[0].length);
      else push("number", at + m[0].length);
    } else if (/[A-Za-z_\\$\[]/.test(c) || /\p{L}/u.test(c)) {
      // Names and references: letters, digits, _ . $ and a sheet's "!" (Sheet1!A1, $B$2).
      const m = /^[A-Za-z_\\$\p{L}][\w.$\p{L}]*(?:!\$?[A-Za-z]*\$?\d*)?/u.exec(formula.slice(at));
      push("name", at + (m ? m[0].length : 1));
    } else push("other", at + 1);
  }
  return tokens;
}

/**
 * The first AIMARKET call in `formula` (a cell's formula, starting with "="), its arguments and
 * where it sits; `{ kind: "none" }` for anything else, a constant included.
 */
export function parseFormulaCall(formula: unknown): ParsedFormula {
  if (typeof formula !== "string" || !formula.startsWith("=")) return { kind: "none" };
  const tokens = tokenize(formula);
  const calls: number[] = [];
  tokens.forEach((t, i) => {
    if (t.kind === "name" && AIMARKET_NAME.test(t.text) && tokens[i + 1]?.kind === "open") calls.push(i);
  });
  if (calls.length === 0) return { kind: "none" };
  const first = calls[0]!;
  const written = tokens[first]!.text;
  const suffix = AIMARKET_NAME.exec(written)![1]!.toUpperCase();
  if (!Object.prototype.hasOwnProperty.call(FUNCTION_PARAMETERS, suffix)) return { kind: "unknown-function", written };
  const fn = suffix as FunctionName;

  const { args, close } = splitArguments(tokens, first + 2);
  // tokens[0] is the formula's "=".
  const before = tokens.slice(1, first).filter((t) => t.kind !== "space");
  const after = tokens.slice(close + 1).filter((t) => t.kind !== "space");
  const call: FormulaCall = {
    fn,
    written,
    args: args.map((a) => readArgument(formula, a)),
    whole: (before.length === 0 && after.length === 0) || wrappedForNoAnswer(tokens, first, close),
    others: calls.length - 1,
  };
  const index = enclosingIndex(tokens, first, close);
  if (index) call.index = index;
  return { kind: "call", call };
}

/** Token ranges of the arguments of the call whose "(" is just before `from`, and the index of its ")". */
function splitArguments(tokens: Token[], from: number): { args: Token[][]; close: number } {
  const args: Token[][] = [];
  let current: Token[] = [];
  let depth = 0;
  let i = from;
  for (; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (depth === 0 && t.kind === "close") break;
    if (depth === 0 && t.kind === "comma") {
      args.push(current);
      current = [];
      continue;
    }
    if (t.kind === "open") depth += 1;
    if (t.kind === "close") depth -= 1;
    current.push(t);
  }
  // `=AIMARKET.INFO()` has no argument; `=AIMARKET.INFO(,)` has two omitted ones.
  if (args.length > 0 || current.some((t) => t.kind !== "space")) args.push(current);
  return { args, close: Math.min(i, tokens.length - 1) };
}

function readArgument(formula: string, tokens: Token[]): FormulaArg {
  const parts = tokens.filter((t) => t.kind !== "space");
  const text = parts.length === 0 ? "" : formula.slice(parts[0]!.start, parts[parts.length - 1]!.start + parts[parts.length - 1]!.text.length);
  if (parts.length === 0) return { kind: "omitted" };
  if (parts.length === 1 && parts[0]!.kind === "string" && /^"(?:[^"]|"")*"$/.test(parts[0]!.text)) {
    return { kind: "string", value: parts[0]!.text.slice(1, -1).replace(/""/g, '"') };
  }
  const number = /^([+-]?)\s*((?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)\s*(%?)$/i.exec(text);
  if (number) {
    const n = Number(number[2]) * (number[1] === "-" ? -1 : 1) / (number[3] ? 100 : 1);
    if (Number.isFinite(n)) return { kind: "number", value: n };
  }
  if (/^(TRUE|FALSE)$/i.test(text)) return { kind: "boolean", value: text.toUpperCase() === "TRUE" };
  const reference = readReference(text);
  if (reference) return reference;
  return { kind: "expression", text };
}

/** A single cell: A1, $B$2, Sheet1!C3, 'My sheet'!C3. Ranges, names and whole rows or columns are not. */
function readReference(text: string): FormulaArg | undefined {
  const m = /^(?:'((?:[^']|'')+)'!|([A-Za-z_\p{L}][\w.\p{L}]*)!)?\$?([A-Za-z]{1,3})\$?(\d{1,7})$/u.exec(text);
  if (!m) return undefined;
  const column = m[3]!.toUpperCase().split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const row = Number(m[4]);
  if (column > MAX_COLUMN || row < 1 || row > MAX_ROW) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  const address = `${m[3]!.toUpperCase()}${row}`;
  return sheet === undefined ? { kind: "reference", address, text } : { kind: "reference", sheet, address, text };
}

/**
 * `=IFNA(<call>, "")` or `=IFERROR(<call>, <constant>)` as the whole formula (the live tables' form):
 * the cell shows what the call answers, or the constant when it has no answer.
 */
function wrappedForNoAnswer(tokens: Token[], first: number, close: number): boolean {
  const solid = tokens.filter((t, i) => t.kind !== "space" && i > 0);
  const at = solid.indexOf(tokens[first]!);
  const end = solid.indexOf(tokens[close]!);
  const [name, open] = solid;
  if (name?.kind !== "name" || !/^(IFNA|IFERROR)$/i.test(name.text) || open?.kind !== "open" || at !== 2) return false;
  const rest = solid.slice(end + 1);
  return rest.length === 3 && rest[0]!.kind === "comma" && (rest[1]!.kind === "string" || rest[1]!.kind === "number") && rest[2]!.kind === "close";
}

/** `INDEX(<call>, r, c)` around the call, with plain numbers for r and c (the live tables' form). */
function enclosingIndex(tokens: Token[], first: number, close: number): FormulaCall["index"] {
  const solid = (from: number, step: 1 | -1): Token[] => {
    const out: Token[] = [];
    for (let i = from; i >= 0 && i < tokens.length && out.length < 6; i += step) if (tokens[i]!.kind !== "space") out.push(tokens[i]!);
    return out;
  };
  const [open, name] = solid(first - 1, -1);
  if (open?.kind !== "open" || name?.kind !== "name" || name.text.toUpperCase() !== "INDEX") return undefined;
  const [c1, row, c2, column, end] = solid(close + 1, 1);
  if (c1?.kind !== "comma" || row?.kind !== "number" || c2?.kind !== "comma" || column?.kind !== "number" || end?.kind !== "close") return undefined;
  return { row: Number(row.text), column: Number(column.text) };
}
