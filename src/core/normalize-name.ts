/**
 * The key a typed name is matched by: full-width forms folded (NFKC), case folded, and spaces,
 * hyphens, underscores and middle dots dropped, so "ｏｐｅｎａｉ", "Open AI" and "open-ai" all
 * match "OpenAI", and "Kimi2.5" matches "Kimi 2.5".
 */
export function normalizeName(name: string): string {
  let key = recent.get(name);
  if (key === undefined) {
    key = name
      .normalize("NFKC")
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
const recent = new Map<string, string>();
