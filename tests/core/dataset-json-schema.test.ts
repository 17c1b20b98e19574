import { readFileSync } from "node:fs";
import { join } from "node:path";
import { datasetJsonSchema, datasetJsonSchemaText } from "../../src/core/dataset-json-schema";
import { FORMAT } from "../../src/core/schema";

const SCHEMA_PATH = join(__dirname, "../../data/schema.json");

describe("datasetJsonSchema", () => {
  test("data/schema.json is up to date with src/core/schema.ts", () => {
    const onDisk = readFileSync(SCHEMA_PATH, "utf8");
    const verdict = onDisk === datasetJsonSchemaText() ? "up to date" : "data/schema.json is out of date; run npm run schema:write";
    expect(verdict).toBe("up to date");
  });

  test("names itself and the format it describes", () => {
    expect(datasetJsonSchema()).toMatchObject({
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: `urn:aimarket:dataset:format-${FORMAT}`,
      title: `AIMARKET dataset (format ${FORMAT})`,
      type: "object",
      additionalProperties: false,
      required: ["format", "meta", "entities", "metrics", "figures", "tables"],
    });
  });

  test("describes the input a file may hold: optional fields are not required", () => {
    const figure = (datasetJsonSchema() as { properties: { figures: { items: { required: string[] } } } }).properties.figures.items;
    expect(figure.required).toEqual(["id", "entity", "metric", "period", "qualifier", "source", "en"]);
  });
});
