/** Levenshtein distance, for "did you mean" suggestions over a few hundred short names. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j]!;
      prev[j] = Math.min(above + 1, prev[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return prev[b.length]!;
}

/**
 * The candidates closest to `key` (already normalised), best first, at most `limit`. A candidate is
 * close when its distance is at most a third of the longer string (at least 1), so "openal" finds
 * "openai" but "x" finds nothing.
 */
export function closest<T>(key: string, candidates: Iterable<[string, T]>, limit = 3): T[] {
  const scored: { item: T; distance: number }[] = [];
  for (const [candidate, item] of candidates) {
    const distance = editDistance(key, candidate);
    const allowed = Math.max(1, Math.floor(Math.max(key.length, candidate.length) / 3));
    if (distance <= allowed || (key.length >= 3 && candidate.startsWith(key))) scored.push({ item, distance });
  }
  scored.sort((x, y) => x.distance - y.distance);
  const out: T[] = [];
  for (const { item } of scored) {
    if (!out.includes(item)) out.push(item);
    if (out.length === limit) break;
  }
  return out;
}

/** `Did you mean "A"?` / `Did you mean "A" or "B"?`, or undefined when there is nothing to suggest. */
export function didYouMean(names: string[]): string | undefined {
  if (names.length === 0) return undefined;
  const quoted = names.map((n) => `"${n}"`);
  const last = quoted.pop()!;
  return `Did you mean ${quoted.length ? `${quoted.join(", ")} or ${last}` : last}?`;
}
