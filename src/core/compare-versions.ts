import { badArgument } from "./errors";

const SEMVER = /^(\d+)\.(\d+)\.(\d+)$/;

/**
 * Compares two dataset versions (`major.minor.patch`, the form the schema allows) part by part as
 * numbers, so `1.10.0` is newer than `1.9.0`. Returns -1, 0 or 1 as `a` is older, the same or newer.
 */
export function compareVersions(a: string, b: string): -1 | 0 | 1 {
  const left = partsOf(a);
  const right = partsOf(b);
  for (let i = 0; i < 3; i++) {
    const x = left[i]!;
    const y = right[i]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

function partsOf(version: string): bigint[] {
  const match = SEMVER.exec(version);
  if (match === null) {
    throw badArgument(`"${version}" is not a dataset version.`, version, 'Use major.minor.patch, e.g. "1.2.0".');
  }
  // BigInt: a part with more digits than a double holds still compares exactly.
  return match.slice(1, 4).map((part) => BigInt(part));
}
