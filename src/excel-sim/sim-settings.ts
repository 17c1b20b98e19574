import { SimClientObject } from "./client-object";
import { simError } from "./errors";
import type { SimRequestContext } from "./request-context";
import { SimCollection } from "./sim-collection";
import type { WorkbookModel } from "./workbook-model";

/** Settings keep JSON: a value is stored as its JSON text and read back as a fresh copy (a Date comes back as its ISO string). */
function toJson(value: unknown, location: string): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch (e) {
    throw simError("InvalidArgument", `A setting value must be JSON-serialisable: ${e instanceof Error ? e.message : String(e)}.`, location);
  }
  if (json === undefined) throw simError("InvalidArgument", `A setting value must be JSON-serialisable; got ${typeof value}.`, location);
  return json;
}

function checkKey(key: unknown, location: string): string {
  if (typeof key !== "string" || key === "") throw simError("InvalidArgument", "A setting key must be non-empty text.", location);
  return key;
}

/** Excel.Setting, bound to its key. */
export class SimSetting extends SimClientObject<string> {
  constructor(context: SimRequestContext, resolver: () => string | null, nullable: boolean) {
    super(context, "Setting", resolver, nullable);
  }

  private get store(): WorkbookModel["settings"] {
    return this._context._workbook.model.settings;
  }

  protected loadableProperties(): readonly string[] {
    return ["key", "value"];
  }

  protected readProperty(key: string, property: string): unknown {
    return property === "key" ? key : JSON.parse(this.store.get(key)!);
  }

  protected override goneReason(key: string): string | undefined {
    return this.store.has(key) ? undefined : `The setting ${JSON.stringify(key)} was deleted.`;
  }

  get key(): string {
    return this.getProperty("key") as string;
  }

  get value(): unknown {
    return this.getProperty("value");
  }
  set value(value: unknown) {
    this.setProperty("value", value, (key, location) => {
      this.store.set(key, toJson(value, location));
    });
  }

  delete(): void {
    this.queueCall("Setting.delete", (key) => {
      this.store.delete(key);
    });
  }
}

/** Excel.SettingCollection: per-workbook key -> JSON value, saved with the workbook. Keys match exactly. */
export class SimSettingCollection extends SimCollection<true, string, SimSetting> {
  constructor(context: SimRequestContext) {
    super(context, "SettingCollection", () => true, false);
  }

  protected itemsOf(): string[] {
    return [...this._context._workbook.model.settings.keys()];
  }

  protected proxyFor(key: string): SimSetting {
    return new SimSetting(this._context, () => key, false);
  }

  protected override hasCount(): boolean {
    return false;
  }

  protected itemProperties(): readonly string[] {
    return ["key", "value"];
  }

  /** Sets or adds a setting. */
  add(key: string, value: unknown): SimSetting {
    this.queueCall("SettingCollection.add", (_t, location) => {
      this._context._workbook.model.settings.set(checkKey(key, location), toJson(value, location));
    });
    return new SimSetting(this._context, () => key, false);
  }

  getItem(key: string): SimSetting {
    return new SimSetting(
      this._context,
      () => {
        if (!this._context._workbook.model.settings.has(key)) throw simError("ItemNotFound", `There is no setting ${JSON.stringify(key)}.`, "SettingCollection.getItem");
        return key;
      },
      false,
    );
  }

  getItemOrNullObject(key: string): SimSetting {
    return new SimSetting(this._context, () => (this._context._workbook.model.settings.has(key) ? key : null), true);
  }
}
