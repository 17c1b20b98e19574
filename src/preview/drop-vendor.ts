import type { Dataset } from "../core/schema";
import { bumpMinor } from "./revise-dataset";

/**
 * A revised copy of a dataset for the simulator's "Remove a vendor" button: the last vendor of the
 * numeric vendor tables leaves them (its figures stay), so a refresh makes those tables one row
 * shorter and their charts follow. Returns undefined when the tables have no vendor left to drop.
 */
export function dropLastVendor(dataset: Dataset): { dataset: Dataset; vendor: string } | undefined {
  const next = structuredClone(dataset);
  const tables = next.tables.filter((t) => t.kind === "numeric" && t.id.startsWith("vendor_") && t.rows.length > 1);
  const vendor = tables[0]?.kind === "numeric" ? tables[0].rows[tables[0].rows.length - 1] : undefined;
  if (vendor === undefined) return undefined;
  for (const t of tables) if (t.kind === "numeric") t.rows = t.rows.filter((r) => r !== vendor);
  next.meta.version = bumpMinor(next.meta.version);
  const entity = next.entities.find((e) => e.id === vendor);
  return { dataset: next, vendor: entity?.name.en ?? vendor };
}
