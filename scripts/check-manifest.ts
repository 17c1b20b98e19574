// npm run manifest:check [file] [--production]
// Offline manifest checks (src/build/check-manifest.ts). --production also rejects localhost URLs,
// for the dist/manifest.xml that `npm run build` writes.
import { readFileSync } from "node:fs";
import { checkManifest } from "../src/build/check-manifest";

function main(argv: string[]): number {
  const production = argv.includes("--production");
  const unknown = argv.filter((arg) => arg.startsWith("-") && arg !== "--production");
  if (unknown.length > 0) {
    console.error(`Unknown option ${unknown.join(", ")}. Usage: npm run manifest:check [file] [--production]`);
    return 2;
  }
  const file = argv.find((arg) => !arg.startsWith("-")) ?? "manifest.xml";
  let xml: string;
  try {
    xml = readFileSync(file, "utf8");
  } catch (error) {
    console.error(`Cannot read ${file}: ${(error as Error).message}`);
    return 2;
  }
  const problems = checkManifest(xml, { forbidLocalhost: production });
  if (problems.length === 0) {
    console.log(`${file}: manifest checks passed${production ? " (production: no localhost URLs)" : ""}.`);
    return 0;
  }
  console.error(`${file}: ${problems.length} problem${problems.length === 1 ? "" : "s"}:`);
  for (const problem of problems) console.error(`  ${problem.code}  ${problem.message}`);
  return 1;
}

process.exitCode = main(process.argv.slice(2));
