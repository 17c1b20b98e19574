/**
 * Where and why a text is not JSON. `line` and `column` count from 1, and columns count
 * characters (code points), so they match what an editor shows for Chinese text too.
 */
export type JsonSyntaxError = {
  offset: number;
  line: number;
  column: number;
  /** What is wrong, e.g. `trailing comma before "}"`. */
  reason: string;
  /** What to do, e.g. `remove the comma`. */
  hint: string;
};

type Container = "{" | "[";
type Expect = "value" | "key" | "colon" | "after";

const VALUE_HINT = "a value is a string in double quotes, a number, an object, an array, true, false or null";
const TRUNCATED_HINT = "the file may be truncated";
const NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;
const WORD = /[A-Za-z0-9_$]/;
const NUMBER_CHAR = /[0-9+\-.eE]/;

/** Chinese keyboards type these in place of JSON's ASCII punctuation. */
const LOOKALIKES: Readonly<Record<string, string>> = {
  "，": ",",
  "：": ":",
  "“": '"',
  "”": '"',
  "｛": "{",
  "｝": "}",
  "［": "[",
  "］": "]",
};

/**
 * Finds the first syntax error in `text`, or returns undefined when it is valid JSON. Used after
 * `JSON.parse` fails, because engines word (and place) their errors differently and Node 20 gives
 * no line numbers.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const stack: Container[] = [];
  let i = 0;
  let expect: Expect = "value";
  let first = false;
  let comma = -1;

  const fail = (offset: number, reason: string, hint: string): JsonSyntaxError => ({
    offset,
    ...lineAndColumn(text, offset),
    reason,
    hint,
  });

  for (;;) {
    while (i < text.length && isWhitespace(text.charCodeAt(i))) i++;
    if (i >= text.length) {
      if (expect === "after" && stack.length === 0) return undefined;
      return fail(text.length, "unexpected end of input", TRUNCATED_HINT);
    }
    const c = charAt(text, i);
    const lookalike = LOOKALIKES[c];
    const top = stack[stack.length - 1];

    if (expect === "after") {
      if (top === undefined) {
        return fail(i, "unexpected text after the end of the data", 'remove it, or look for an extra "}" or "]" before it');
      }
      const close = top === "{" ? "}" : "]";
      if (c === ",") {
        comma = i++;
        expect = top === "{" ? "key" : "value";
        first = false;
      } else if (c === close) {
        stack.pop();
        i++;
      } else if (lookalike !== undefined) {
        return fail(i, `unexpected ${show(c)}`, `JSON punctuation must be ASCII: write "${lookalike}" instead`);
      } else if (c === "}" || c === "]") {
        return fail(i, `expected "," or "${close}", found ${show(c)}`, 'check that each "{" closes with "}" and each "[" with "]"');
      } else {
        return fail(
          i,
          `expected "," or "${close}", found ${show(c)}`,
          c === '"' ? "a comma may be missing" : "a comma may be missing, or a text value needs double quotes",
        );
      }
      continue;
    }

    if (expect === "colon") {
      if (c !== ":") {
        return lookalike === ":"
          ? fail(i, `unexpected ${show(c)}`, 'JSON punctuation must be ASCII: write ":" instead')
          : fail(i, `expected ":" after the property name, found ${show(c)}`, 'write each property as "name": value');
      }
      i++;
      expect = "value";
      first = false;
      comma = -1;
      continue;
    }

    if (expect === "key") {
      if (c === '"') {
        const end = scanString(text, i, fail);
        if (typeof end !== "number") return end;
        i = end;
        expect = "colon";
      } else if (c === "}" && first) {
        stack.pop();
        i++;
        expect = "after";
      } else if (c === "}" && comma >= 0) {
        return fail(comma, 'trailing comma before "}"', "remove the comma");
      } else if (c === "'") {
        return fail(i, "single-quoted property name", "JSON property names need double quotes");
      } else if (WORD.test(c)) {
        const word = scanWord(text, i);
        return fail(i, `property name ${word} without double quotes`, `write it as "${word}"`);
      } else if (c === "/") {
        return fail(i, "a comment", "remove it: JSON does not allow comments");
      } else if (lookalike !== undefined) {
        return fail(i, `unexpected ${show(c)}`, `JSON punctuation must be ASCII: write "${lookalike}" instead`);
      } else {
        return fail(i, `expected a property name in double quotes, found ${show(c)}`, 'write each property as "name": value');
      }
      continue;
    }

    if (c === "]" && first) {
      stack.pop();
      i++;
      expect = "after";
    } else if ((c === "]" || c === "}") && comma >= 0) {
      return fail(comma, `trailing comma before "${c}"`, "remove the comma");
    } else if (c === "{" || c === "[") {
      stack.push(c);
      i++;
      expect = c === "{" ? "key" : "value";
      first = true;
      comma = -1;
    } else if (c === '"') {
      const end = scanString(text, i, fail);
      if (typeof end !== "number") return end;
      i = end;
      expect = "after";
    } else if (NUMBER_CHAR.test(c)) {
      let end = i;
      while (end < text.length && NUMBER_CHAR.test(text.charAt(end))) end++;
      const token = text.slice(i, end);
      if (!NUMBER.test(token)) return fail(i, `invalid number ${token}`, "write numbers like 330, 0.72 or -5");
      i = end;
      expect = "after";
    } else if (WORD.test(c)) {
      const word = scanWord(text, i);
      if (word !== "true" && word !== "false" && word !== "null") return fail(i, `unknown word ${word}`, VALUE_HINT);
      i += word.length;
      expect = "after";
    } else if (c === "'") {
      return fail(i, "single-quoted string", "JSON strings need double quotes");
    } else if (c === "/") {
      return fail(i, "a comment", "remove it: JSON does not allow comments");
    } else if (lookalike !== undefined) {
      return fail(i, `unexpected ${show(c)}`, `JSON punctuation must be ASCII: write "${lookalike}" instead`);
    } else {
      return fail(i, `expected a value, found ${show(c)}`, VALUE_HINT);
    }
  }
}

/** Returns the offset after the closing quote, or the error. */
function scanString(
  text: string,
  start: number,
  fail: (offset: number, reason: string, hint: string) => JsonSyntaxError,
): number | JsonSyntaxError {
  let i = start + 1;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1;
    if (code === 0x5c) {
      const next = text.charAt(i + 1);
      if (next === "u") {
        const hex = /^[0-9a-fA-F]{0,4}/.exec(text.slice(i + 2, i + 6))?.[0] ?? "";
        if (hex.length < 4) return fail(i, `invalid escape \\u${hex}`, 'write a backslash as "\\\\"');
        i += 6;
      } else if (next !== "" && '"\\/bfnrt'.includes(next)) {
        i += 2;
      } else if (next === "") {
        break;
      } else {
        return fail(i, `invalid escape \\${next}`, 'write a backslash as "\\\\"');
      }
      continue;
    }
    if (code === 0x0a || code === 0x0d) {
      return fail(i, "line break inside a string", 'close the string before the line ends, or write the break as "\\n"');
    }
    if (code < 0x20) return fail(i, `control character ${codePoint(code)} inside a string`, "remove it, or write it as an escape such as \"\\t\"");
    i++;
  }
  return fail(text.length, "unexpected end of input", TRUNCATED_HINT);
}

function scanWord(text: string, start: number): string {
  let end = start;
  while (end < text.length && WORD.test(text.charAt(end))) end++;
  return text.slice(start, end);
}

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

function charAt(text: string, offset: number): string {
  return String.fromCodePoint(text.codePointAt(offset) ?? 0);
}

function show(c: string): string {
  if (c === '"') return "'\"'";
  const code = c.codePointAt(0) ?? 0;
  const invisible = code < 0x20 || code === 0x7f || /^[\s\u200b\ufeff]$/u.test(c);
  return invisible ? codePoint(code) : `"${c}"`;
}

function codePoint(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: Array.from(text.slice(lineStart, offset)).length + 1 };
}
