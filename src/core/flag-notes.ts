import type { Language } from "./query-options";
import type { Flag } from "./schema";
import { FLAG_LABELS } from "./vocabulary";

/** The marker every flagged figure carries wherever it is shown (tables, pane, SOURCE). */
export const FLAG_MARKER = "⚑";

export const NOTES_HEADER: Readonly<Record<Language, string>> = { en: "Notes", zh: "备注" };

/** `⚑ Revenue — scope differs: The report marks…` (the subject is what the flag is about). */
export function flagNote(flag: Flag, language: Language, subject?: string): string {
  const label = FLAG_LABELS[flag.code][language];
  const head = subject ? `${subject} — ${label}` : label;
  return `${FLAG_MARKER} ${head}${language === "zh" ? ":" : ": "}${flag.note[language]}`;
}

/**
 * The notes cell of one table row: every flag of the figures the row shows (each figure once, in
 * column order), then the columns the report gives nothing for. "" when there is nothing to say.
 */
export function rowNotes(
  flagged: ReadonlyArray<{ subject: string; flags: readonly Flag[] }>,
  missing: readonly string[],
  language: Language,
): string {
  const parts = flagged.flatMap(({ subject, flags }) => flags.map((flag) => flagNote(flag, language, subject)));
  if (missing.length > 0) parts.push(missingNote(missing, language));
  return parts.join(language === "zh" ? " " : "  ");
}

/** `Not in the report: Total compute (GW), …` for the named figures a row lacks. */
export function missingNote(names: readonly string[], language: Language): string {
  return language === "zh" ? `报告未给出:${names.join("、")}` : `Not in the report: ${names.join(", ")}`;
}
