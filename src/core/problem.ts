/**
 * One thing wrong with a dataset: where it is, as a JSON path such as `$.figures[3].low`, and
 * one sentence saying what is wrong and what to do about it.
 */
export type Problem = { path: string; message: string };

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `["figures", 3, "low"]` -> `$.figures[3].low`; keys that are not identifiers are quoted. */
export function jsonPath(segments: readonly PropertyKey[]): string {
  let path = "$";
  for (const segment of segments) {
    if (typeof segment === "number") path += `[${segment}]`;
    else if (typeof segment === "string" && IDENTIFIER.test(segment)) path += `.${segment}`;
    else path += `[${JSON.stringify(String(segment))}]`;
  }
  return path;
}
