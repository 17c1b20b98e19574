import { findJsonSyntaxError } from "../../src/core/find-json-syntax-error";

describe("findJsonSyntaxError", () => {
  test.each<[string, string, number, number, string, string]>([
    ["truncated object", '{\n  "a": [1, 2', 2, 13, "unexpected end of input", "the file may be truncated"],
    ["truncated inside a string", '{"a": "abc', 1, 11, "unexpected end of input", "the file may be truncated"],
    ["trailing comma in an object", '{"a": 1,\n}', 1, 8, 'trailing comma before "}"', "remove the comma"],
    ["trailing comma in an array", "[1, 2, ]", 1, 6, 'trailing comma before "]"', "remove the comma"],
    ["missing comma between properties", '{"a": 1 "b": 2}', 1, 9, `expected "," or "}", found '"'`, "a comma may be missing"],
    [
      "unquoted text value",
      '{"a": 330亿}',
      1,
      10,
      'expected "," or "}", found "亿"',
      "a comma may be missing, or a text value needs double quotes",
    ],
    [
      "mismatched bracket",
      '{"a": [1}',
      1,
      9,
      'expected "," or "]", found "}"',
      'check that each "{" closes with "}" and each "[" with "]"',
    ],
    ["missing colon", '{"a" 1}', 1, 6, 'expected ":" after the property name, found "1"', 'write each property as "name": value'],
    ["full-width colon", '{"a"：1}', 1, 5, 'unexpected "："', 'JSON punctuation must be ASCII: write ":" instead'],
    ["full-width comma", '[1，2]', 1, 3, 'unexpected "，"', 'JSON punctuation must be ASCII: write "," instead'],
    ["curly quote", '{"a": “b”}', 1, 7, 'unexpected "“"', 'JSON punctuation must be ASCII: write """ instead'],
    ["unquoted property name", "{a: 1}", 1, 2, "property name a without double quotes", 'write it as "a"'],
    ["single-quoted property name", "{'a': 1}", 1, 2, "single-quoted property name", "JSON property names need double quotes"],
    ["single-quoted string", "{\"a\": 'b'}", 1, 7, "single-quoted string", "JSON strings need double quotes"],
    ["comment", '{"a": 1, // note\n"b": 2}', 1, 10, "a comment", "remove it: JSON does not allow comments"],
    [
      "NaN",
      "[NaN]",
      1,
      2,
      "unknown word NaN",
      "a value is a string in double quotes, a number, an object, an array, true, false or null",
    ],
    ["leading zero", "[0330]", 1, 2, "invalid number 0330", "write numbers like 330, 0.72 or -5"],
    ["unquoted date", '{"published": 2026-02-22}', 1, 15, "invalid number 2026-02-22", "write numbers like 330, 0.72 or -5"],
    [
      "line break in a string",
      '{"a": "b\nc"}',
      1,
      9,
      "line break inside a string",
      'close the string before the line ends, or write the break as "\\n"',
    ],
    ["tab in a string", '["a\tb"]', 1, 4, "control character U+0009 inside a string", 'remove it, or write it as an escape such as "\\t"'],
    ["invalid escape", '["a\\xb"]', 1, 4, "invalid escape \\x", 'write a backslash as "\\\\"'],
    ["short unicode escape", '["\\u12"]', 1, 3, 'invalid escape \\u12', 'write a backslash as "\\\\"'],
    ["text after the data", '{"a": 1}\n}', 2, 1, "unexpected text after the end of the data", 'remove it, or look for an extra "}" or "]" before it'],
    ["non-breaking space", '{"a":\u00a01}', 1, 6, "expected a value, found U+00A0", "a value is a string in double quotes, a number, an object, an array, true, false or null"],
    ["columns count characters", '{"名称": "阿里巴巴" x}', 1, 15, 'expected "," or "}", found "x"', "a comma may be missing, or a text value needs double quotes"],
    ["CRLF line ends", '{\r\n"a": 1,\r\n}', 2, 7, 'trailing comma before "}"', "remove the comma"],
    ["empty value after colon", '{"a": }', 1, 7, 'expected a value, found "}"', "a value is a string in double quotes, a number, an object, an array, true, false or null"],
  ])("%s", (_name, text, line, column, reason, hint) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(findJsonSyntaxError(text)).toMatchObject({ line, column, reason, hint });
  });

  test.each([
    ["{}"],
    ["[]"],
    [' {\n "a": [1, -0.5, 2e10, 1.5E-3, true, false, null],\r\n\t"b": {"c": "d\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9"} } '],
    ['"阿里巴巴 😀"'],
    ["[[[[]]]]"],
    ["0"],
  ])("accepts valid JSON %j", (text) => {
    expect(() => JSON.parse(text)).not.toThrow();
    expect(findJsonSyntaxError(text)).toBeUndefined();
  });

  test("reports the offset of the error", () => {
    expect(findJsonSyntaxError("[1,]")).toEqual({
      offset: 2,
      line: 1,
      column: 3,
      reason: 'trailing comma before "]"',
      hint: "remove the comma",
    });
  });
});
