/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  moduleFileExtensions: ["ts", "js", "json"],
  // ES modules only, and it needs a browser: the pane's UI is tested in Chromium (tests/e2e).
  moduleNameMapper: { "^@fluentui/web-components(/.*)?$": "<rootDir>/tests/stubs/fluent-web-components.js" },
  globalSetup: "<rootDir>/tests/global-setup.ts",
  globalTeardown: "<rootDir>/tests/global-teardown.ts",
  reporters: ["default", "<rootDir>/tests/reporters/summary-line.js"],
};
