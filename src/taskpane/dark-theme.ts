// The dark Fluent theme, as its own chunk (dark-theme.js): only a pane in a dark Office theme fetches it.
export { webDarkTheme } from "@fluentui/tokens";
