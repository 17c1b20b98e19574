import { AimarketError } from "../../../src/core/errors";
import { FeedError, feedErrors, isFeedError } from "../../../src/core/feed/feed-error";

const problem = (n: number) => ({ path: `$.figures[${n}].value`, message: `problem ${n}` });

test.each<[string, FeedError, string]>([
  ["HTTP status without a reason phrase (HTTP/2)", feedErrors.httpStatus(503, ""), "The feed answered HTTP 503."],
  ["a timeout of 1 second", feedErrors.timeout(1_000), "The feed did not answer in full within 1 second; try again later."],
  ["a timeout of 2.5 seconds", feedErrors.timeout(2_500), "The feed did not answer in full within 2.5 seconds; try again later."],
  [
    "a Content-Length just over the limit, never shown as the limit itself",
    feedErrors.tooLargeDeclared(5 * 1024 * 1024 + 1),
    "The feed is too large by its Content-Length: the dataset is 5.000001 MB; the limit is 5 MB. Check that this is the dataset file: one report's data is far smaller.",
  ],
  ["one problem", feedErrors.invalid([problem(0)]), "The feed is not a valid dataset (1 problem). $.figures[0].value: problem 0."],
  [
    "more problems than are shown",
    feedErrors.invalid([0, 1, 2, 3, 4].map(problem)),
    "The feed is not a valid dataset (5 problems; the first 3 follow). $.figures[0].value: problem 0. $.figures[1].value: problem 1. $.figures[2].value: problem 2.",
  ],
  [
    "one figure in use dropped",
    feedErrors.dropsFiguresInUse(["openai.revenue.2026"]),
    "The feed drops 1 figure that open workbooks use: openai.revenue.2026. Keep it in the feed, or remove it from the workbooks first.",
  ],
  [
    "more figures in use dropped than are named",
    feedErrors.dropsFiguresInUse(["a.x", "b.x", "c.x", "d.x", "e.x", "f.x", "g.x"]),
    "The feed drops 7 figures that open workbooks use: a.x, b.x, c.x, d.x, e.x and 2 more. Keep them in the feed, or remove them from the workbooks first.",
  ],
])("message for %s", (_name, error, message) => {
  expect(error.message).toBe(message);
});

test("a FeedError is an AimarketError with a feed code, and keeps its problems", () => {
  const error = feedErrors.invalid([problem(0), problem(1)]);
  expect(error).toBeInstanceOf(AimarketError);
  expect(isFeedError(error)).toBe(true);
  expect(isFeedError(new AimarketError("NOT_FOUND", "x"))).toBe(false);
  expect([error.name, error.code, error.problems]).toEqual(["FeedError", "INVALID", [problem(0), problem(1)]]);
});
