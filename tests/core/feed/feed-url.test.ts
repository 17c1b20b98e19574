import { FeedError } from "../../../src/core/feed/feed-error";
import { checkFeedUrl, isLoopbackHost } from "../../../src/core/feed/feed-url";

const LOOPBACK = "localhost, 127.x.x.x or [::1]";

describe("checkFeedUrl", () => {
  test.each([
    ["https anywhere", "https://data.example.com/ai-market.json", "https://data.example.com/ai-market.json"],
    ["https with a port and a query", "https://example.com:8443/feed?v=2", "https://example.com:8443/feed?v=2"],
    ["http to localhost", "http://localhost:8080/feed.json", "http://localhost:8080/feed.json"],
    ["http to LOCALHOST, any case", "HTTP://LocalHost/feed.json", "http://localhost/feed.json"],
    ["http to 127.0.0.1", "http://127.0.0.1:3000/feed.json", "http://127.0.0.1:3000/feed.json"],
    ["http anywhere in 127.0.0.0/8", "http://127.255.0.9/feed.json", "http://127.255.0.9/feed.json"],
    ["http to 127.1, which is 127.0.0.1", "http://127.1/feed.json", "http://127.0.0.1/feed.json"],
    ["http to [::1]", "http://[::1]:3000/feed.json", "http://[::1]:3000/feed.json"],
  ])("allows %s", (_name, url, href) => {
    expect(checkFeedUrl(url).href).toBe(href);
  });

  test.each([
    ["text that is not a URL", "ai-market.json", '"ai-market.json" is not a valid URL; give the feed\'s full address, e.g. https://example.com/ai-market.json.'],
    ["an empty URL", "", '"" is not a valid URL; give the feed\'s full address, e.g. https://example.com/ai-market.json.'],
    [
      "plain http to another computer",
      "http://example.com/feed.json",
      `The feed URL "http://example.com/feed.json" uses plain http to another computer; use https (plain http is allowed only for ${LOOPBACK}).`,
    ],
    [
      "plain http to a private address",
      "http://192.168.1.10/feed.json",
      `The feed URL "http://192.168.1.10/feed.json" uses plain http to another computer; use https (plain http is allowed only for ${LOOPBACK}).`,
    ],
    [
      "plain http to a host named like loopback",
      "http://127.0.0.1.example.com/feed.json",
      `The feed URL "http://127.0.0.1.example.com/feed.json" uses plain http to another computer; use https (plain http is allowed only for ${LOOPBACK}).`,
    ],
    [
      "plain http to a localhost subdomain",
      "http://localhost.example.com/feed.json",
      `The feed URL "http://localhost.example.com/feed.json" uses plain http to another computer; use https (plain http is allowed only for ${LOOPBACK}).`,
    ],
    ["ftp", "ftp://example.com/feed.json", `The feed URL "ftp://example.com/feed.json" uses ftp; feeds are read over https only (plain http only from this computer: ${LOOPBACK}).`],
    ["file", "file:///C:/feed.json", `The feed URL "file:///C:/feed.json" uses file; feeds are read over https only (plain http only from this computer: ${LOOPBACK}).`],
    ["javascript", "javascript:alert(1)", `The feed URL "javascript:alert(1)" uses javascript; feeds are read over https only (plain http only from this computer: ${LOOPBACK}).`],
    [
      "a password in the URL",
      "https://user:secret@example.com/feed.json",
      "The feed URL contains a user name or password; remove them, a feed is read without signing in.",
    ],
  ])("refuses %s with URL_NOT_ALLOWED", (_name, url, message) => {
    const error = captured(() => checkFeedUrl(url));
    expect(error).toBeInstanceOf(FeedError);
    expect({ code: (error as FeedError).code, message: (error as FeedError).message }).toEqual({ code: "URL_NOT_ALLOWED", message });
  });
});

test.each([
  ["localhost", true],
  ["127.0.0.1", true],
  ["127.8.9.10", true],
  ["[::1]", true],
  ["128.0.0.1", false],
  ["[::ffff:7f00:1]", false],
  ["example.com", false],
])("isLoopbackHost(%s) is %s", (host, loopback) => {
  expect(isLoopbackHost(host)).toBe(loopback);
});

function captured(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}
