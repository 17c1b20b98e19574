import { writeFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { datasetJsonSchemaText } from "../src/core/dataset-json-schema";

const target = resolve(__dirname, "../data/schema.json");
writeFileSync(target, datasetJsonSchemaText());
process.stdout.write(`Wrote ${relative(process.cwd(), target)}\n`);
