/**
 * The key a typed name is matched by: full-width forms folded (NFKC), case folded, and spaces,
 * hyphens, underscores and middle dots dropped, so "ｏｐｅｎａｉ", "Open AI" and "open-ai" all
 * match "OpenAI", and "Kimi2.5" matches "Kimi 2.5".
 */
export function normalizeName(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\-_·・‧]+/gu, "");
}
