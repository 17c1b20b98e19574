/**
 * The key a typed name is matched by: full-width forms folded (NFKC), case folded, and spaces,
 * hyphens, underscores and middle dots dropped, so "ｏｐｅｎａｉ", "Open AI" and "open-ai" all
 * match "OpenAI", and "Kimi2.5" matches "Kimi 2.5".
 */
export function normalizeName(name: string): string {
  let key = recent.get(name);
  if (key === undefined) {
    // NFKC leaves ASCII and the unified CJK ideographs as they are; skipping it for such names
    // avoids its first-use cost (several milliseconds at load).
    key = (PLAIN.test(name) ? name : name.normalize("NFKC"))
      .toLowerCase()
      .replace(/[\s\-_·・‧]+/gu, "");
    if (recent.size >= RECENT_LIMIT) recent.clear();
    recent.set(name, key);
  }
  return key;
}

// Spreadsheets ask the same few names over and over; NFKC costs about 200 ns a call, a Map hit a
// few. Bounded, so arbitrary input cannot grow it.
const RECENT_LIMIT = 2048;
const PLAIN = /^[\u0000-\u007f\u4e00-\u9fff]*$/;
const recent = new Map<string, string>();
