import { webLightTheme } from "@fluentui/tokens";

/**
 * Defines the Fluent 2 web components the pane uses and sets the theme tokens they and the pane's
 * own styles read. The components are ES modules only; dynamic imports keep this file loadable by
 * the CommonJS test runner and type checker, and the webpack config inlines them into the bundle.
 * Only the dark theme's tokens are a chunk of their own, fetched in a dark Office theme.
 */
export async function loadFluent(dark: boolean): Promise<void> {
  const [{ setTheme }] = await Promise.all([
    import("@fluentui/web-components/theme/set-theme.js"),
    import("@fluentui/web-components/button.js"),
    import("@fluentui/web-components/text-input.js"),
    import("@fluentui/web-components/field.js"),
    import("@fluentui/web-components/radio-group.js"),
    import("@fluentui/web-components/radio.js"),
    import("@fluentui/web-components/switch.js"),
    import("@fluentui/web-components/message-bar.js"),
    import("@fluentui/web-components/spinner.js"),
  ]);
  // The dark tokens are their own chunk: a light pane (the default) never loads them.
  const theme = dark ? (await import(/* webpackChunkName: "dark-theme", webpackMode: "lazy" */ "./dark-theme.js")).webDarkTheme : webLightTheme;
  setTheme(theme);
}
