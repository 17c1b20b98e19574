import { compareVersions } from "../compare-versions";
import { figureKey } from "../dataset-index";
import { diffDatasets, type DatasetDiff } from "../diff-datasets";
import type { Dataset } from "../schema";
import { canonicalJson } from "./canonical-json";
import { feedErrors } from "./feed-error";

export type FeedStatus = "updated" | "unchanged";

export interface FeedVerdict {
  /** `updated`: `next` replaces the dataset in use; `unchanged`: it is the dataset in use. */
  status: FeedStatus;
  diff: DatasetDiff;
}

/**
 * Decides whether a valid `next` may replace `current`: it must have a higher version (the same
 * version only with the same content, which is `unchanged`), and keep every figure that open
 * workbooks use. `inUse` holds figure ids and `entity|metric` keys (see `figureKey`); only those
 * `current` answers count, so a workbook already broken does not block a feed.
 * Throws OLDER_VERSION, SAME_VERSION_CHANGED or DROPS_FIGURES_IN_USE.
 */
export function checkFeedUpdate(current: Dataset, next: Dataset, inUse: Iterable<string> = []): FeedVerdict {
  const order = compareVersions(next.meta.version, current.meta.version);
  if (order < 0) throw feedErrors.olderVersion(next.meta.version, current.meta.version);
  if (order === 0) {
    if (!sameContent(current, next)) throw feedErrors.sameVersionChanged(next.meta.version);
    return { status: "unchanged", diff: diffDatasets(current, next) };
  }
  const dropped = droppedInUse(current, next, inUse);
  if (dropped.length > 0) throw feedErrors.dropsFiguresInUse(dropped);
  return { status: "updated", diff: diffDatasets(current, next) };
}

/** Same content, whatever the key order; `$schema` only points at the schema file and is ignored. */
function sameContent(a: Dataset, b: Dataset): boolean {
  return canonicalJson({ ...a, $schema: undefined }) === canonicalJson({ ...b, $schema: undefined });
}

/** The keys of `inUse` that `current` answers and `next` does not, in the order given. */
function droppedInUse(current: Dataset, next: Dataset, inUse: Iterable<string>): string[] {
  const answers = (dataset: Dataset) => new Set(dataset.figures.flatMap((f) => [f.id, figureKey(f.entity, f.metric)]));
  const before = answers(current);
  const after = answers(next);
  return [...new Set(inUse)].filter((key) => before.has(key) && !after.has(key));
}
