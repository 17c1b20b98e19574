import { feedErrors } from "./feed-error";

/**
 * Parses a feed URL and applies the rules for where a feed may come from: https anywhere; plain
 * http only from this computer (localhost, 127.0.0.0/8, [::1]), for a publisher testing a feed
 * before putting it online. Throws URL_NOT_ALLOWED.
 */
export function checkFeedUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw feedErrors.invalidUrl(url);
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw feedErrors.schemeNotAllowed(url, parsed.protocol.slice(0, -1));
  }
  if (parsed.protocol === "http:" && !isLoopbackHost(parsed.hostname)) throw feedErrors.plainHttp(url);
  if (parsed.username !== "" || parsed.password !== "") throw feedErrors.credentials();
  return parsed;
}

/** `hostname` as the URL parser gives it: lower case, IPv4 in dotted decimal, IPv6 in brackets. */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}
