import { figureKey } from "../core/dataset-index";
import type { Dataset, Figure } from "../core/schema";
import type { TrackedTable } from "../excel/contracts";

/**
 * Which of the workbook's tracked tables use which figures, by the keys a feed check takes
 * (`refreshFeed`'s `inUse`): a numeric table uses `entity|metric` for every row entity and column
 * metric (whatever the year, as its formulas ask by entity and metric); a table as written in the
 * report uses the ids of the figures whose `source.table` is that table. Each key maps to the names
 * of the tracked tables that use it, in the order given. A tracked table the dataset no longer has
 * uses nothing.
 */
export function figuresInUse(dataset: Dataset, tracked: readonly Pick<TrackedTable, "name" | "tableId">[]): Map<string, string[]> {
  const uses = new Map<string, string[]>();
  const add = (key: string, name: string): void => {
    const names = uses.get(key);
    if (!names) uses.set(key, [name]);
    else if (!names.includes(name)) names.push(name);
  };
  for (const { name, tableId } of tracked) {
    const table = dataset.tables.find((t) => t.id === tableId);
    if (!table) continue;
    if (table.kind === "numeric") {
      for (const entity of table.rows) for (const column of table.columns) add(figureKey(entity, column.metric), name);
    } else {
      for (const figure of dataset.figures) if (figure.source.table === table.id) add(figure.id, name);
    }
  }
  return uses;
}

/** The tracked tables that use `figure`, by its id or its `entity|metric` key, in name order. */
export function tablesUsing(uses: ReadonlyMap<string, readonly string[]>, figure: Pick<Figure, "id" | "entity" | "metric">): string[] {
  const names = new Set([...(uses.get(figure.id) ?? []), ...(uses.get(figureKey(figure.entity, figure.metric)) ?? [])]);
  return [...names].sort((a, b) => a.localeCompare(b, "en"));
}

/** Both maps' uses together, e.g. before and after a feed changes which figures a table shows. */
export function mergeUses(...maps: ReadonlyMap<string, readonly string[]>[]): Map<string, string[]> {
  const merged = new Map<string, string[]>();
  for (const map of maps) {
    for (const [key, names] of map) merged.set(key, [...new Set([...(merged.get(key) ?? []), ...names])]);
  }
  return merged;
}
