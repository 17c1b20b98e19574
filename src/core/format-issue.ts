import * as z from "zod";
import { DatasetSchema } from "./schema";
import { jsonPath, type Problem } from "./problem";

type Path = readonly PropertyKey[];
type Found = { found: true; value: unknown } | { found: false };

/** What one item of each list is called, in "every figure needs ..." and "(figure "x")". */
const ITEM_NOUNS: Readonly<Record<string, string>> = {
  entities: "entity",
  metrics: "metric",
  figures: "figure",
  tables: "table",
  flags: "flag",
  pairs: "pair",
  columns: "column",
  aliases: "alias",
  rows: "row",
  header: "header cell",
  related: "related figure id",
};

/** Fields that hold the id of something else, named after what they point at. */
const REFERENCE_NOUNS: Readonly<Record<string, string>> = {
  entity: "entity id",
  metric: "metric id",
  table: "table id",
  statedAsConversionOf: "figure id",
  cny: "figure id",
  usd: "figure id",
  code: "flag code",
};

const SCHEMA_HINT = "check this value against data/schema.json";

/**
 * Turns a zod issue from validating `input` against the dataset schema into a problem a dataset
 * publisher can act on: the JSON path, what is wrong, which figure (or entity, metric, table) it
 * is in, and what to write instead. zod issues do not carry the offending value, so it is read
 * from `input`.
 */
export function formatIssue(issue: z.core.$ZodIssue, input: unknown): Problem {
  const path = issue.path;
  const at = (statement: string, fix: string, where: Path = path): Problem => ({
    path: jsonPath(where),
    message: `${statement}${elementContext(input, where)}; ${fix}`,
  });
  const found = lookup(input, path);
  const value = found.found ? found.value : undefined;

  switch (issue.code) {
    case "invalid_type": {
      if (isMissing(input, path)) return missing(path, input, at);
      const nullable = schemaAt(input, path) instanceof z.ZodNullable;
      const expected = `${EXPECTED[issue.expected] ?? issue.expected}${nullable ? " or null" : ""}`;
      return at(`expected ${expected}, got ${describeValue(value)}`, typeFix(issue.expected, value));
    }
    case "invalid_value": {
      if (isMissing(input, path)) return missing(path, input, at);
      return at(`${showValue(value)} is not a known ${fieldNoun(path)}`, useOneOf(issue.values));
    }
    case "invalid_union": {
      if (issue.discriminator === undefined) break;
      const discriminatorPath = path[path.length - 1] === issue.discriminator ? path : [...path, issue.discriminator];
      const options = "options" in issue ? (issue.options ?? []) : [];
      if (isMissing(input, discriminatorPath)) return missing(discriminatorPath, input, at, `one of ${listOptions(options)}`);
      const discriminator = lookup(input, discriminatorPath);
      return at(
        `${showValue(discriminator.found ? discriminator.value : undefined)} is not a known ${fieldNoun(discriminatorPath)}`,
        useOneOf(options),
        discriminatorPath,
      );
    }
    case "unrecognized_keys": {
      const allowed = keysOf(schemaAt(input, path), value);
      const list = allowed.length > 0 ? ` (allowed: ${allowed.join(", ")})` : "";
      const [only] = issue.keys;
      if (issue.keys.length === 1 && only !== undefined) {
        return at(`unknown key "${only}"`, `remove it or check its spelling${list}`, [...path, only]);
      }
      const keys = issue.keys.map((key) => `"${key}"`).join(", ");
      return at(`unknown keys ${keys}`, `remove them or check their spelling${list}`);
    }
    case "too_small": {
      const min = Number(issue.minimum);
      if (issue.origin === "number" && typeof value === "number") {
        return issue.inclusive
          ? at(`${value} is below the minimum ${min}`, `use ${min} or more`)
          : at(`${value} is not greater than ${min}`, min === 0 ? "use a positive number" : `use a number greater than ${min}`);
      }
      if (issue.origin === "array" && Array.isArray(value)) {
        const noun = ITEM_NOUNS[String(path[path.length - 1])] ?? "item";
        return value.length === 0
          ? at(`${label(path)} is empty`, `add at least one ${noun}`)
          : at(`${label(path)} has ${value.length} items`, `give at least ${min}`);
      }
      if (issue.origin === "string" && typeof value === "string") {
        const key = path[path.length - 1];
        if (value.length === 0 && typeof key === "number") return at(`this ${fieldNoun(path)} is empty`, "write it or remove it");
        if (value.length === 0) {
          const optional = schemaAt(input, path) instanceof z.ZodOptional;
          return at(`${label(path)} is empty`, optional ? `write it or remove ${label(path)}` : "write the text");
        }
        return at(`${label(path)} is too short`, `write at least ${min} characters`);
      }
      break;
    }
    case "too_big": {
      const max = Number(issue.maximum);
      if (issue.origin === "number" && typeof value === "number") {
        return issue.inclusive
          ? at(`${value} is above the maximum ${max}`, `use ${max} or less`)
          : at(`${value} is not less than ${max}`, `use a number less than ${max}`);
      }
      if (issue.origin === "array" && Array.isArray(value)) {
        return at(`${label(path)} has ${value.length} items`, `give at most ${max}`);
      }
      if (issue.origin === "string" && typeof value === "string") {
        return at(`${label(path)} is too long`, `write at most ${max} characters`);
      }
      break;
    }
    case "invalid_format": {
      if (typeof value !== "string") break;
      if (issue.format === "regex") return at(`${showValue(value)} is not a valid ${fieldNoun(path)}`, issue.message);
      if (issue.format === "date") return at(`${showValue(value)} is not a valid date`, 'write it as YYYY-MM-DD, e.g. "2026-02-22"');
      return at(`${showValue(value)} is not a valid ${issue.format}`, SCHEMA_HINT);
    }
  }
  return at(issue.message, SCHEMA_HINT);
}

const EXPECTED: Readonly<Record<string, string>> = {
  number: "a number",
  int: "a whole number",
  string: "a string",
  boolean: "true or false",
  object: "an object",
  array: "an array",
  null: "null",
};

function typeFix(expected: string, value: unknown): string {
  switch (expected) {
    case "number":
      return typeof value === "string" ? "write numbers without quotes" : "write a number, e.g. 330";
    case "int":
      return typeof value === "string" ? "write numbers without quotes" : "write a whole number, e.g. 2026";
    case "string":
      return "write text in double quotes";
    case "array":
      return "write a list in [ ]";
    case "object":
      return "write an object in { }";
    default:
      return `write ${EXPECTED[expected] ?? expected}`;
  }
}

function missing(
  path: Path,
  input: unknown,
  at: (statement: string, fix: string, where?: Path) => Problem,
  description = describeSchema(schemaAt(input, path)),
): Problem {
  const key = String(path[path.length - 1]);
  const ownerPath = path.slice(0, -1);
  const owner =
    ownerPath.length === 0
      ? "the dataset"
      : typeof ownerPath[ownerPath.length - 1] === "number"
        ? `every ${itemNoun(ownerPath)}`
        : label(ownerPath);
  const what = description === undefined ? "" : ` (${description})`;
  return at(`"${key}" is missing`, `${owner} needs "${key}"${what}`, path);
}

/** The field or list at the end of `path`, for sentences: `"zh"`, `"figures"`. */
function label(path: Path): string {
  const key = path[path.length - 1];
  return typeof key === "number" ? `item ${key}` : `"${String(key)}"`;
}

/** What the item at `path` (ending in an index) is: `figure`, `alias`, `cell`. */
function itemNoun(path: Path): string {
  let i = path.length - 1;
  while (i >= 0 && typeof path[i] === "number") i--;
  const key = String(path[i]);
  if (key === "rows" && path.length - 1 - i === 2) return "cell";
  return ITEM_NOUNS[key] ?? "item";
}

/** What the value at `path` is, for "is not a valid ..." and "is not a known ...". */
function fieldNoun(path: Path): string {
  const key = path[path.length - 1];
  const ownerPath = path.slice(0, -1);
  if (typeof key === "number") {
    const list = ownerPath[ownerPath.length - 1];
    if (list === "related") return "figure id";
    if (list === "rows") return "entity id";
    return itemNoun(path);
  }
  if (key === "id" || key === "kind") {
    if (ownerPath.length === 1 && ownerPath[0] === "meta") return `dataset ${key}`;
    if (typeof ownerPath[ownerPath.length - 1] === "number") return `${itemNoun(ownerPath)} ${key}`;
  }
  return REFERENCE_NOUNS[String(key)] ?? String(key);
}

/** ` (figure "openai.revenue.2026")` for the innermost list item with an id that `path` goes through. */
function elementContext(input: unknown, path: Path): string {
  for (let i = path.length - 1; i >= 0; i--) {
    if (typeof path[i] !== "number") continue;
    if (i === path.length - 2 && path[i + 1] === "id") continue;
    const element = lookup(input, path.slice(0, i + 1));
    if (element.found && isRecord(element.value) && typeof element.value.id === "string") {
      return ` (${itemNoun(path.slice(0, i + 1))} "${element.value.id}")`;
    }
  }
  return "";
}

function useOneOf(values: readonly unknown[]): string {
  return values.length === 1 ? `use ${listOptions(values)}` : `use one of ${listOptions(values)}`;
}

function listOptions(values: readonly unknown[]): string {
  return values.map((v) => (v === "" ? '""' : String(v))).join(", ");
}

function describeValue(value: unknown): string {
  if (typeof value === "string") return `a string (${showValue(value)})`;
  if (typeof value === "number") return `a number (${value})`;
  if (value === undefined) return "nothing";
  return showValue(value);
}

function showValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value);
  if (Array.isArray(value)) return "an array";
  if (value === null) return "null";
  if (typeof value === "object") return "an object";
  return String(value);
}

function describeSchema(schema: z.core.$ZodType | undefined): string | undefined {
  if (schema instanceof z.ZodOptional) return describeSchema(schema.unwrap());
  if (schema instanceof z.ZodNullable) {
    const inner = describeSchema(schema.unwrap());
    return inner === undefined ? undefined : `${inner} or null`;
  }
  if (schema instanceof z.ZodNumber) return schema.isInt ? "a whole number" : "a number";
  if (schema instanceof z.ZodISODate) return "a date as YYYY-MM-DD";
  if (schema instanceof z.ZodString) return "a string";
  if (schema instanceof z.ZodEnum) return `one of ${listOptions(schema.options)}`;
  if (schema instanceof z.ZodLiteral) return listOptions([...schema.values]);
  if (schema instanceof z.ZodArray) return "an array";
  if (schema instanceof z.ZodObject || schema instanceof z.ZodUnion) return "an object";
  return undefined;
}

/** The dataset schema of the value at `path` in `input`, following the input through unions. */
function schemaAt(input: unknown, path: Path): z.core.$ZodType | undefined {
  let schema: z.core.$ZodType | undefined = DatasetSchema;
  let value: unknown = input;
  for (const segment of path) {
    schema = resolve(schema, value);
    if (schema instanceof z.ZodObject && typeof segment === "string") {
      schema = (schema.shape as Record<string, z.core.$ZodType | undefined>)[segment];
    } else if (schema instanceof z.ZodArray && typeof segment === "number") {
      schema = schema.element;
    } else {
      return undefined;
    }
    const next = lookup(value, [segment]);
    value = next.found ? next.value : undefined;
  }
  return schema;
}

function keysOf(schema: z.core.$ZodType | undefined, value: unknown): string[] {
  const resolved = resolve(schema, value);
  return resolved instanceof z.ZodObject ? Object.keys(resolved.shape) : [];
}

/** Unwraps optional and nullable, and picks the union option whose literal fields match `value`. */
function resolve(schema: z.core.$ZodType | undefined, value: unknown): z.core.$ZodType | undefined {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) return resolve(schema.unwrap(), value);
  if (schema instanceof z.ZodUnion) {
    const options: readonly z.core.$ZodType[] = schema.options;
    return options.find((option) => option instanceof z.ZodObject && literalsMatch(option, value));
  }
  return schema;
}

function literalsMatch(option: z.ZodObject, value: unknown): boolean {
  if (!isRecord(value)) return false;
  return Object.entries(option.shape).every(
    ([key, field]) => !(field instanceof z.ZodLiteral) || field.values.has(value[key] as z.core.util.Literal),
  );
}

function isMissing(input: unknown, path: Path): boolean {
  const key = path[path.length - 1];
  if (typeof key !== "string") return false;
  const parent = lookup(input, path.slice(0, -1));
  return parent.found && isRecord(parent.value) && parent.value[key] === undefined;
}

function lookup(root: unknown, path: Path): Found {
  let value = root;
  for (const segment of path) {
    if (Array.isArray(value) && typeof segment === "number" && segment < value.length) value = value[segment];
    else if (isRecord(value) && typeof segment === "string" && Object.prototype.hasOwnProperty.call(value, segment)) {
      value = value[segment];
    } else return { found: false };
  }
  return { found: true, value };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
