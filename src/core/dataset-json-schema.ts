import * as z from "zod";
import { DatasetSchema, FORMAT } from "./schema";

/** The JSON Schema of the dataset format, for editors and other tools that read `data/schema.json`. */
export function datasetJsonSchema(): Record<string, unknown> {
  // io "input": the schema describes what a file may contain, so optional fields are not required.
  const { $schema, title, ...rest } = z.toJSONSchema(DatasetSchema, { io: "input" });
  return { $schema, $id: `urn:aimarket:dataset:format-${FORMAT}`, title: `${title} (format ${FORMAT})`, ...rest };
}

/** `data/schema.json` exactly as it should be on disk. */
export function datasetJsonSchemaText(): string {
  return `${JSON.stringify(datasetJsonSchema(), null, 2)}\n`;
}
