// Builds a localized custom functions metadata file (functions.<locale>.json) from the generated
// functions.json and a translation table keyed by function id. Ids, names and types are copied as
// they are: formulas store them, so they stay ASCII in every language; only descriptions change.
import { z } from "zod";

export const TranslationTableSchema = z.record(
  z.string(),
  z.strictObject({
    description: z.string().trim().min(1),
    parameters: z.record(z.string(), z.string().trim().min(1)).optional(),
    result: z.string().trim().min(1).optional(),
  }),
);

export type TranslationTable = z.infer<typeof TranslationTableSchema>;

/** The parts of functions.json (custom functions metadata) that carry user-visible text. */
export interface FunctionsMetadata {
  functions: FunctionMetadata[];
  [key: string]: unknown;
}

export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters?: ParameterMetadata[];
  result?: { description?: string; [key: string]: unknown };
  [key: string]: unknown;
}

export interface ParameterMetadata {
  name: string;
  description?: string;
  [key: string]: unknown;
}

export interface LocalizeOptions {
  locale: string;
  /** Where the translation table lives, named in messages. */
  tableFile: string;
}

export class LocalizationError extends Error {
  readonly code = "TRANSLATION_MISSING";
  constructor(readonly problems: readonly string[], tableFile: string) {
    super(`${tableFile}: ${problems.length} problem${problems.length === 1 ? "" : "s"}:\n- ${problems.join("\n- ")}`);
    this.name = "LocalizationError";
  }
}

/** The entry a translator has to fill in, with the English text in place of each translation. */
function skeleton(fn: FunctionMetadata): string {
  const entry: Record<string, unknown> = { description: fn.description ?? "" };
  const parameters = (fn.parameters ?? []).filter((p) => p.description);
  if (parameters.length > 0) entry.parameters = Object.fromEntries(parameters.map((p) => [p.name, p.description]));
  if (fn.result?.description) entry.result = fn.result.description;
  return JSON.stringify({ [fn.id]: entry });
}

/** Throws a LocalizationError listing every missing or stale translation. */
export function localizeFunctionsMetadata(
  metadata: FunctionsMetadata,
  table: unknown,
  { locale, tableFile }: LocalizeOptions,
): FunctionsMetadata {
  const parsed = TranslationTableSchema.safeParse(table);
  if (!parsed.success) {
    throw new LocalizationError([`not a valid translation table:\n${z.prettifyError(parsed.error)}`], tableFile);
  }
  const translations = parsed.data;
  const problems: string[] = [];
  const ids = new Set(metadata.functions.map((fn) => fn.id));

  const functions = metadata.functions.map((fn): FunctionMetadata => {
    const entry = translations[fn.id];
    if (!entry) {
      problems.push(`function ${fn.id} has no ${locale} translation; add (translated) ${skeleton(fn)}`);
      return fn;
    }
    if (!fn.description) {
      problems.push(`function ${fn.id} has a ${locale} description but no English one in its JSDoc`);
    }
    const parameterNames = new Set((fn.parameters ?? []).map((p) => p.name));
    for (const name of Object.keys(entry.parameters ?? {})) {
      if (!parameterNames.has(name)) problems.push(`function ${fn.id} has no parameter "${name}"; remove its translation`);
    }
    const parameters = fn.parameters?.map((parameter): ParameterMetadata => {
      if (!parameter.description) return parameter;
      const translated = entry.parameters?.[parameter.name];
      if (translated === undefined) {
        problems.push(
          `function ${fn.id} parameter "${parameter.name}" has no ${locale} translation (English: ${JSON.stringify(parameter.description)})`,
        );
        return parameter;
      }
      return { ...parameter, description: translated };
    });
    let result = fn.result;
    if (fn.result?.description) {
      if (entry.result === undefined) {
        problems.push(
          `function ${fn.id} result has no ${locale} translation (English: ${JSON.stringify(fn.result.description)})`,
        );
      } else {
        result = { ...fn.result, description: entry.result };
      }
    } else if (entry.result !== undefined) {
      problems.push(`function ${fn.id} has no result description in functions.json; remove its "result" translation`);
    }
    const localized: FunctionMetadata = { ...fn, description: entry.description };
    if (parameters) localized.parameters = parameters;
    if (result) localized.result = result;
    return localized;
  });

  for (const id of Object.keys(translations)) {
    if (!ids.has(id)) problems.push(`"${id}" is not a custom function in functions.json; remove its translation`);
  }
  if (problems.length > 0) throw new LocalizationError(problems, tableFile);
  return { ...metadata, functions };
}
