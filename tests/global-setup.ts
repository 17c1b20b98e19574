import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

/**
 * One production build for the whole run: the build tests and the bundle tests read the files
 * Excel would fetch. Its folder reaches the test workers through AIMARKET_TEST_BUILD.
 */
export const TEST_PRODUCTION_URL = "https://build-test.aimarket.example.com/addin/";

export default async function globalSetup(): Promise<void> {
  if (process.env.AIMARKET_TEST_BUILD) return;
  const root = join(__dirname, "..");
  const out = mkdtempSync(join(tmpdir(), "aimarket-build-"));
  const webpackCli = join(root, "node_modules", "webpack-cli", "bin", "cli.js");
  try {
    await promisify(execFile)(process.execPath, [webpackCli, "--mode", "production", "--output-path", out], {
      cwd: root,
      env: { ...process.env, AIMARKET_PRODUCTION_URL: TEST_PRODUCTION_URL },
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`webpack --mode production failed:\n${stdout ?? ""}\n${stderr ?? ""}`);
  }
  process.env.AIMARKET_TEST_BUILD = out;
}
