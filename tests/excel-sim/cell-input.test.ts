import { dateSerial, interpretInput, serialDate, type CellInput } from "../../src/excel-sim/cell-input";
import { formatCellText } from "../../src/excel-sim/cell-text";
import type { EvaluatedValue } from "../../src/excel-sim";

describe("interpretInput: an entry written through values/formulas, as Excel reads typed input", () => {
  test.each<[unknown, string, CellInput | undefined]>([
    [null, "General", undefined],
    [undefined, "General", undefined],
    ["", "General", { kind: "clear" }],
    [42, "General", { kind: "value", value: 42 }],
    [-0.5, "General", { kind: "value", value: -0.5 }],
    [true, "General", { kind: "value", value: true }],
    ["OpenAI", "General", { kind: "value", value: "OpenAI" }],
    ["=SUM(A1:A3)", "General", { kind: "formula", formula: "=SUM(A1:A3)" }],
    ['=AIMARKET.REVENUE("OpenAI",2026)', "General", { kind: "formula", formula: '=AIMARKET.REVENUE("OpenAI",2026)' }],
    ["'=not a formula", "General", { kind: "value", value: "=not a formula" }],
    ["'2026", "General", { kind: "value", value: "2026" }],
    ["'", "General", { kind: "value", value: "" }],
    ["2026", "General", { kind: "value", value: 2026 }],
    [" 12.5 ", "General", { kind: "value", value: 12.5 }],
    ["+7", "General", { kind: "value", value: 7 }],
    ["-3", "General", { kind: "value", value: -3 }],
    ["1e3", "General", { kind: "value", value: 1000 }],
    [".5", "General", { kind: "value", value: 0.5 }],
    ["68%", "General", { kind: "value", value: 0.68, numberFormat: "0%" }],
    ["12.5%", "General", { kind: "value", value: 0.125, numberFormat: "0.00%" }],
    ["68%", "0.0", { kind: "value", value: 0.68 }],
    ["1,234", "General", { kind: "value", value: 1234, numberFormat: "#,##0" }],
    ["1,234.50", "General", { kind: "value", value: 1234.5, numberFormat: "#,##0.00" }],
    ["12,34", "General", { kind: "value", value: "12,34" }],
    ["TRUE", "General", { kind: "value", value: true }],
    ["false", "General", { kind: "value", value: false }],
    ["2026-02-22", "General", { kind: "value", value: 46075, numberFormat: "m/d/yyyy" }],
    ["2026-02-30", "General", { kind: "value", value: "2026-02-30" }],
    ["-abc", "General", { kind: "formula", formula: "=-abc" }],
    ["+x", "General", { kind: "formula", formula: "=+x" }],
    ["-", "General", { kind: "value", value: "-" }],
    ["5-18倍", "General", { kind: "value", value: "5-18倍" }],
    ["2026", "@", { kind: "value", value: "2026" }],
    ["=A1", "@", { kind: "value", value: "=A1" }],
    ["-abc", "@", { kind: "value", value: "-abc" }],
    [7, "@", { kind: "value", value: 7 }],
  ])("%j in a %s cell", (input, format, expected) => {
    expect(interpretInput(input, format, "Range.values")).toEqual(expected);
  });

  test.each<[unknown, string]>([
    [Number.NaN, "The argument is invalid or missing or has an incorrect format. NaN cannot be written to a cell."],
    [Number.POSITIVE_INFINITY, "The argument is invalid or missing or has an incorrect format. Infinity cannot be written to a cell."],
    [{}, "The argument is invalid or missing or has an incorrect format. A cell cannot hold a value of type object."],
    [new Date(0), "The argument is invalid or missing or has an incorrect format. A cell cannot hold a Date (write a date serial number or an ISO date string)."],
  ])("%p is rejected", (input, message) => {
    expect(() => interpretInput(input, "General", "Range.values")).toThrow(expect.objectContaining({ code: "InvalidArgument", message }));
  });
});

describe("Excel date serials (1900 system)", () => {
  test.each<[number, number, number, number]>([
    [1900, 1, 1, 1],
    [1900, 2, 28, 59],
    [1900, 3, 1, 61],
    [2026, 2, 22, 46075],
    [9999, 12, 31, 2958465],
  ])("%i-%i-%i is %i", (y, m, d, serial) => {
    expect(dateSerial(y, m, d)).toBe(serial);
    expect(serialDate(serial)).toEqual({ year: y, month: m, day: d });
  });

  test("day 60 is Excel's 1900-02-29", () => {
    expect(serialDate(60)).toEqual({ year: 1900, month: 2, day: 29 });
  });
});

describe("formatCellText: Range.text", () => {
  test.each<[EvaluatedValue, string, string]>([
    ["", "General", ""],
    ["OpenAI", "General", "OpenAI"],
    [true, "General", "TRUE"],
    [{ error: "#N/A", message: "no figure" }, "General", "#N/A"],
    [33000000000, "General", "33000000000"],
    [330000000000, "General", "3.3E+11"],
    [0.68, "General", "0.68"],
    [1 / 3, "General", "0.3333333333"],
    [0.000001, "General", "1E-06"],
    [0, "General", "0"],
    [1234.5, "0", "1235"],
    [1234.5, "0.00", "1234.50"],
    [1234567.891, "#,##0", "1,234,568"],
    [-1234567.891, "#,##0.00", "-1,234,567.89"],
    [0.68, "0%", "68%"],
    [0.1234, "0.0%", "12.3%"],
    [46075, "m/d/yyyy", "2/22/2026"],
    [46075, "yyyy-mm-dd", "2026-02-22"],
    [42, "@", "42"],
    [42, '"$"#,##0', "42"],
  ])("%j as %s -> %s", (value, format, text) => {
    expect(formatCellText(value, format)).toBe(text);
  });
});
