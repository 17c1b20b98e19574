import { AimarketError } from "./errors";
import type { Problem } from "./problem";

/** A dataset was rejected; `problems` lists everything wrong with it, in the order found. */
export class DatasetInvalidError extends AimarketError {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    const [first] = problems;
    const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
    const summary = first === undefined ? "" : `; the first is at ${first.path}: ${first.message}`;
    super("DATASET_INVALID", `The dataset was rejected with ${count}${summary}.`, {
      hint: "Run npm run feed:check -- <file> to list every problem.",
    });
    this.name = "DatasetInvalidError";
    this.problems = problems;
  }
}
