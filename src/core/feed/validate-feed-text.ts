import { parseDataset } from "../parse-dataset";
import type { Dataset } from "../schema";
import { feedErrors } from "./feed-error";

/**
 * Validates a feed's text with the add-in's own `parseDataset` (JSON, schema, meaning) and
 * returns the dataset. Throws NOT_JSON when the text is not JSON at all, INVALID with every
 * problem otherwise.
 */
export function validateFeedText(text: string): Dataset {
  const result = parseDataset(text);
  if (result.ok) return result.dataset;
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  if (body.trim() === "") throw feedErrors.empty();
  if (!isJson(body)) throw feedErrors.notJson(result.problems[0]!);
  throw feedErrors.invalid(result.problems);
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
