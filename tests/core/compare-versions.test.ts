import { compareVersions } from "../../src/core/compare-versions";
import { AimarketError } from "../../src/core/errors";

test.each<[string, string, -1 | 0 | 1]>([
  ["1.0.0", "1.0.0", 0],
  ["1.0.1", "1.0.0", 1],
  ["1.0.0", "1.0.1", -1],
  ["1.10.0", "1.9.0", 1],
  ["2.0.0", "1.99.99", 1],
  ["0.9.9", "1.0.0", -1],
  ["1.2.10", "1.2.9", 1],
  ["01.0.0", "1.0.0", 0],
  ["1.0.90071992547409931", "1.0.90071992547409930", 1],
])("compareVersions(%s, %s) is %s", (a, b, order) => {
  expect(compareVersions(a, b)).toBe(order);
});

test.each(["1.0", "v1.0.0", "1.0.0-beta", ""])("refuses %j, which is not major.minor.patch", (version) => {
  expect(() => compareVersions(version, "1.0.0")).toThrow(
    new AimarketError("BAD_ARGUMENT", `"${version}" is not a dataset version.`, { hint: 'Use major.minor.patch, e.g. "1.2.0".' }),
  );
});
