import type * as z from "zod";

/** A yes/no answer to "does zod accept this value?", without zod's per-node bookkeeping. */
export type Check = (value: unknown) => boolean;

/** Thrown while compiling: the schema uses something `compileCheck` does not mirror. */
export class UnsupportedSchemaError extends Error {
  constructor(path: string, what: string) {
    super(`compileCheck cannot mirror ${what} at ${path}; add it to src/core/compile-check.ts or keep this schema on zod alone`);
    this.name = "UnsupportedSchemaError";
  }
}

// The parts of zod 4's internal definitions this file reads. Zod keeps them stable for its own
// JSON Schema generator; anything else throws at compile time, so a schema change can never make
// the fast check quietly weaker than zod.
interface Def {
  type: string;
  checks?: Array<{ _zod: { def: CheckDef } }>;
  check?: string;
  pattern?: RegExp;
  shape?: Record<string, Node>;
  catchall?: Node;
  element?: Node;
  innerType?: Node;
  options?: Node[];
  values?: readonly unknown[];
  entries?: Record<string, unknown>;
}
interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
}
interface Node {
  _zod: { def: Def };
}

/**
 * Compiles a zod schema into a plain predicate that accepts exactly what `schema.safeParse`
 * accepts, for the constructs the dataset schema uses: strict objects, arrays, strings (min/max
 * length, regex and pattern formats), finite numbers (safe integer, bounds), literals, enums,
 * optional, nullable and unions. Built from closures, not generated code, so it runs under a CSP
 * without `unsafe-eval`. Zod stays the authority: callers run it for the messages whenever the
 * predicate says no. Throws `UnsupportedSchemaError` for anything else.
 */
export function compileCheck(schema: z.ZodType): Check {
  return compile(schema as unknown as Node, "$");
}

function compile(node: Node, path: string): Check {
  const def = node._zod.def;
  switch (def.type) {
    case "string":
      return all(isString, [...selfCheck(def, path), ...checksOf(def, path, "string")]);
    case "number":
      return all(isFiniteNumber, checksOf(def, path, "number"));
    case "literal": {
      const values = new Set(def.values);
      noChecks(def, path);
      return (value) => values.has(value);
    }
    case "enum": {
      const values = new Set(Object.values(def.entries ?? {}));
      noChecks(def, path);
      return (value) => values.has(value);
    }
    case "optional": {
      const inner = compile(def.innerType!, path);
      return (value) => value === undefined || inner(value);
    }
    case "nullable": {
      const inner = compile(def.innerType!, path);
      return (value) => value === null || inner(value);
    }
    case "array":
      return compileArray(def, path);
    case "object":
      return compileObject(def, path);
    case "union": {
      noChecks(def, path);
      const options = def.options!.map((option, i) => compile(option, `${path}|${i}`));
      return (value) => options.some((option) => option(value));
    }
    default:
      throw new UnsupportedSchemaError(path, `the zod type "${def.type}"`);
  }
}

function compileArray(def: Def, path: string): Check {
  const element = compile(def.element!, `${path}[]`);
  const lengthChecks = checksOf(def, path, "array");
  return (value) => {
    if (!Array.isArray(value)) return false;
    for (const check of lengthChecks) if (!check(value)) return false;
    for (let i = 0; i < value.length; i++) if (!element(value[i])) return false;
    return true;
  };
}

function compileObject(def: Def, path: string): Check {
  // Only strict objects: a stripping object's output differs from its input, which a predicate
  // cannot express.
  if (def.catchall?._zod.def.type !== "never") throw new UnsupportedSchemaError(path, "an object that is not .strict()");
  noChecks(def, path);
  const keys = Object.keys(def.shape!);
  const known = new Set(keys);
  const fields = keys.map((key) => compile(def.shape![key]!, `${path}.${key}`));
  return (value) => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
    const record = value as Record<string, unknown>;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      if (!fields[i]!(record[key])) return false;
    }
    for (const key in record) if (!known.has(key) && Object.prototype.hasOwnProperty.call(record, key)) return false;
    return true;
  };
}

// Each check is called only after its type guard passed, with a value of the type it was built for.
type ValueCheck = (value: any) => boolean;

function checksOf(def: Def, path: string, on: "string" | "number" | "array"): ValueCheck[] {
  return (def.checks ?? []).map(({ _zod }) => toCheck(_zod.def, path, on));
}

/** A string format schema (`z.iso.date()`) is itself its own check. */
function selfCheck(def: Def, path: string): ValueCheck[] {
  return def.check === undefined ? [] : [toCheck(def as unknown as CheckDef, path, "string")];
}

function toCheck(check: CheckDef, path: string, on: "string" | "number" | "array"): ValueCheck {
  const kind = `${on}:${check.check}`;
  switch (kind) {
    case "string:min_length":
    case "array:min_length": {
      const min = check.minimum!;
      return (value: string | unknown[]) => value.length >= min;
    }
    case "string:max_length":
    case "array:max_length": {
      const max = check.maximum!;
      return (value: string | unknown[]) => value.length <= max;
    }
    case "string:string_format": {
      const pattern = check.pattern;
      if (pattern === undefined || pattern.global || pattern.sticky) break;
      return (value: string) => pattern.test(value);
    }
    case "number:number_format":
      if (check.format !== "safeint") break;
      return (value: number) => Number.isSafeInteger(value);
    case "number:greater_than": {
      const { value: min, inclusive } = check;
      return inclusive ? (value: number) => value >= min! : (value: number) => value > min!;
    }
    case "number:less_than": {
      const { value: max, inclusive } = check;
      return inclusive ? (value: number) => value <= max! : (value: number) => value < max!;
    }
  }
  throw new UnsupportedSchemaError(path, `the check "${check.check}${check.format ? ` (${check.format})` : ""}" on a ${on}`);
}

function noChecks(def: Def, path: string): void {
  if ((def.checks ?? []).length > 0) throw new UnsupportedSchemaError(path, `checks on a ${def.type}`);
}

function all<T>(is: (value: unknown) => value is T, checks: ValueCheck[]): Check {
  const list = checks as Array<(value: T) => boolean>;
  if (list.length === 0) return is;
  if (list.length === 1) {
    const only = list[0]!;
    return (value) => is(value) && only(value);
  }
  return (value) => {
    if (!is(value)) return false;
    for (const check of list) if (!check(value)) return false;
    return true;
  };
}

function isString(value: unknown): value is string {
  return typeof value === "string";
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}
