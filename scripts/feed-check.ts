import { runFeedCheck } from "./run-feed-check";

// npm runs scripts from the package root; resolve the file the user named from where they typed it.
if (process.env.npm_lifecycle_event === "feed:check" && process.env.INIT_CWD !== undefined) {
  process.chdir(process.env.INIT_CWD);
}

runFeedCheck(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`feed:check failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
