import { AddressError, columnIndex, columnLetters, formatAddress, parseAddress, quoteSheetName, type RangeAddress } from "../../src/excel-sim";

describe("columnLetters / columnIndex", () => {
  test.each<[number, string]>([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [51, "AZ"],
    [52, "BA"],
    [701, "ZZ"],
    [702, "AAA"],
    [16383, "XFD"],
  ])("%i <-> %s", (index, letters) => {
    expect(columnLetters(index)).toBe(letters);
    expect(columnIndex(letters)).toBe(index);
    expect(columnIndex(letters.toLowerCase())).toBe(index);
  });

  test.each<[() => unknown, string]>([
    [() => columnLetters(-1), "Column index -1 is off the grid: columns run from 0 (A) to 16383 (XFD)."],
    [() => columnLetters(16384), "Column index 16384 is off the grid: columns run from 0 (A) to 16383 (XFD)."],
    [() => columnLetters(1.5), "Column index 1.5 is off the grid: columns run from 0 (A) to 16383 (XFD)."],
    [() => columnIndex("XFE"), "Column XFE is off the grid: columns run from A to XFD."],
    [() => columnIndex("A1"), 'Column letters "A1" are not valid: expected 1 to 3 letters from A to XFD.'],
    [() => columnIndex(""), 'Column letters "" are not valid: expected 1 to 3 letters from A to XFD.'],
  ])("%#: %s", (call, message) => {
    expect(call).toThrow(new RangeError(message));
  });
});

describe("parseAddress", () => {
  test.each<[string, RangeAddress]>([
    ["B2", { row: 1, column: 1, rowCount: 1, columnCount: 1 }],
    ["b2", { row: 1, column: 1, rowCount: 1, columnCount: 1 }],
    ["$B$2", { row: 1, column: 1, rowCount: 1, columnCount: 1 }],
    ["B2:F11", { row: 1, column: 1, rowCount: 10, columnCount: 5 }],
    ["F11:B2", { row: 1, column: 1, rowCount: 10, columnCount: 5 }],
    ["$B2:F$11", { row: 1, column: 1, rowCount: 10, columnCount: 5 }],
    ["Sheet1!B2:F11", { sheet: "Sheet1", row: 1, column: 1, rowCount: 10, columnCount: 5 }],
    ["'My Sheet'!A1", { sheet: "My Sheet", row: 0, column: 0, rowCount: 1, columnCount: 1 }],
    ["'Bob''s data'!C3", { sheet: "Bob's data", row: 2, column: 2, rowCount: 1, columnCount: 1 }],
    ["'数据'!A1", { sheet: "数据", row: 0, column: 0, rowCount: 1, columnCount: 1 }],
    ["数据!A1", { sheet: "数据", row: 0, column: 0, rowCount: 1, columnCount: 1 }],
    ["XFD1048576", { row: 1048575, column: 16383, rowCount: 1, columnCount: 1 }],
    ["B:D", { row: 0, column: 1, rowCount: 1048576, columnCount: 3 }],
    ["3:4", { row: 2, column: 0, rowCount: 2, columnCount: 16384 }],
    [" A1 ", { row: 0, column: 0, rowCount: 1, columnCount: 1 }],
  ])("%s", (address, expected) => {
    expect(parseAddress(address)).toEqual(expected);
  });

  const SHAPE = 'expected a cell like "B2", a range like "B2:F11", whole columns like "B:F" or whole rows like "2:11", optionally after a sheet name ("Sheet1!B2", "\'My Sheet\'!B2").';
  test.each<[string, string]>([
    ["", `Invalid address "": ${SHAPE}`],
    ["B", `Invalid address "B": ${SHAPE}`],
    ["2", `Invalid address "2": ${SHAPE}`],
    ["B2:", `Invalid address "B2:": ${SHAPE}`],
    ["B2:C3:D4", `Invalid address "B2:C3:D4": ${SHAPE}`],
    ["2B", `Invalid address "2B": ${SHAPE}`],
    ["B:3", `Invalid address "B:3": ${SHAPE}`],
    ["B2 C3", `Invalid address "B2 C3": ${SHAPE}`],
    ["A0", 'Invalid address "A0": rows run from 1 to 1048576.'],
    ["A1048577", 'Invalid address "A1048577": rows run from 1 to 1048576.'],
    ["XFE1", 'Invalid address "XFE1": columns run from A to XFD.'],
    ["ABCD1", 'Invalid address "ABCD1": columns run from A to XFD.'],
    ["My Sheet!A1", "Invalid address \"My Sheet!A1\": a sheet name with spaces or symbols must be quoted, as in 'My Sheet'!A1."],
    ["'My Sheet!A1", 'Invalid address "\'My Sheet!A1": the quoted sheet name is not closed.'],
    ["'My Sheet'A1", 'Invalid address "\'My Sheet\'A1": a quoted sheet name must be followed by "!".'],
    ["!A1", 'Invalid address "!A1": the sheet name is empty.'],
    ["''!A1", 'Invalid address "\'\'!A1": the sheet name is empty.'],
  ])("%j is rejected", (address, message) => {
    expect(() => parseAddress(address)).toThrow(AddressError);
    expect(() => parseAddress(address)).toThrow(message);
  });

  test("the error carries the Office.js code and the address", () => {
    expect(() => parseAddress("A0")).toThrow(expect.objectContaining({ name: "AddressError", code: "InvalidArgument", address: "A0" }));
  });
});

describe("formatAddress", () => {
  test.each<[RangeAddress, string]>([
    [{ row: 1, column: 1, rowCount: 1, columnCount: 1 }, "B2"],
    [{ sheet: "Sheet1", row: 1, column: 1, rowCount: 10, columnCount: 5 }, "Sheet1!B2:F11"],
    [{ sheet: "My Sheet", row: 0, column: 0, rowCount: 1, columnCount: 1 }, "'My Sheet'!A1"],
    [{ sheet: "Bob's", row: 0, column: 0, rowCount: 1, columnCount: 1 }, "'Bob''s'!A1"],
    [{ sheet: "2026", row: 0, column: 0, rowCount: 1, columnCount: 1 }, "'2026'!A1"],
    [{ sheet: "A1", row: 0, column: 0, rowCount: 1, columnCount: 1 }, "'A1'!A1"],
    [{ sheet: "数据", row: 0, column: 0, rowCount: 1, columnCount: 1 }, "数据!A1"],
    [{ sheet: "Sheet1", row: 0, column: 1, rowCount: 1048576, columnCount: 3 }, "Sheet1!B:D"],
    [{ row: 2, column: 0, rowCount: 2, columnCount: 16384 }, "3:4"],
  ])("%j -> %s", (range, text) => {
    expect(formatAddress(range)).toBe(text);
    expect(parseAddress(text)).toEqual(range);
  });

  test.each<[RangeAddress]>([[{ row: 0, column: 0, rowCount: 0, columnCount: 1 }], [{ row: 1048575, column: 0, rowCount: 2, columnCount: 1 }], [{ row: 0, column: -1, rowCount: 1, columnCount: 1 }]])(
    "%j is off the grid",
    (range) => {
      expect(() => formatAddress(range)).toThrow(`Range at row ${range.row}, column ${range.column} with ${range.rowCount} x ${range.columnCount} cells is off the grid.`);
    },
  );

  test.each<[string, string]>([
    ["Sheet1", "Sheet1"],
    ["Sheet 1", "'Sheet 1'"],
    ["_data.v2", "_data.v2"],
    ["R1C1", "'R1C1'"],
    ["Q-1", "'Q-1'"],
  ])("quoteSheetName(%j) = %s", (name, quoted) => {
    expect(quoteSheetName(name)).toBe(quoted);
  });
});
