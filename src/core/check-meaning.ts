import { normalizeName } from "./normalize-name";
import { jsonPath, type Problem } from "./problem";
import type { Dataset, Figure, Flag, Metric, WrittenScale } from "./schema";

type Report = (path: readonly (string | number)[], message: string) => void;

/** Lookups by id; where an id is used twice the first use wins (the duplicate is reported). */
type Index = {
  entities: ReadonlyMap<string, unknown>;
  metrics: ReadonlyMap<string, Metric>;
  figures: ReadonlyMap<string, Figure>;
  tables: ReadonlyMap<string, unknown>;
};

const SCALE_FACTORS: Readonly<Record<WrittenScale, number>> = { "": 1, "万": 1e4, "亿": 1e8, "万亿": 1e12, "%": 0.01 };
const NUMBER_FIELDS = ["value", "low", "high"] as const;
const NOT_IN_TEXT_FIGURES = ["value", "low", "high", "scale", "currency", "written"] as const;

/**
 * The checks a schema cannot express: ids unique and references resolved, each figure shaped by
 * its metric's kind and consistent with its source text, no two figures answering one question,
 * the exchange rate derived from the report's own conversions, and tables well-formed.
 * Expects a dataset that already passed `DatasetSchema`; returns every problem found.
 */
export function checkMeaning(dataset: Dataset): Problem[] {
  const problems: Problem[] = [];
  const report: Report = (path, message) => problems.push({ path: jsonPath(path), message });
  const index: Index = {
    entities: byId(dataset.entities),
    metrics: byId(dataset.metrics),
    figures: byId(dataset.figures),
    tables: byId(dataset.tables),
  };

  checkUniqueIds(dataset, report);
  checkEntityNames(dataset, report);
  dataset.figures.forEach((figure, i) => checkFigure(figure, i, index, report));
  checkOneFigurePerQuestion(dataset, report);
  checkExchangeRate(dataset, index, report);
  dataset.tables.forEach((table, i) => {
    if (table.kind === "source") {
      table.rows.forEach((row, r) => {
        if (row.length !== table.header.length) {
          report(
            ["tables", i, "rows", r],
            `row ${r} of table "${table.id}" has ${row.length} cells, but the header has ${table.header.length}; give every row one cell per header column`,
          );
        }
      });
    } else {
      table.rows.forEach((entity, r) => {
        if (!index.entities.has(entity)) {
          report(
            ["tables", i, "rows", r],
            `table "${table.id}" has a row for entity "${entity}", which is not defined; each row of a numeric table is an entity id from entities`,
          );
        }
      });
      table.columns.forEach((column, c) => {
        const metric = index.metrics.get(column.metric);
        if (metric === undefined) {
          report(
            ["tables", i, "columns", c, "metric"],
            `table "${table.id}" has a column for metric "${column.metric}", which is not defined; use a metric id from metrics`,
          );
        } else if (metric.kind === "text") {
          report(
            ["tables", i, "columns", c, "metric"],
            `table "${table.id}" has a column for text metric "${metric.id}"; a numeric table shows numbers only, so remove the column`,
          );
        }
      });
    }
    checkFlags(table.flags, ["tables", i], `table "${table.id}"`, index, report);
  });
  return problems;
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(item.id)) map.set(item.id, item);
  return map;
}

function checkUniqueIds(dataset: Dataset, report: Report): void {
  const lists = [
    ["entities", "entity", dataset.entities],
    ["metrics", "metric", dataset.metrics],
    ["figures", "figure", dataset.figures],
    ["tables", "table", dataset.tables],
  ] as const;
  for (const [key, noun, items] of lists) {
    const firstUse = new Map<string, number>();
    items.forEach((item, i) => {
      const first = firstUse.get(item.id);
      if (first === undefined) firstUse.set(item.id, i);
      else report([key, i, "id"], `${noun} id "${item.id}" is already used by ${key}[${first}]; give each ${noun} its own id`);
    });
  }
}

/** A name users type must lead to one entity, or a query could not tell which one was meant. */
function checkEntityNames(dataset: Dataset, report: Report): void {
  const owners = new Map<string, { entity: number; id: string; name: string; path: string }>();
  dataset.entities.forEach((entity, i) => {
    const names: [(string | number)[], string][] = [
      [["entities", i, "name", "zh"], entity.name.zh],
      [["entities", i, "name", "en"], entity.name.en],
      ...entity.aliases.map((alias, a): [(string | number)[], string] => [["entities", i, "aliases", a], alias]),
    ];
    for (const [path, name] of names) {
      const key = normalizeName(name);
      const owner = owners.get(key);
      if (key === "") {
        report(
          path,
          `"${name}" matches nothing once spaces, hyphens, underscores and dots are ignored (entity "${entity.id}"); remove it`,
        );
      } else if (owner === undefined) {
        owners.set(key, { entity: i, id: entity.id, name, path: jsonPath(path) });
      } else if (owner.entity !== i) {
        const same = owner.name === name ? "is also" : `matches "${owner.name}",`;
        report(
          path,
          `"${name}" (entity "${entity.id}") ${same} a name of entity "${owner.id}" at ${owner.path}; a name must lead to one entity, so keep it on one of them`,
        );
      }
    }
  });
}

function checkFigure(figure: Figure, i: number, index: Index, report: Report): void {
  const at = (...rest: (string | number)[]) => ["figures", i, ...rest];
  const name = `figure "${figure.id}"`;

  if (!index.entities.has(figure.entity)) {
    report(at("entity"), `${name} names entity "${figure.entity}", which is not defined; add it to entities or fix the id`);
  }
  if (figure.source.table !== undefined && !index.tables.has(figure.source.table)) {
    report(
      at("source", "table"),
      `${name} cites table "${figure.source.table}", which is not defined; add it to tables or fix the id`,
    );
  }
  checkFlags(figure.flags, ["figures", i], name, index, report);
  checkConversion(figure, i, index, report);

  const metric = index.metrics.get(figure.metric);
  if (metric === undefined) {
    report(at("metric"), `${name} names metric "${figure.metric}", which is not defined; add it to metrics or fix the id`);
    return;
  }

  if (metric.kind === "text") {
    if (figure.text === undefined) {
      report(at("text"), `${name} is for text metric "${metric.id}" but has no "text"; add the answer as { "zh": ..., "en": ... }`);
    }
    for (const field of NOT_IN_TEXT_FIGURES) {
      if (figure[field] !== undefined) {
        report(at(field), `${name} is for text metric "${metric.id}" and must not have "${field}"; remove it`);
      }
    }
    return;
  }

  const kind = `metric "${metric.id}" is ${metric.kind}, not text`;
  if (figure.text !== undefined) report(at("text"), `${name} has "text", but ${kind}; remove "text"`);
  if (figure.written === undefined) {
    report(at("written"), `${name} has no "written"; add the number exactly as the report writes it, e.g. "240-270亿美元"`);
  }
  if (figure.scale === undefined) {
    report(at("scale"), `${name} has no "scale"; add the scale as written: "", 万, 亿, 万亿 or %`);
  }
  if (metric.kind === "money" && figure.currency === undefined) {
    report(at("currency"), `${name} has no "currency", but metric "${metric.id}" is money; add USD or CNY as written`);
  }
  if (metric.kind !== "money" && figure.currency !== undefined) {
    report(at("currency"), `${name} has "currency", but metric "${metric.id}" is ${metric.kind}, not money; remove "currency"`);
  }

  const hasRange = figure.low !== undefined || figure.high !== undefined;
  if (figure.value !== undefined && hasRange) {
    report(at("value"), `${name} has both "value" and a range; give either "value" or "low" and "high"`);
  } else if (figure.value === undefined && !hasRange) {
    report(at(), `${name} has no number; give "value", or "low" and "high" for a range`);
  } else if (figure.low !== undefined && figure.high === undefined) {
    report(at("low"), `${name} has "low" but no "high"; give both ends of the range, or a single "value"`);
  } else if (figure.high !== undefined && figure.low === undefined) {
    report(at("high"), `${name} has "high" but no "low"; give both ends of the range, or a single "value"`);
  } else if (figure.low !== undefined && figure.high !== undefined && figure.low > figure.high) {
    report(at("low"), `${name} has low ${figure.low} above high ${figure.high}; swap them`);
  }

  if (figure.written !== undefined && !figure.source.text.includes(figure.written)) {
    report(
      at("written"),
      `${name} writes "${figure.written}", which is not in source.text; copy "written" exactly from source.text`,
    );
  }

  for (const field of NUMBER_FIELDS) {
    const number = figure[field];
    if (number === undefined) continue;
    if (metric.kind === "share" && figure.scale !== undefined) {
      const fraction = number * SCALE_FACTORS[figure.scale];
      if (fraction < 0 || fraction > 1) {
        report(
          at(field),
          `${name} has ${field} ${number} with scale "${figure.scale}", that is ${round(fraction)}; a share must be from 0 to 1 (0% to 100%), so check the number and its scale`,
        );
      }
    }
    if ((metric.kind === "count" || metric.kind === "money") && number < 0) {
      const what = metric.kind === "count" ? "a count" : "an amount of money";
      report(at(field), `${name} has ${field} ${number}, but ${what} cannot be negative; check the sign`);
    }
  }
}

function checkFlags(
  flags: readonly Flag[] | undefined,
  owner: readonly (string | number)[],
  name: string,
  index: Index,
  report: Report,
): void {
  flags?.forEach((flag, k) => {
    flag.related?.forEach((id, m) => {
      if (!index.figures.has(id)) {
        report(
          [...owner, "flags", k, "related", m],
          `flag "${flag.code}" of ${name} names related figure "${id}", which does not exist; use the id of a figure`,
        );
      }
    });
  });
}

function checkConversion(figure: Figure, i: number, index: Index, report: Report): void {
  const id = figure.statedAsConversionOf;
  if (id === undefined) return;
  const path = ["figures", i, "statedAsConversionOf"];
  const name = `figure "${figure.id}"`;
  const original = index.figures.get(id);
  if (original === undefined) {
    report(path, `${name} is stated as a conversion of "${id}", which is not a figure; use the id of the figure it converts`);
  } else if (question(original, false) !== question(figure, false)) {
    report(
      path,
      `${name} is stated as a conversion of figure "${id}", which is for ${question(original, false)}, not ${question(figure, false)}; a conversion has the same entity, metric and period`,
    );
  } else if (figure.currency !== undefined && original.currency === figure.currency) {
    report(
      path,
      `${name} is stated as a conversion of figure "${id}", but both are in ${figure.currency}; a conversion is in the other currency`,
    );
  }
}

/** The question a figure answers, as `alibaba / revenue / 2026 / CNY`. */
function question(figure: Figure, withCurrency: boolean): string {
  const parts = [figure.entity, figure.metric, figure.period === null ? "no period" : String(figure.period)];
  if (withCurrency) parts.push(figure.currency ?? "no currency");
  return parts.join(" / ");
}

function checkOneFigurePerQuestion(dataset: Dataset, report: Report): void {
  const firstFigure = new Map<string, Figure>();
  dataset.figures.forEach((figure, i) => {
    const key = question(figure, true);
    const first = firstFigure.get(key);
    if (first === undefined) {
      firstFigure.set(key, figure);
    } else if (first.id !== figure.id) {
      report(
        ["figures", i],
        `figures "${first.id}" and "${figure.id}" both answer ${key} (entity / metric / period / currency); a query could not choose between them, so remove one or correct it`,
      );
    }
  });
}

/** The rate must be the one the report's own conversions imply, so queries convert as the report does. */
function checkExchangeRate(dataset: Dataset, index: Index, report: Report): void {
  const rate = dataset.meta.exchangeRate;
  let cnyTotal = 0;
  let usdTotal = 0;
  let complete = true;
  rate.pairs.forEach((pair, k) => {
    const path = ["meta", "exchangeRate", "pairs", k];
    const fail = (field: "cny" | "usd", message: string) => {
      complete = false;
      report([...path, field], message);
    };
    const cny = index.figures.get(pair.cny);
    const usd = index.figures.get(pair.usd);
    if (cny === undefined) {
      fail("cny", `"${pair.cny}" is not a figure; "cny" must be the id of the report's CNY figure`);
    } else if (cny.currency !== "CNY") {
      fail(
        "cny",
        `figure "${cny.id}" is not a CNY figure (currency: ${cny.currency ?? "none"}); "cny" must be the id of the report's CNY figure`,
      );
    }
    const usdRole = `"usd" must be the id of the report's USD conversion of "${pair.cny}"`;
    if (usd === undefined) {
      fail("usd", `"${pair.usd}" is not a figure; ${usdRole}`);
    } else if (usd.currency !== "USD") {
      fail("usd", `figure "${usd.id}" is not a USD figure (currency: ${usd.currency ?? "none"}); ${usdRole}`);
    } else if (cny?.currency === "CNY" && usd.statedAsConversionOf !== pair.cny) {
      const actual =
        usd.statedAsConversionOf === undefined
          ? "it has no statedAsConversionOf"
          : `its statedAsConversionOf is "${usd.statedAsConversionOf}"`;
      fail(
        "usd",
        `figure "${usd.id}" is not stated as a conversion of "${pair.cny}" (${actual}); pair each CNY figure with its own USD conversion`,
      );
    }
    const cnyAmount = cny === undefined ? undefined : doubledAmount(cny);
    const usdAmount = usd === undefined ? undefined : doubledAmount(usd);
    if (cnyAmount === undefined || usdAmount === undefined) complete = false;
    else {
      cnyTotal += cnyAmount;
      usdTotal += usdAmount;
    }
  });
  // A rate derived from a broken pair would only repeat the pair's problem as a wrong number.
  if (!complete || usdTotal <= 0) return;

  const factor = 10 ** rate.decimals;
  const derived = Math.round((cnyTotal / usdTotal) * factor) / factor;
  if (derived !== rate.cnyPerUsd) {
    report(
      ["meta", "exchangeRate", "cnyPerUsd"],
      `cnyPerUsd is ${rate.cnyPerUsd}, but the pairs give ${derived} (rounded to ${rate.decimals} decimals); set cnyPerUsd to ${derived} or fix the pairs`,
    );
  }
}

/** low + high of a range, or twice a single value, in units: a range counts by its midpoint. */
function doubledAmount(figure: Figure): number | undefined {
  const factor = SCALE_FACTORS[figure.scale ?? ""];
  if (figure.low !== undefined && figure.high !== undefined) return (figure.low + figure.high) * factor;
  if (figure.value !== undefined) return 2 * figure.value * factor;
  return undefined;
}

function round(n: number): number {
  return Number(n.toPrecision(12));
}
