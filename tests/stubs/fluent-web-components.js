// Stands in for @fluentui/web-components under jest: the package is ES modules only and its
// components need a real browser (jsdom cannot render them). Defining elements does nothing here;
// the pane's behaviour with the real components is tested in Chromium (tests/e2e).
module.exports = {
  setTheme() {},
};
