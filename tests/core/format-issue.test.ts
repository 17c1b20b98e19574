import { readFileSync } from "node:fs";
import { join } from "node:path";
import type * as z from "zod";
import { formatIssue } from "../../src/core/format-issue";
import { DatasetSchema, type Dataset, type SourceTable } from "../../src/core/schema";

const FIXTURE = readFileSync(join(__dirname, "../fixtures/datasets/minimal.json"), "utf8");

/** The problems for the fixture after `mutate`, one per zod issue. */
function problemsAfter(mutate: (dataset: Dataset) => void): { path: string; message: string }[] {
  const input = JSON.parse(FIXTURE) as Dataset;
  mutate(input);
  const result = DatasetSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => formatIssue(issue, input));
}

const QUALIFIERS = "超, 超过, 将超, 首次超过, 突破, 均突破, 以上, 普遍超, 约, 左右, 低至, 仅为, 不超过, 以内, 最大, 达, 计划";
const FIGURE_KEYS =
  "id, entity, metric, period, periodNote, written, value, low, high, text, scale, currency, qualifier, statedAsConversionOf, source, en, flags";

describe("formatIssue", () => {
  test("the fixture has no issues", () => {
    expect(problemsAfter(() => undefined)).toEqual([]);
  });

  test.each<[string, (d: Dataset) => void, string, string]>([
    [
      "invalid_type: a quoted number",
      (d) => Reflect.set(d.figures[0]!, "value", "330"),
      "$.figures[0].value",
      'expected a number, got a string ("330") (figure "openai.revenue.2026"); write numbers without quotes',
    ],
    [
      "invalid_type: true for a number",
      (d) => Reflect.set(d.figures[0]!, "value", true),
      "$.figures[0].value",
      'expected a number, got true (figure "openai.revenue.2026"); write a number, e.g. 330',
    ],
    [
      "invalid_type: nullable whole number",
      (d) => Reflect.set(d.figures[0]!, "period", 2026.5),
      "$.figures[0].period",
      'expected a whole number or null, got a number (2026.5) (figure "openai.revenue.2026"); write a whole number, e.g. 2026',
    ],
    [
      "invalid_type: a number for a string",
      (d) => Reflect.set(d.figures[0]!, "en", 33),
      "$.figures[0].en",
      'expected a string, got a number (33) (figure "openai.revenue.2026"); write text in double quotes',
    ],
    [
      "invalid_type: a string for a list",
      (d) => Reflect.set(d.entities[0]!, "aliases", "Open AI"),
      "$.entities[0].aliases",
      'expected an array, got a string ("Open AI") (entity "openai"); write a list in [ ]',
    ],
    [
      "invalid_type: a list for an object",
      (d) => Reflect.set(d.meta, "source", []),
      "$.meta.source",
      "expected an object, got an array; write an object in { }",
    ],
    [
      "invalid_type: long strings are shortened",
      (d) => Reflect.set(d.figures[0]!, "value", "三百三十亿美元,据报告第二部分国际头部厂商核心布局与经营数据表格所列的2026年预测"),
      "$.figures[0].value",
      'expected a number, got a string ("三百三十亿美元,据报告第二部分国际头部厂商核心布局与经营数据表格所列的2026…") (figure "openai.revenue.2026"); write numbers without quotes',
    ],
    [
      "missing object",
      (d) => Reflect.deleteProperty(d.figures[0]!, "source"),
      "$.figures[0].source",
      '"source" is missing (figure "openai.revenue.2026"); every figure needs "source" (an object)',
    ],
    [
      "missing nullable number",
      (d) => Reflect.deleteProperty(d.figures[0]!, "period"),
      "$.figures[0].period",
      '"period" is missing (figure "openai.revenue.2026"); every figure needs "period" (a whole number or null)',
    ],
    [
      "missing nullable enum",
      (d) => Reflect.deleteProperty(d.figures[0]!, "qualifier"),
      "$.figures[0].qualifier",
      `"qualifier" is missing (figure "openai.revenue.2026"); every figure needs "qualifier" (one of ${QUALIFIERS} or null)`,
    ],
    [
      "missing field of a nested object",
      (d) => Reflect.deleteProperty(d.entities[0]!.name, "en"),
      "$.entities[0].name.en",
      '"en" is missing (entity "openai"); "name" needs "en" (a string)',
    ],
    [
      "missing field of a table cell",
      (d) => Reflect.deleteProperty((d.tables[0] as SourceTable).rows[0]![1]!, "en"),
      "$.tables[0].rows[0][1].en",
      '"en" is missing (table "intl-vendors"); every cell needs "en" (a string)',
    ],
    [
      "missing top-level field",
      (d) => Reflect.deleteProperty(d, "meta"),
      "$.meta",
      '"meta" is missing; the dataset needs "meta" (an object)',
    ],
    [
      "missing date",
      (d) => Reflect.deleteProperty(d.meta, "published"),
      "$.meta.published",
      '"published" is missing; "meta" needs "published" (a date as YYYY-MM-DD)',
    ],
    [
      "invalid_value: currency",
      (d) => Reflect.set(d.figures[0]!, "currency", "EUR"),
      "$.figures[0].currency",
      '"EUR" is not a known currency (figure "openai.revenue.2026"); use one of USD, CNY',
    ],
    [
      "invalid_value: scale, listing the empty scale",
      (d) => Reflect.set(d.figures[0]!, "scale", "billion"),
      "$.figures[0].scale",
      '"billion" is not a known scale (figure "openai.revenue.2026"); use one of "", 万, 亿, 万亿, %',
    ],
    [
      "invalid_value: qualifier",
      (d) => Reflect.set(d.figures[0]!, "qualifier", "大约"),
      "$.figures[0].qualifier",
      `"大约" is not a known qualifier (figure "openai.revenue.2026"); use one of ${QUALIFIERS}`,
    ],
    [
      "invalid_value: entity kind",
      (d) => Reflect.set(d.entities[1]!, "kind", "company"),
      "$.entities[1].kind",
      '"company" is not a known entity kind (entity "alibaba"); use one of vendor, model, camp, market',
    ],
    [
      "invalid_value: flag code",
      (d) => Reflect.set(d.figures[3]!.flags![0]!, "code", "typo"),
      "$.figures[3].flags[0].code",
      '"typo" is not a known flag code (figure "global.inference_compute_share.2026"); use one of garbled, missing_in_source, unit_suspect, contradicted_by_source, sum_mismatch, inconsistent, scope_differs, scope_unclear, name_suspect, corrected_in_source, period_unclear',
    ],
    ["invalid_value: format literal", (d) => Reflect.set(d, "format", 2), "$.format", "2 is not a known format; use 1"],
    [
      "unrecognized_keys: one key points at the key",
      (d) => Reflect.set(d.figures[2]!, "hihg", 35),
      "$.figures[2].hihg",
      `unknown key "hihg" (figure "alibaba.revenue.2026.usd"); remove it or check its spelling (allowed: ${FIGURE_KEYS})`,
    ],
    [
      "unrecognized_keys: several keys point at the object",
      (d) => Object.assign(d.figures[2]!, { hihg: 35, lwo: 31 }),
      "$.figures[2]",
      `unknown keys "hihg", "lwo" (figure "alibaba.revenue.2026.usd"); remove them or check their spelling (allowed: ${FIGURE_KEYS})`,
    ],
    [
      "unrecognized_keys: top level",
      (d) => Reflect.set(d, "figure", []),
      "$.figure",
      'unknown key "figure"; remove it or check its spelling (allowed: $schema, format, meta, entities, metrics, figures, tables)',
    ],
    [
      "unrecognized_keys: in a union member, with that member's keys",
      (d) => Reflect.set(d.tables[1]!, "row", []),
      "$.tables[1].row",
      'unknown key "row" (table "revenue-2026"); remove it or check its spelling (allowed: id, kind, title, section, period, rows, columns, flags)',
    ],
    [
      "too_small: empty list",
      (d) => Reflect.set(d, "figures", []),
      "$.figures",
      '"figures" is empty; add at least one figure',
    ],
    [
      "too_small: empty required text",
      (d) => Reflect.set(d.entities[0]!.name, "zh", ""),
      "$.entities[0].name.zh",
      '"zh" is empty (entity "openai"); write the text',
    ],
    [
      "too_small: empty optional text",
      (d) => Reflect.set(d.figures[0]!, "written", ""),
      "$.figures[0].written",
      '"written" is empty (figure "openai.revenue.2026"); write it or remove "written"',
    ],
    [
      "too_small: empty list item",
      (d) => Reflect.set(d.entities[0]!.aliases, 1, ""),
      "$.entities[0].aliases[1]",
      'this alias is empty (entity "openai"); write it or remove it',
    ],
    [
      "too_small: inclusive minimum",
      (d) => Reflect.set(d.figures[0]!, "period", 1800),
      "$.figures[0].period",
      '1800 is below the minimum 1900 (figure "openai.revenue.2026"); use 1900 or more',
    ],
    [
      "too_small: positive number",
      (d) => Reflect.set(d.meta.exchangeRate, "cnyPerUsd", 0),
      "$.meta.exchangeRate.cnyPerUsd",
      "0 is not greater than 0; use a positive number",
    ],
    [
      "too_big: inclusive maximum",
      (d) => Reflect.set(d.figures[0]!, "period", 2300),
      "$.figures[0].period",
      '2300 is above the maximum 2200 (figure "openai.revenue.2026"); use 2200 or less',
    ],
    [
      "invalid_format: figure id, without repeating the id as context",
      (d) => Reflect.set(d.figures[0]!, "id", "OpenAI Revenue"),
      "$.figures[0].id",
      '"OpenAI Revenue" is not a valid figure id; use lower-case letters, digits and . _ - only, e.g. "openai" or "openai.revenue.2026"',
    ],
    [
      "invalid_format: metric reference, with the schema's own advice",
      (d) => Reflect.set(d.figures[0]!, "metric", "Revenue"),
      "$.figures[0].metric",
      '"Revenue" is not a valid metric id (figure "openai.revenue.2026"); use snake_case, e.g. "compute_gw"',
    ],
    [
      "invalid_format: related figure id",
      (d) => Reflect.set(d.figures[3]!.flags![0]!.related!, 0, "Openai"),
      "$.figures[3].flags[0].related[0]",
      '"Openai" is not a valid figure id (figure "global.inference_compute_share.2026"); use lower-case letters, digits and . _ - only, e.g. "openai" or "openai.revenue.2026"',
    ],
    [
      "invalid_format: numeric table row",
      (d) => Reflect.set(d.tables[1]!.rows, 0, "Open AI"),
      "$.tables[1].rows[0]",
      '"Open AI" is not a valid entity id (table "revenue-2026"); use lower-case letters, digits and . _ - only, e.g. "openai" or "openai.revenue.2026"',
    ],
    [
      "invalid_format: dataset id",
      (d) => Reflect.set(d.meta, "id", "AI Market"),
      "$.meta.id",
      '"AI Market" is not a valid dataset id; use lower-case letters, digits and . _ - only, e.g. "openai" or "openai.revenue.2026"',
    ],
    [
      "invalid_format: version",
      (d) => Reflect.set(d.meta, "version", "1.0"),
      "$.meta.version",
      '"1.0" is not a valid version; use semantic versioning, e.g. "1.0.0"',
    ],
    [
      "invalid_format: date",
      (d) => Reflect.set(d.meta, "published", "2026-2-22"),
      "$.meta.published",
      '"2026-2-22" is not a valid date; write it as YYYY-MM-DD, e.g. "2026-02-22"',
    ],
    [
      "invalid_union: unknown table kind",
      (d) => Reflect.set(d.tables[1]!, "kind", "numbers"),
      "$.tables[1].kind",
      '"numbers" is not a known table kind (table "revenue-2026"); use one of source, numeric',
    ],
    [
      "invalid_union: missing table kind",
      (d) => Reflect.deleteProperty(d.tables[1]!, "kind"),
      "$.tables[1].kind",
      '"kind" is missing (table "revenue-2026"); every table needs "kind" (one of source, numeric)',
    ],
  ])("%s", (_name, mutate, path, message) => {
    expect(problemsAfter(mutate)).toEqual([{ path, message }]);
  });

  test("falls back to zod's message for issues the dataset schema does not produce", () => {
    const issue: z.core.$ZodIssue = { code: "custom", path: ["figures", 0, "value"], message: "Invalid input" };
    expect(formatIssue(issue, JSON.parse(FIXTURE))).toEqual({
      path: "$.figures[0].value",
      message: 'Invalid input (figure "openai.revenue.2026"); check this value against data/schema.json',
    });
  });
});
