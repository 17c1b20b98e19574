import type { Problem } from "./problem";

/** Largest dataset the add-in accepts: the report's data is far smaller, so more means a wrong file. */
export const MAX_DATASET_BYTES = 5 * 1024 * 1024;

const MB = 1024 * 1024;

/** The problem with a dataset of `bytes` bytes (UTF-8), or undefined when it is within the limit. */
export function checkDatasetSize(bytes: number): Problem | undefined {
  if (bytes <= MAX_DATASET_BYTES) return undefined;
  const megabytes = bytes / MB;
  let decimals = 1;
  // More decimals for a file just over the limit, so its size never reads as the limit itself.
  while (decimals < 6 && Number(megabytes.toFixed(decimals)) <= MAX_DATASET_BYTES / MB) decimals++;
  const size = megabytes.toFixed(decimals);
  return {
    path: "$",
    message: `the dataset is ${size} MB; the limit is ${MAX_DATASET_BYTES / MB} MB. Check that this is the dataset file: one report's data is far smaller`,
  };
}
