import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkMeaning } from "../../src/core/check-meaning";
import type { Problem } from "../../src/core/problem";
import type { Dataset, Figure, NumericTable, SourceTable } from "../../src/core/schema";

const FIXTURE = readFileSync(join(__dirname, "../fixtures/datasets/minimal.json"), "utf8");

function fixture(): Dataset {
  return JSON.parse(FIXTURE) as Dataset;
}

/** Fixture figures by position, named for readability. */
const OPENAI_REVENUE = 0;
const ALIBABA_CNY = 1;
const ALIBABA_USD = 2;
const SHARE = 3;
const USERS = 4;
const TEXT = 5;

function figure(d: Dataset, i: number): Figure {
  return d.figures[i]!;
}
function sourceTable(d: Dataset): SourceTable {
  return d.tables[0] as SourceTable;
}
function numericTable(d: Dataset): NumericTable {
  return d.tables[1] as NumericTable;
}

const SHARE_ID = "global.inference_compute_share.2026";

describe("checkMeaning", () => {
  test("the fixture is meaningful", () => {
    expect(checkMeaning(fixture())).toEqual([]);
  });

  test.each<[string, (d: Dataset) => void, Problem[]]>([
    [
      "duplicate figure id names the first use",
      (d) => {
        figure(d, USERS).id = "openai.revenue.2026";
      },
      [
        {
          path: "$.figures[4].id",
          message: 'figure id "openai.revenue.2026" is already used by figures[0]; give each figure its own id',
        },
      ],
    ],
    [
      "duplicate entity id",
      (d) => {
        d.entities[2]!.id = "alibaba";
        figure(d, SHARE).entity = "alibaba";
      },
      [{ path: "$.entities[2].id", message: 'entity id "alibaba" is already used by entities[1]; give each entity its own id' }],
    ],
    [
      "duplicate metric id",
      (d) => {
        d.metrics[3]!.id = "revenue";
        figure(d, TEXT).metric = "revenue";
        figure(d, TEXT).period = null;
        figure(d, TEXT).currency = "USD";
        figure(d, TEXT).written = "330亿美元";
        figure(d, TEXT).source.text = "330亿美元";
        figure(d, TEXT).value = 330;
        figure(d, TEXT).scale = "亿";
        delete figure(d, TEXT).text;
      },
      [{ path: "$.metrics[3].id", message: 'metric id "revenue" is already used by metrics[0]; give each metric its own id' }],
    ],
    [
      "duplicate table id",
      (d) => {
        numericTable(d).id = "intl-vendors";
      },
      [{ path: "$.tables[1].id", message: 'table id "intl-vendors" is already used by tables[0]; give each table its own id' }],
    ],
    [
      "a name that leads to two entities",
      (d) => {
        d.entities[2]!.aliases.push("ＯＰＥＮ-ai");
      },
      [
        {
          path: "$.entities[2].aliases[1]",
          message:
            '"ＯＰＥＮ-ai" (entity "global") matches "OpenAI", a name of entity "openai" at $.entities[0].name.zh; a name must lead to one entity, so keep it on one of them',
        },
      ],
    ],
    [
      "the same name on two entities",
      (d) => {
        d.entities[1]!.name.en = "Global";
      },
      [
        {
          path: "$.entities[2].name.en",
          message:
            '"Global" (entity "global") is also a name of entity "alibaba" at $.entities[1].name.en; a name must lead to one entity, so keep it on one of them',
        },
      ],
    ],
    [
      "a name that normalizes to nothing",
      (d) => {
        d.entities[2]!.aliases.push("- ·");
      },
      [
        {
          path: "$.entities[2].aliases[1]",
          message: '"- ·" matches nothing once spaces, hyphens, underscores and dots are ignored (entity "global"); remove it',
        },
      ],
    ],
    [
      "unknown entity in a figure",
      (d) => {
        figure(d, OPENAI_REVENUE).entity = "opnai";
      },
      [
        {
          path: "$.figures[0].entity",
          message: 'figure "openai.revenue.2026" names entity "opnai", which is not defined; add it to entities or fix the id',
        },
      ],
    ],
    [
      "unknown metric in a figure",
      (d) => {
        figure(d, OPENAI_REVENUE).metric = "revenu";
      },
      [
        {
          path: "$.figures[0].metric",
          message: 'figure "openai.revenue.2026" names metric "revenu", which is not defined; add it to metrics or fix the id',
        },
      ],
    ],
    [
      "unknown related figure in a flag",
      (d) => {
        figure(d, SHARE).flags![0]!.related = ["openai.revenue.2026", "openai.revenue.2025"];
      },
      [
        {
          path: "$.figures[3].flags[0].related[1]",
          message: `flag "scope_unclear" of figure "${SHARE_ID}" names related figure "openai.revenue.2025", which does not exist; use the id of a figure`,
        },
      ],
    ],
    [
      "unknown related figure in a table flag",
      (d) => {
        sourceTable(d).flags = [{ code: "garbled", note: { zh: "乱码", en: "Garbled" }, related: ["openai.profit.2026"] }];
      },
      [
        {
          path: "$.tables[0].flags[0].related[0]",
          message: 'flag "garbled" of table "intl-vendors" names related figure "openai.profit.2026", which does not exist; use the id of a figure',
        },
      ],
    ],
    [
      "unknown source table",
      (d) => {
        figure(d, OPENAI_REVENUE).source.table = "vendors";
      },
      [
        {
          path: "$.figures[0].source.table",
          message: 'figure "openai.revenue.2026" cites table "vendors", which is not defined; add it to tables or fix the id',
        },
      ],
    ],
    [
      "text figure without text",
      (d) => {
        delete figure(d, TEXT).text;
      },
      [
        {
          path: "$.figures[5].text",
          message:
            'figure "openai.core_strength.2026" is for text metric "core_strength" but has no "text"; add the answer as { "zh": ..., "en": ... }',
        },
      ],
    ],
    [
      "text figure with numeric fields",
      (d) => {
        Object.assign(figure(d, TEXT), { value: 1, scale: "", written: "基础模型" });
      },
      ["value", "scale", "written"].map((field) => ({
        path: `$.figures[5].${field}`,
        message: `figure "openai.core_strength.2026" is for text metric "core_strength" and must not have "${field}"; remove it`,
      })),
    ],
    [
      "numeric figure with text",
      (d) => {
        figure(d, OPENAI_REVENUE).text = { zh: "三百三十亿", en: "33 billion" };
      },
      [
        {
          path: "$.figures[0].text",
          message: 'figure "openai.revenue.2026" has "text", but metric "revenue" is money, not text; remove "text"',
        },
      ],
    ],
    [
      "numeric figure without written and scale",
      (d) => {
        delete figure(d, USERS).written;
        delete figure(d, USERS).scale;
      },
      [
        {
          path: "$.figures[4].written",
          message:
            'figure "openai.monthly_active_users.2026" has no "written"; add the number exactly as the report writes it, e.g. "240-270亿美元"',
        },
        {
          path: "$.figures[4].scale",
          message: 'figure "openai.monthly_active_users.2026" has no "scale"; add the scale as written: "", 万, 亿, 万亿 or %',
        },
      ],
    ],
    [
      "numeric figure without a number",
      (d) => {
        delete figure(d, OPENAI_REVENUE).value;
      },
      [
        {
          path: "$.figures[0]",
          message: 'figure "openai.revenue.2026" has no number; give "value", or "low" and "high" for a range',
        },
      ],
    ],
    [
      "both a value and a range",
      (d) => {
        Object.assign(figure(d, OPENAI_REVENUE), { low: 320, high: 340 });
      },
      [
        {
          path: "$.figures[0].value",
          message: 'figure "openai.revenue.2026" has both "value" and a range; give either "value" or "low" and "high"',
        },
      ],
    ],
    [
      "half a range",
      (d) => {
        delete figure(d, ALIBABA_USD).low;
      },
      [
        {
          path: "$.figures[2].high",
          message: 'figure "alibaba.revenue.2026.usd" has "high" but no "low"; give both ends of the range, or a single "value"',
        },
      ],
    ],
    [
      "low above high",
      (d) => {
        Object.assign(figure(d, ALIBABA_CNY), { low: 250, high: 220 });
      },
      [{ path: "$.figures[1].low", message: 'figure "alibaba.revenue.2026.cny" has low 250 above high 220; swap them' }],
    ],
    [
      "money without currency",
      (d) => {
        delete figure(d, OPENAI_REVENUE).currency;
      },
      [
        {
          path: "$.figures[0].currency",
          message: 'figure "openai.revenue.2026" has no "currency", but metric "revenue" is money; add USD or CNY as written',
        },
      ],
    ],
    [
      "currency on a count",
      (d) => {
        figure(d, USERS).currency = "USD";
      },
      [
        {
          path: "$.figures[4].currency",
          message:
            'figure "openai.monthly_active_users.2026" has "currency", but metric "monthly_active_users" is count, not money; remove "currency"',
        },
      ],
    ],
    [
      "written not in the source text",
      (d) => {
        figure(d, OPENAI_REVENUE).written = "330亿元";
      },
      [
        {
          path: "$.figures[0].written",
          message: 'figure "openai.revenue.2026" writes "330亿元", which is not in source.text; copy "written" exactly from source.text',
        },
      ],
    ],
    [
      "share above 100%",
      (d) => {
        Object.assign(figure(d, SHARE), { value: 172, written: "172%" });
        figure(d, SHARE).source.text = "达172%";
      },
      [
        {
          path: "$.figures[3].value",
          message: `figure "${SHARE_ID}" has value 172 with scale "%", that is 1.72; a share must be from 0 to 1 (0% to 100%), so check the number and its scale`,
        },
      ],
    ],
    [
      "share written as a percentage without the % scale",
      (d) => {
        figure(d, SHARE).scale = "";
      },
      [
        {
          path: "$.figures[3].value",
          message: `figure "${SHARE_ID}" has value 70 with scale "", that is 70; a share must be from 0 to 1 (0% to 100%), so check the number and its scale`,
        },
      ],
    ],
    [
      "negative share in a range",
      (d) => {
        delete figure(d, SHARE).value;
        Object.assign(figure(d, SHARE), { low: -5, high: 70 });
      },
      [
        {
          path: "$.figures[3].low",
          message: `figure "${SHARE_ID}" has low -5 with scale "%", that is -0.05; a share must be from 0 to 1 (0% to 100%), so check the number and its scale`,
        },
      ],
    ],
    [
      "negative count",
      (d) => {
        Object.assign(figure(d, USERS), { value: -7.5, written: "-7.5亿" });
        figure(d, USERS).source.text = "月活用户-7.5亿";
      },
      [
        {
          path: "$.figures[4].value",
          message: 'figure "openai.monthly_active_users.2026" has value -7.5, but a count cannot be negative; check the sign',
        },
      ],
    ],
    [
      "negative money",
      (d) => {
        Object.assign(figure(d, OPENAI_REVENUE), { value: -330, written: "-330亿美元" });
        figure(d, OPENAI_REVENUE).source.text = "-330亿美元";
      },
      [
        {
          path: "$.figures[0].value",
          message: 'figure "openai.revenue.2026" has value -330, but an amount of money cannot be negative; check the sign',
        },
      ],
    ],
    [
      "two figures answering the same question",
      (d) => {
        Object.assign(figure(d, USERS), { metric: "revenue", currency: "USD" });
      },
      [
        {
          path: "$.figures[4]",
          message:
            'figures "openai.revenue.2026" and "openai.monthly_active_users.2026" both answer openai / revenue / 2026 / USD (entity / metric / period / currency); a query could not choose between them, so remove one or correct it',
        },
      ],
    ],
    [
      "conversion of a figure that does not exist",
      (d) => {
        figure(d, OPENAI_REVENUE).statedAsConversionOf = "openai.revenue.2026.cny";
      },
      [
        {
          path: "$.figures[0].statedAsConversionOf",
          message:
            'figure "openai.revenue.2026" is stated as a conversion of "openai.revenue.2026.cny", which is not a figure; use the id of the figure it converts',
        },
      ],
    ],
    [
      "conversion pointing at the wrong figure",
      (d) => {
        figure(d, ALIBABA_USD).statedAsConversionOf = "openai.revenue.2026";
      },
      [
        {
          path: "$.figures[2].statedAsConversionOf",
          message:
            'figure "alibaba.revenue.2026.usd" is stated as a conversion of figure "openai.revenue.2026", which is for openai / revenue / 2026, not alibaba / revenue / 2026; a conversion has the same entity, metric and period',
        },
        {
          path: "$.meta.exchangeRate.pairs[0].usd",
          message:
            'figure "alibaba.revenue.2026.usd" is not stated as a conversion of "alibaba.revenue.2026.cny" (its statedAsConversionOf is "openai.revenue.2026"); pair each CNY figure with its own USD conversion',
        },
      ],
    ],
    [
      "conversion in the same currency",
      (d) => {
        figure(d, ALIBABA_USD).statedAsConversionOf = "alibaba.revenue.2026.usd";
      },
      [
        {
          path: "$.figures[2].statedAsConversionOf",
          message:
            'figure "alibaba.revenue.2026.usd" is stated as a conversion of figure "alibaba.revenue.2026.usd", but both are in USD; a conversion is in the other currency',
        },
        {
          path: "$.meta.exchangeRate.pairs[0].usd",
          message:
            'figure "alibaba.revenue.2026.usd" is not stated as a conversion of "alibaba.revenue.2026.cny" (its statedAsConversionOf is "alibaba.revenue.2026.usd"); pair each CNY figure with its own USD conversion',
        },
      ],
    ],
    [
      "exchange-rate pair the wrong way round",
      (d) => {
        d.meta.exchangeRate.pairs = [{ cny: "alibaba.revenue.2026.usd", usd: "alibaba.revenue.2026.cny" }];
      },
      [
        {
          path: "$.meta.exchangeRate.pairs[0].cny",
          message:
            'figure "alibaba.revenue.2026.usd" is not a CNY figure (currency: USD); "cny" must be the id of the report\'s CNY figure',
        },
        {
          path: "$.meta.exchangeRate.pairs[0].usd",
          message:
            'figure "alibaba.revenue.2026.cny" is not a USD figure (currency: CNY); "usd" must be the id of the report\'s USD conversion of "alibaba.revenue.2026.usd"',
        },
      ],
    ],
    [
      "exchange-rate pair naming no figure",
      (d) => {
        d.meta.exchangeRate.pairs[0]!.cny = "alibaba.revenue.cny";
      },
      [
        {
          path: "$.meta.exchangeRate.pairs[0].cny",
          message: '"alibaba.revenue.cny" is not a figure; "cny" must be the id of the report\'s CNY figure',
        },
      ],
    ],
    [
      "exchange-rate pair whose USD figure is not that conversion",
      (d) => {
        d.meta.exchangeRate.pairs[0]!.usd = "openai.revenue.2026";
      },
      [
        {
          path: "$.meta.exchangeRate.pairs[0].usd",
          message:
            'figure "openai.revenue.2026" is not stated as a conversion of "alibaba.revenue.2026.cny" (it has no statedAsConversionOf); pair each CNY figure with its own USD conversion',
        },
      ],
    ],
    [
      "exchange rate that the pairs do not give",
      (d) => {
        d.meta.exchangeRate.cnyPerUsd = 7.2;
      },
      [
        {
          path: "$.meta.exchangeRate.cnyPerUsd",
          message: "cnyPerUsd is 7.2, but the pairs give 7.12 (rounded to 2 decimals); set cnyPerUsd to 7.12 or fix the pairs",
        },
      ],
    ],
    [
      "exchange rate with more decimals than it is rounded to",
      (d) => {
        d.meta.exchangeRate.cnyPerUsd = 7.1212;
      },
      [
        {
          path: "$.meta.exchangeRate.cnyPerUsd",
          message: "cnyPerUsd is 7.1212, but the pairs give 7.12 (rounded to 2 decimals); set cnyPerUsd to 7.12 or fix the pairs",
        },
      ],
    ],
    [
      "source table row shorter than the header",
      (d) => {
        sourceTable(d).rows[0]!.pop();
      },
      [
        {
          path: "$.tables[0].rows[0]",
          message: 'row 0 of table "intl-vendors" has 2 cells, but the header has 3; give every row one cell per header column',
        },
      ],
    ],
    [
      "numeric table row that is not an entity",
      (d) => {
        numericTable(d).rows.push("deepseek");
      },
      [
        {
          path: "$.tables[1].rows[2]",
          message:
            'table "revenue-2026" has a row for entity "deepseek", which is not defined; each row of a numeric table is an entity id from entities',
        },
      ],
    ],
    [
      "numeric table column for an unknown metric",
      (d) => {
        numericTable(d).columns[1]!.metric = "profit";
      },
      [
        {
          path: "$.tables[1].columns[1].metric",
          message: 'table "revenue-2026" has a column for metric "profit", which is not defined; use a metric id from metrics',
        },
      ],
    ],
    [
      "numeric table column for a text metric",
      (d) => {
        numericTable(d).columns[0]!.metric = "core_strength";
      },
      [
        {
          path: "$.tables[1].columns[0].metric",
          message:
            'table "revenue-2026" has a column for text metric "core_strength"; a numeric table shows numbers only, so remove the column',
        },
      ],
    ],
  ])("%s", (_name, mutate, problems) => {
    const dataset = fixture();
    mutate(dataset);
    expect(checkMeaning(dataset)).toEqual(problems);
  });

  test("derives the rate from every pair: ranges by their two ends, values twice, scales applied", () => {
    const d = fixture();
    const source = { text: "1400亿元(约0.02万亿美元)", section: "二(三)" };
    const en = "CNY 140 billion (about USD 0.02 trillion)";
    d.figures.push(
      {
        id: "global.revenue.2027.cny",
        entity: "global",
        metric: "revenue",
        period: 2027,
        written: "1400亿元",
        value: 1400,
        scale: "亿",
        currency: "CNY",
        qualifier: null,
        source,
        en,
      },
      {
        id: "global.revenue.2027.usd",
        entity: "global",
        metric: "revenue",
        period: 2027,
        written: "0.02万亿美元",
        value: 0.02,
        scale: "万亿",
        currency: "USD",
        qualifier: "约",
        statedAsConversionOf: "global.revenue.2027.cny",
        source,
        en,
      },
    );
    d.meta.exchangeRate.pairs.push({ cny: "global.revenue.2027.cny", usd: "global.revenue.2027.usd" });
    d.meta.exchangeRate.decimals = 4;
    // (220 + 250 + 2 * 1400) 亿 CNY / (31 + 35 + 2 * 200) 亿 USD = 3270 / 466
    d.meta.exchangeRate.cnyPerUsd = 7.0172;
    expect(checkMeaning(d)).toEqual([]);
    d.meta.exchangeRate.cnyPerUsd = 7.12;
    expect(checkMeaning(d)).toEqual([
      {
        path: "$.meta.exchangeRate.cnyPerUsd",
        message: "cnyPerUsd is 7.12, but the pairs give 7.0172 (rounded to 4 decimals); set cnyPerUsd to 7.0172 or fix the pairs",
      },
    ]);
  });

  test("reports problems from every check in one pass", () => {
    const d = fixture();
    figure(d, OPENAI_REVENUE).entity = "opnai";
    d.meta.exchangeRate.cnyPerUsd = 7;
    expect(checkMeaning(d).map((p) => p.path)).toEqual(["$.figures[0].entity", "$.meta.exchangeRate.cnyPerUsd"]);
  });
});
