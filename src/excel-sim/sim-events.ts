import { simError } from "./errors";
import type { SimRequestContext } from "./request-context";

/** What an Office.js event handler is: a function of the event's arguments, returning a promise. */
export type SimEventHandler<T> = (args: T) => Promise<unknown>;

interface Registered<T> {
  handler: SimEventHandler<T>;
  context: SimRequestContext;
  args: () => T;
}

/**
 * The handlers registered for one event of a workbook, on the user's side. Office delivers events
 * asynchronously, after whatever raised them has finished: `fire` calls each handler in a later
 * task, never inside the caller's stack. A handler that throws or rejects does not stop the others;
 * its error is kept in `failures` (Office only logs it).
 */
export class SimEventRegistry<T> {
  private readonly entries: Registered<T>[] = [];
  readonly failures: unknown[] = [];

  get size(): number {
    return this.entries.length;
  }

  _add(entry: Registered<T>): void {
    this.entries.push(entry);
  }

  /** Removes the handler registered through `context`; false when it is not registered there. */
  _remove(handler: SimEventHandler<T>, context: SimRequestContext): boolean {
    const at = this.entries.findIndex((e) => e.handler === handler && e.context === context);
    if (at < 0) return false;
    this.entries.splice(at, 1);
    return true;
  }

  fire(): void {
    for (const entry of [...this.entries]) {
      setTimeout(() => {
        // Removed meanwhile: Office does not call a handler after its removal was synced.
        if (!this.entries.includes(entry)) return;
        try {
          Promise.resolve(entry.handler(entry.args())).catch((e: unknown) => this.failures.push(e));
        } catch (e) {
          this.failures.push(e);
        }
      }, 0);
    }
  }
}

/**
 * OfficeExtension.EventHandlers: `add` and `remove` are queued like any other operation and take
 * effect at the next `context.sync()`. A handler is removed through the request context it was
 * added in (as Office.js requires); one removed twice, or never added there, is left alone.
 */
export class SimEventHandlers<T> {
  constructor(
    private readonly context: SimRequestContext,
    private readonly location: string,
    private readonly registry: SimEventRegistry<T>,
    private readonly args: () => T,
  ) {}

  add(handler: SimEventHandler<T>): SimEventHandlerResult<T> {
    this.context._checkOpen(this.location);
    if (typeof handler !== "function") throw simError("InvalidArgument", "An event handler must be a function.", `${this.location}.add`);
    const entry = { handler, context: this.context, args: this.args };
    this.context._enqueue({ location: `${this.location}.add`, run: () => this.registry._add(entry) });
    return new SimEventHandlerResult(this.context, this, handler);
  }

  remove(handler: SimEventHandler<T>): void {
    this.context._checkOpen(this.location);
    this.context._enqueue({ location: `${this.location}.remove`, run: () => void this.registry._remove(handler, this.context) });
  }
}

/** OfficeExtension.EventHandlerResult: `remove()` queues the handler's removal in the context it was added in. */
export class SimEventHandlerResult<T> {
  constructor(
    readonly context: SimRequestContext,
    private readonly handlers: SimEventHandlers<T>,
    private readonly handler: SimEventHandler<T>,
  ) {}

  remove(): void {
    this.handlers.remove(this.handler);
  }
}
