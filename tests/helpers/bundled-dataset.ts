import * as fs from "fs";
import * as path from "path";
import { indexDataset, type DatasetIndex } from "../../src/core/dataset-index";
import type { Dataset } from "../../src/core/schema";

export const ROOT = path.resolve(__dirname, "../..");
export const DATASET_PATH = path.join(ROOT, "data/ai-market-2026.json");
export const REPORT_PATH = path.join(ROOT, "data/source/report-2026-02-22.txt");

/** The bundled dataset as the file holds it (validation is tested on its own). */
export function bundledDataset(): Dataset {
  return JSON.parse(fs.readFileSync(DATASET_PATH, "utf8")) as Dataset;
}

export function bundledIndex(): DatasetIndex {
  return indexDataset(bundledDataset());
}

export function reportText(): string {
  return fs.readFileSync(REPORT_PATH, "utf8");
}
