import type { Cell } from "./build-table";
import type { DatasetState } from "./dataset-store";
import { badArgument } from "./errors";
import { normalizeName } from "./normalize-name";
import { show } from "./query-options";

const FIELDS: Record<string, { en: string; get: (s: DatasetState) => Cell }> = {
  title: { en: "Report title (Chinese, as published)", get: (s) => s.index.dataset.meta.title.zh },
  title_en: { en: "Report title (English)", get: (s) => s.index.dataset.meta.title.en },
  edition: { en: "Edition", get: (s) => `${s.index.dataset.meta.edition.zh} (${s.index.dataset.meta.edition.en})` },
  published: { en: "Published", get: (s) => s.index.dataset.meta.published },
  as_of: { en: "Figures as of", get: (s) => s.index.dataset.meta.asOf },
  version: { en: "Dataset version", get: (s) => s.version },
  hash: { en: "Dataset content hash", get: (s) => s.hash },
  exchange_rate: { en: "CNY per USD used for conversions", get: (s) => s.index.dataset.meta.exchangeRate.cnyPerUsd },
  exchange_rate_method: { en: "How the exchange rate is derived", get: (s) => s.index.dataset.meta.exchangeRate.method.en },
  figures: { en: "Figures in the dataset", get: (s) => s.index.dataset.figures.length },
  source: { en: "Source", get: (s) => `${s.index.dataset.meta.source.publisher}, ${s.index.dataset.meta.source.author}` },
};

export const INFO_FIELDS = Object.keys(FIELDS);

/** The INFO field a caller means ("Exchange rate", "exchange_rate"), or undefined. */
export function infoFieldName(field: unknown): string | undefined {
  const key = typeof field === "string" ? normalizeName(field) : "";
  return INFO_FIELDS.find((f) => normalizeName(f) === key);
}

/** One field of the dataset's metadata, or with no field all of them as a two-column table. */
export function datasetInfo(state: DatasetState, field: unknown): Cell | Cell[][] {
  if (field === null || field === undefined || (typeof field === "string" && field.trim() === "")) {
    return [["Field", "Value"], ...INFO_FIELDS.map((f) => [f, FIELDS[f]!.get(state)])];
  }
  const name = infoFieldName(field);
  if (!name) throw badArgument(`Unknown field ${show(field)}.`, field, `Use one of ${INFO_FIELDS.join(", ")}, or leave it empty for all.`);
  return FIELDS[name]!.get(state);
}
