import type { DatasetIndex } from "./dataset-index";
import { badArgument, notFound } from "./errors";
import { normalizeName } from "./normalize-name";
import { show } from "./query-options";
import type { Entity, EntityKind, Metric, Table, Text } from "./schema";
import { closest, didYouMean } from "./suggest";

const HAN = /\p{Script=Han}/u;

/** The name to show back to a user: Chinese if they typed Chinese. */
function nameFor(input: string, name: Text): string {
  return HAN.test(input) ? name.zh : name.en;
}

function requireName(x: unknown, what: string, example: string): string {
  if (typeof x === "string" && x.trim() !== "") return x;
  if (x === null || x === undefined || x === "") throw badArgument(`Give a ${what} such as ${example}.`, x);
  throw badArgument(`${/^[aeiou]/.test(what) ? "An" : "A"} ${what} must be text such as ${example}; got ${show(x)}.`, x);
}

/**
 * Finds an entity by English or Chinese name, id or alias (case, spaces, hyphens and full-width
 * forms ignored). With `kind`, an entity of another kind is NOT_FOUND, so REVENUE("China") says
 * that China is a camp rather than answering about something else.
 */
export function resolveEntity(index: DatasetIndex, name: unknown, kind?: EntityKind): Entity {
  const what = kind ?? "entity";
  const text = requireName(name, `${what} name`, kind === "model" ? `"Kimi 2.5"` : `"OpenAI" or "字节跳动"`);
  const exact = index.entityKeys.get(text);
  if (exact && (!kind || exact.kind === kind)) return exact;
  const key = normalizeName(text);
  const entity = index.entityKeys.get(key);
  if (entity && (!kind || entity.kind === kind)) return entity;
  const ofKind = [...index.entities.values()].filter((e) => !kind || e.kind === kind);
  if (entity) {
    throw notFound(`"${text}" is a ${entity.kind}, not a ${kind}.`, name, `Use one of: ${ofKind.map((e) => nameFor(text, e.name)).join(", ")}.`);
  }
  const candidates: [string, Entity][] = [];
  for (const [k, e] of index.entityKeys) if (!kind || e.kind === kind) candidates.push([k, e]);
  const suggestion = didYouMean(closest(key, candidates).map((e) => nameFor(text, e.name)));
  const fallback = kind === "vendor" ? `Vendors: ${ofKind.map((e) => nameFor(text, e.name)).join(", ")}.` : "See ENTITIES() for every name.";
  throw notFound(`Unknown ${what} "${text}".`, name, suggestion ?? fallback);
}

/** Finds a metric by id or by its English or Chinese name. */
export function resolveMetric(index: DatasetIndex, name: unknown): Metric {
  const text = requireName(name, "metric", `"revenue" or "mau"`);
  const metric = index.metricKeys.get(text) ?? index.metricKeys.get(normalizeName(text));
  if (metric) return metric;
  const key = normalizeName(text);
  const suggestion = didYouMean(closest(key, index.metricKeys).map((m) => (HAN.test(text) ? m.name.zh : m.id)));
  throw notFound(`Unknown metric "${text}".`, name, suggestion ?? "See METRICS() for every metric id.");
}

/** Finds a report table by id or by its English or Chinese title. */
export function resolveTable(index: DatasetIndex, name: unknown): Table {
  const text = requireName(name, "table id", `"vendor_revenue"`);
  const key = normalizeName(text);
  const table = index.tableKeys.get(key);
  if (table) return table;
  const suggestion = didYouMean(closest(key, index.tableKeys).map((t) => t.id));
  throw notFound(`Unknown table "${text}".`, name, suggestion ?? "See TABLES() for every table id.");
}
