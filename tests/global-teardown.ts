import { rmSync } from "node:fs";

export default async function globalTeardown(): Promise<void> {
  const out = process.env.AIMARKET_TEST_BUILD;
  if (out && out.includes("aimarket-build-")) rmSync(out, { recursive: true, force: true });
}
