import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createContext, runInContext, runInThisContext } from "node:vm";

/** What a cell shows: a value, or an error with its code and message. */
export type CellResult = unknown;

export class StubExcelError {
  constructor(readonly code: string, readonly message?: string) {}
}

interface Metadata {
  functions: { id: string; parameters: { name: string; optional?: boolean }[]; options?: { stream?: boolean } }[];
}

/** A streaming cell: every value Excel received, and the cancel Excel would call. */
export interface StreamingCell {
  results: CellResult[];
  readonly latest: CellResult;
  cancel(): void;
}

/**
 * The production functions bundle loaded the way Excel loads it: run in a bare context that has
 * nothing but a CustomFunctions stub (no DOM, no fetch, no require, no eval), then called with null
 * for every omitted argument and an invocation object last.
 */
export class FunctionsBundle {
  readonly registered = new Map<string, (...args: unknown[]) => unknown>();
  readonly metadata: Metadata;
  readonly context: Record<string, unknown>;

  /**
   * `realm: "sandbox"` (tests) runs the bundle in a fresh context holding only the stub, which
   * proves it needs nothing else. `realm: "main"` (benchmarks) runs it in this process's own global
   * context, as a browser runs a page's script: a vm sandbox routes every global lookup (even
   * `Math`) through interceptors, which would measure the sandbox rather than the code.
   */
  constructor(readonly dir: string = process.env.AIMARKET_TEST_BUILD!, realm: "sandbox" | "main" = "sandbox") {
    this.metadata = JSON.parse(readFileSync(join(dir, "functions.json"), "utf8")) as Metadata;
    const CustomFunctions = {
      associate: (id: string, fn: (...args: unknown[]) => unknown) => {
        if (this.registered.has(id)) throw new Error(`${id} registered twice`);
        this.registered.set(id, fn);
      },
      Error: StubExcelError,
      ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!", nullReference: "#NULL!" },
    };
    const code = readFileSync(join(dir, "functions.js"), "utf8");
    if (realm === "main") {
      this.context = globalThis as unknown as Record<string, unknown>;
      this.context.CustomFunctions = CustomFunctions;
      runInThisContext(code, { filename: "functions.js" });
      return;
    }
    this.context = createContext({ CustomFunctions }, { codeGeneration: { strings: false, wasm: false } });
    runInContext(code, this.context, { filename: "functions.js" });
  }

  /** The store the bundle created on the shared-runtime global. */
  get store(): { replace(dataset: unknown): unknown; listenerCount: number } {
    return this.context.__AIMARKET_DATASET_STORE__ as { replace(dataset: unknown): unknown; listenerCount: number };
  }

  /** Starts a streaming cell as Excel does: `args` as typed, null for the rest, invocation last. */
  start(id: string, ...args: unknown[]): StreamingCell {
    const { fn, padded } = this.prepare(id, args);
    const cell = {
      results: [] as CellResult[],
      get latest() {
        return cell.results[cell.results.length - 1];
      },
      cancel: () => invocation.onCanceled?.(),
    };
    const invocation: { setResult(v: unknown): void; onCanceled?: () => void } = {
      setResult: (v) => cell.results.push(v),
    };
    const returned = fn(...padded, invocation);
    if (returned !== undefined) throw new Error(`${id} returned a value instead of streaming it`);
    return cell;
  }

  /** The first value a cell shows. */
  call(id: string, ...args: unknown[]): CellResult {
    const cell = this.start(id, ...args);
    const value = cell.latest;
    cell.cancel();
    return value;
  }

  private prepare(id: string, args: unknown[]): { fn: (...a: unknown[]) => unknown; padded: unknown[] } {
    const fn = this.registered.get(id);
    const meta = this.metadata.functions.find((f) => f.id === id);
    if (!fn || !meta) throw new Error(`${id} is not registered`);
    if (args.length > meta.parameters.length) throw new Error(`${id} takes ${meta.parameters.length} arguments`);
    const padded = [...args];
    while (padded.length < meta.parameters.length) padded.push(null);
    return { fn, padded };
  }
}
