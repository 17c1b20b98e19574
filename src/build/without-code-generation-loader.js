// A webpack loader for two files of zod 4 (v4/core/util.js and v4/core/doc.js), and only those
// (see webpack.config.js). zod compiles object parsers from strings with `new Function` (doc.js,
// Doc.compile) after probing whether it may (util.js, allowsEval). The pane calls
// z.config({ jitless: true }), so neither runs; but the code would still be in the bundle, and the
// pages' Content-Security-Policy has no 'unsafe-eval', so no bundle may contain code generation from
// strings at all. zod reaches the constructor through `const F = Function;` in both files: that line
// becomes a function that throws, so the probe answers "no" and zod stays on its interpreter
// whatever the configuration. The build fails if zod changes and the line is not found.
const LINE = /const F = Function;/g;
const REPLACEMENT = 'const F = function () { throw new EvalError("code generation from strings is not available in this build"); };';

module.exports = function withoutCodeGeneration(source) {
  const found = source.match(LINE)?.length ?? 0;
  if (found === 0) {
    throw new Error(`${this.resourcePath}: "const F = Function;" not found; zod changed, so check how it generates code before updating this loader.`);
  }
  return source.replace(LINE, REPLACEMENT);
};
