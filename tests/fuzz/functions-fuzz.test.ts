import { contractBreach, fuzzFunctions } from "../../src/build/fuzz-functions";
import { FunctionsBundle, StubExcelError } from "../helpers/functions-bundle";

test("1,000 random calls of every custom function keep its contract (production bundle)", () => {
  const report = fuzzFunctions(new FunctionsBundle(), 1000);
  expect(report.firstFailure).toBeUndefined();
  expect(report.failures).toBe(0);
  expect(report.cases).toBeGreaterThanOrEqual(1000);
});

test.each<[string, Parameters<typeof contractBreach>[0], unknown, string | undefined]>([
  ["a finite number", "number", 3.3, undefined],
  ["NaN", "number", Number.NaN, "not a finite number: NaN"],
  ["undefined", "number-or-text", undefined, "not a number or text: undefined"],
  ["a ragged array", "matrix", [["a", "b"], ["c"]], "not rectangular"],
  ["Infinity in a table", "matrix", [["a"], [Number.POSITIVE_INFINITY]], "a cell that is not text, a finite number or a boolean"],
  ["an error with a message", "number", new StubExcelError("#N/A", "why"), undefined],
  ["an error without one", "number", new StubExcelError("#N/A"), "an error without a message"],
  ["another error code", "text", new StubExcelError("#DIV/0!", "x"), "error code #DIV/0!"],
])("the contract check catches %s", (_name, kind, result, breach) => {
  expect(contractBreach(kind, result)).toBe(breach);
});
