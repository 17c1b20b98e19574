import { jsonPath } from "../../src/core/problem";

describe("jsonPath", () => {
  test.each<[PropertyKey[], string]>([
    [[], "$"],
    [["figures", 3, "low"], "$.figures[3].low"],
    [["tables", 0, "rows", 1, 2, "en"], "$.tables[0].rows[1][2].en"],
    [["$schema"], "$.$schema"],
    [["entities", 0, "a key"], '$.entities[0]["a key"]'],
    [["名称"], '$["名称"]'],
  ])("%j -> %s", (segments, path) => {
    expect(jsonPath(segments)).toBe(path);
  });
});
