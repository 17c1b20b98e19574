import { crossContext, propertyNotLoaded, simError, valueNotLoaded } from "./errors";
import type { SimRequestContext } from "./request-context";

/** What `load()` accepts, as in Office.js: "a, b", ["a", "b"], { select, expand } or { a: true, nav: { b: true } }. */
export type LoadOption = string | string[] | { select?: string | string[]; expand?: string | string[] } | Record<string, unknown>;

/** One queued operation; `run` applies it at sync time and may return what to publish when the sync succeeds. */
export interface SimOperation {
  location: string;
  run(): (() => void) | void;
}

function splitNames(names: string | string[] | undefined): string[] {
  if (names === undefined) return [];
  const list = Array.isArray(names) ? names : names.split(",");
  return list.map((n) => n.trim()).filter((n) => n !== "");
}

/**
 * The base of every proxy: queued writes, loads published at sync, PropertyNotLoaded on early
 * reads, null objects, and the tie to one request context. A proxy finds its target lazily (at
 * its first use in a sync) and then stays bound to it, as an Office.js object path does once
 * instantiated; if the target is deleted later, using the proxy fails with ItemNotFound.
 */
export abstract class SimClientObject<T> {
  readonly _context: SimRequestContext;
  readonly _typeName: string;
  readonly _seq: number;
  /** True when an *OrNullObject lookup is on this object's path. */
  readonly _nullable: boolean;
  private readonly resolver: () => T | null;
  private pin: { target: T | null } | undefined;
  private readonly props = new Map<string, unknown>();
  private nullState: boolean | undefined;
  private readonly navigations = new Map<string, SimClientObject<unknown>>();

  constructor(context: SimRequestContext, typeName: string, resolver: () => T | null, nullable: boolean) {
    context._checkOpen(typeName);
    this._context = context;
    this._typeName = typeName;
    this.resolver = resolver;
    this._nullable = nullable;
    this._seq = context._register(this);
    if (nullable) {
      context._enqueue({
        location: `${typeName}._instantiate`,
        run: () => {
          try {
            this._resolve();
          } catch {
            // Reported when the object is used, as Excel reports a bad object path.
          }
        },
      });
    }
  }

  get context(): SimRequestContext {
    return this._context;
  }

  /** Readable once a sync has run since the object was made: true when an *OrNullObject lookup found nothing. */
  get isNullObject(): boolean {
    if (this.nullState === undefined) throw propertyNotLoaded("isNullObject", this._typeName);
    return this.nullState;
  }

  /** Properties `load()` accepts and `load()` without arguments loads. */
  protected abstract loadableProperties(): readonly string[];

  /** Reads a loadable property from the target at sync time. */
  protected abstract readProperty(target: T, property: string): unknown;

  /** Why a bound target no longer exists (deleted), or undefined. */
  protected goneReason(_target: T): string | undefined {
    return undefined;
  }

  /** Navigation properties that `load("nav/prop")` may reach. */
  protected navigation(_name: string): SimClientObject<unknown> | undefined {
    return undefined;
  }

  /** The same proxy for a navigation property every time, as Office.js returns it. */
  protected nav<N extends SimClientObject<unknown>>(name: string, make: () => N): N {
    let existing = this.navigations.get(name);
    if (!existing) {
      existing = make();
      this.navigations.set(name, existing);
    }
    return existing as N;
  }

  _resolve(): T | null {
    if (this.pin) {
      const target = this.pin.target;
      if (target !== null) {
        const gone = this.goneReason(target);
        if (gone) throw simError("ItemNotFound", gone, this._typeName);
      }
      return target;
    }
    const target = this.resolver();
    this.pin = { target };
    return target;
  }

  /** The target for a write or a method; a null object has none. */
  _target(location: string): T {
    const target = this._resolve();
    if (target === null) throw simError("ItemNotFound", `The ${this._typeName} does not exist (it is a null object).`, location);
    return target;
  }

  /** Marks the object as checked by a completed sync, so `isNullObject` can be read. */
  _settle(): void {
    if (this.nullState === undefined) this.nullState = this.pin ? this.pin.target === null : false;
  }

  /** Reads properties now (at sync time), for a collection loading its items. */
  _readNow(properties: readonly string[]): Map<string, unknown> {
    const target = this._target(`${this._typeName}.load`);
    return new Map(properties.map((p) => [p, this.readProperty(target, p)] as const));
  }

  _loadable(): readonly string[] {
    return this.loadableProperties();
  }

  /** Publishes values loaded for an item of a collection. */
  _publish(values: Map<string, unknown>, isNull: boolean): void {
    this.nullState = isNull;
    for (const [k, v] of values) this.props.set(k, v);
  }

  load(option?: LoadOption): this {
    this._context._checkOpen(this._typeName);
    const { properties, paths } = this.parseLoad(option);
    for (const [nav, rest] of paths) {
      const child = this.navigation(nav);
      if (!child) throw simError("InvalidArgument", `${this._typeName} has no navigation property "${nav}" to load.`, `${this._typeName}.load`);
      child.load(rest);
    }
    if (properties.length > 0 || paths.length === 0) this.queueLoad(properties.length > 0 ? properties : [...this.loadableProperties()]);
    return this;
  }

  protected queueLoad(properties: readonly string[]): void {
    this._context._enqueue({
      location: `${this._typeName}.load`,
      run: () => {
        this._context._workbook.model.recalculateIfDirty();
        const target = this._resolve();
        if (target === null) return () => this._publish(new Map(), true);
        const values = new Map(properties.map((p) => [p, this.readProperty(target, p)] as const));
        return () => this._publish(values, false);
      },
    });
  }

  private parseLoad(option: LoadOption | undefined): { properties: string[]; paths: [string, LoadOption][] } {
    const properties: string[] = [];
    const paths: [string, LoadOption][] = [];
    const add = (name: string) => {
      const slash = name.indexOf("/");
      if (slash > 0) paths.push([name.slice(0, slash), name.slice(slash + 1)]);
      else if (this.loadableProperties().includes(name)) properties.push(name);
      else if (this.navigation(name)) paths.push([name, []]);
      else throw simError("InvalidArgument", `${this._typeName} has no property "${name}" to load.`, `${this._typeName}.load`);
    };
    if (option === undefined || typeof option === "string" || Array.isArray(option)) {
      splitNames(option).forEach(add);
    } else if ("select" in option || "expand" in option) {
      splitNames(option.select as string | string[] | undefined).forEach(add);
      for (const name of splitNames(option.expand as string | string[] | undefined)) paths.push([name, []]);
    } else {
      for (const [key, value] of Object.entries(option)) {
        if (key === "$all" && value === true) properties.push(...this.loadableProperties());
        else if (key.startsWith("$")) continue;
        else if (value === true) add(key);
        else if (typeof value === "object" && value !== null) paths.push([key, value as LoadOption]);
      }
    }
    return { properties: [...new Set(properties)], paths };
  }

  /** A loaded (or locally set) property; reading before load + sync throws PropertyNotLoaded. */
  protected getProperty(property: string): unknown {
    if (this.nullState === true) {
      throw simError("ItemNotFound", `This ${this._typeName} is a null object (isNullObject is true), so it has no '${property}'.`, `${this._typeName}.${property}`);
    }
    if (!this.props.has(property)) throw propertyNotLoaded(property, this._typeName);
    return this.props.get(property);
  }

  /** Queues a property write; like Office.js, the proxy reads back what was set until the next load. */
  protected setProperty(property: string, value: unknown, apply: (target: T, location: string) => void): void {
    const location = `${this._typeName}.${property}`;
    this.queueCall(location, apply);
    this.props.set(property, value);
  }

  protected queueCall(location: string, apply: (target: T, location: string) => void): void {
    this._context._checkOpen(this._typeName);
    this._context._enqueue({
      location,
      run: () => {
        apply(this._target(location), location);
        this._context._workbook.model.dirty = true;
      },
    });
  }

  /** Checks that an object passed in belongs to this object's request context. */
  protected own<O extends SimClientObject<unknown>>(object: O): O {
    if (!(object instanceof SimClientObject) || object._context !== this._context) throw crossContext();
    return object;
  }

  /** Sets several writable properties at once, as Office.js `set()` does; nested objects go to navigation properties. */
  set(properties: Record<string, unknown>): void {
    for (const [key, value] of Object.entries(properties)) {
      const child = this.navigation(key);
      if (child && typeof value === "object" && value !== null && !Array.isArray(value)) {
        child.set(value as Record<string, unknown>);
        continue;
      }
      const descriptor = findSetter(this, key);
      if (!descriptor) throw simError("InvalidArgument", `${this._typeName}.${key} cannot be set.`, `${this._typeName}.set`);
      descriptor.call(this, value);
    }
  }

  /** The loaded properties as a plain object, as Office.js's toJSON gives them. */
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.props);
  }
}

function findSetter(object: object, key: string): ((value: unknown) => void) | undefined {
  for (let proto = Object.getPrototypeOf(object); proto; proto = Object.getPrototypeOf(proto)) {
    const d = Object.getOwnPropertyDescriptor(proto, key);
    if (d) return d.set;
  }
  return undefined;
}

/** A value a method returns, readable after the next sync (Office.js ClientResult). */
export class SimClientResult<V> {
  private loaded = false;
  private result: V | undefined;

  get value(): V {
    if (!this.loaded) throw valueNotLoaded();
    return this.result as V;
  }

  _set(value: V): void {
    this.loaded = true;
    this.result = value;
  }
}
