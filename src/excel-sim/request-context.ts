import { AddressError } from "./address";
import { SimClientObject, type LoadOption, type SimOperation } from "./client-object";
import { SimOfficeError, crossContext, invalidObjectPath } from "./errors";
import type { SimWorkbook } from "./sim-workbook";
import { SimWorkbookProxy } from "./sim-workbook-proxy";

/**
 * Excel.RequestContext: proxies queue operations here; `sync()` makes one round trip that applies
 * them in order, stops at the first failing one (earlier ones stay applied, as in Excel), then
 * publishes what was loaded. Formulas are recalculated at every such sync (before the first load
 * and after the last write). Each sync that carries work counts in `workbook.syncCount`.
 */
export class SimRequestContext {
  readonly workbook: SimWorkbookProxy;
  readonly requestHeaders: Record<string, string> = {};
  /** Accepted and ignored: objects cannot outlive their Excel.run here. */
  readonly trackedObjects = {
    add: (_objects: unknown) => undefined,
    remove: (_objects: unknown) => undefined,
  };
  readonly _workbook: SimWorkbook;
  private queue: SimOperation[] = [];
  private readonly proxies: SimClientObject<unknown>[] = [];
  private seq = 0;
  private closed = false;

  constructor(workbook: SimWorkbook) {
    this._workbook = workbook;
    this.workbook = new SimWorkbookProxy(this);
  }

  /** The operations queued since the last sync, by location ("Range.values", ...). */
  get debugInfo(): { pendingStatements: string[] } {
    return { pendingStatements: this.queue.map((op) => op.location) };
  }

  load(object: SimClientObject<unknown>, option?: LoadOption): void {
    if (!(object instanceof SimClientObject) || object._context !== this) throw crossContext();
    object.load(option);
  }

  trace(_message: string): void {}

  async sync<T>(passThroughValue?: T): Promise<T> {
    if (this.closed) throw invalidObjectPath("RequestContext");
    const ops = this.queue.splice(0);
    const settledBefore = this.seq;
    if (ops.length === 0) return passThroughValue as T;
    await Promise.resolve();
    this._workbook.model.dirty = true;
    const commits: (() => void)[] = [];
    let failure: unknown;
    for (const op of ops) {
      try {
        const commit = op.run();
        if (commit) commits.push(commit);
      } catch (e) {
        failure = asOfficeError(e, op.location);
        break;
      }
    }
    this._workbook.model.recalculateIfDirty();
    if (failure === undefined) {
      for (const commit of commits) commit();
      for (const proxy of this.proxies) if (proxy._seq <= settledBefore) proxy._settle();
    }
    this._workbook.recordSync(failure !== undefined);
    if (failure !== undefined) throw failure;
    return passThroughValue as T;
  }

  _register(proxy: SimClientObject<unknown>): number {
    this.proxies.push(proxy);
    this.seq += 1;
    return this.seq;
  }

  _enqueue(op: SimOperation): void {
    this._checkOpen("RequestContext");
    this.queue.push(op);
  }

  _checkOpen(typeName: string): void {
    if (this.closed) throw invalidObjectPath(typeName);
  }

  get _pending(): number {
    return this.queue.length;
  }

  _close(): void {
    this.closed = true;
    this.queue = [];
  }
}

function asOfficeError(e: unknown, location: string): unknown {
  if (e instanceof SimOfficeError) return e.debugInfo.errorLocation === undefined ? new SimOfficeError(e.code, e.message, location) : e;
  if (e instanceof AddressError) return new SimOfficeError("InvalidArgument", e.message, location);
  return e;
}
