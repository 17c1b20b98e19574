import { SimClientObject, SimClientResult, type LoadOption } from "./client-object";
import { simError } from "./errors";

/**
 * A collection proxy: `load("name")` or `load("items/name")` loads the items' properties,
 * `load("items")` all of them; `items` (and `count`) are readable after the sync.
 */
export abstract class SimCollection<T, I, P extends SimClientObject<I>> extends SimClientObject<T> {
  protected abstract itemsOf(target: T): I[];
  protected abstract proxyFor(item: I): P;
  /** The scalar properties of an item, what `load("items")` loads. */
  protected abstract itemProperties(): readonly string[];

  /** Whether Office.js gives this collection a loadable `count` (tables, columns and rows do; sheets and settings do not). */
  protected hasCount(): boolean {
    return true;
  }

  protected loadableProperties(): readonly string[] {
    return this.hasCount() ? ["items", "count"] : ["items"];
  }

  protected readProperty(target: T, property: string): unknown {
    if (property === "count") return this.itemsOf(target).length;
    throw simError("InvalidArgument", `${this._typeName} has no property "${property}".`, `${this._typeName}.load`);
  }

  get items(): P[] {
    return this.getProperty("items") as P[];
  }

  get count(): number {
    return this.getProperty("count") as number;
  }

  override load(option?: LoadOption): this {
    this._context._checkOpen(this._typeName);
    const names = collectionNames(option);
    const itemProps = new Set<string>();
    let count = false;
    let items = names.length === 0;
    for (const name of names) {
      if (name === "count" && this.hasCount()) count = true;
      else if (name === "items") items = true;
      else {
        const prop = name.startsWith("items/") ? name.slice(6) : name;
        if (!this.itemProperties().includes(prop)) throw simError("InvalidArgument", `The items of ${this._typeName} have no property "${prop}" to load.`, `${this._typeName}.load`);
        itemProps.add(prop);
      }
    }
    if (itemProps.size > 0) items = true;
    const properties = itemProps.size > 0 ? [...itemProps] : [...this.itemProperties()];
    this._context._enqueue({
      location: `${this._typeName}.load`,
      run: () => {
        this._context._workbook.model.recalculateIfDirty();
        const target = this._resolve();
        if (target === null) return () => this._publish(new Map(), true);
        const list = this.itemsOf(target);
        const published = new Map<string, unknown>();
        if (count) published.set("count", list.length);
        if (!items) return () => this._publish(published, false);
        const proxies = list.map((item) => this.proxyFor(item));
        const values = proxies.map((p) => p._readNow(properties));
        return () => {
          proxies.forEach((p, i) => p._publish(values[i]!, false));
          published.set("items", proxies);
          this._publish(published, false);
        };
      },
    });
    return this;
  }

  getCount(): SimClientResult<number> {
    const result = new SimClientResult<number>();
    this._context._checkOpen(this._typeName);
    this._context._enqueue({
      location: `${this._typeName}.getCount`,
      run: () => {
        const n = this.itemsOf(this._target(`${this._typeName}.getCount`)).length;
        return () => result._set(n);
      },
    });
    return result;
  }
}

function collectionNames(option: LoadOption | undefined): string[] {
  if (option === undefined) return [];
  if (typeof option === "string") return option.split(",").map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(option)) return option.map((s) => s.trim()).filter(Boolean);
  if ("select" in option) return collectionNames(option.select as string | string[] | undefined);
  return Object.entries(option)
    .filter(([k, v]) => !k.startsWith("$") && v === true)
    .map(([k]) => k);
}
