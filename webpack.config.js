// Builds the add-in: functions.js (custom functions), taskpane.js, taskpane.html (the shared runtime
// page that loads both), functions.json (+ functions.zh-CN.json), manifest.xml and the icons; and
// preview.html + preview.js, the task pane beside an in-memory workbook (a simulator, not Excel).
//   npm run build       production: dist/manifest.xml points at AIMARKET_PRODUCTION_URL
//   npm run build:dev   development: https://localhost:3000/, source maps
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { require: requireTs } = require("tsx/cjs/api");

const { LocalizeFunctionsMetadataPlugin } = requireTs("./src/build/localize-functions-metadata-plugin.ts", __filename);

const DEV_URL = "https://localhost:3000/";
const DEFAULT_PRODUCTION_URL = "https://aimarket.example.com/addin/";
const FUNCTIONS_ENTRY = path.resolve(__dirname, "src/functions/functions.ts");

function productionUrl() {
  const url = process.env.AIMARKET_PRODUCTION_URL || DEFAULT_PRODUCTION_URL;
  if (!/^https:\/\/[^/]+\/(.*\/)?$/.test(url)) {
    throw new Error(`AIMARKET_PRODUCTION_URL must be an https URL ending in "/", got "${url}"`);
  }
  return url;
}

module.exports = (_env, argv) => {
  const dev = argv.mode === "development";
  const publicUrl = dev ? DEV_URL : productionUrl();

  return {
    mode: dev ? "development" : "production",
    context: __dirname,
    // No eval-based source maps in any mode: the pages will run under a CSP without 'unsafe-eval'.
    devtool: dev ? "source-map" : false,
    target: ["web", "es2020"],
    entry: {
      functions: FUNCTIONS_ENTRY,
      taskpane: "./src/taskpane/taskpane.ts",
      preview: "./src/preview/preview.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // Explicit so the runtime never probes document.currentScript: functions.js must run with
      // nothing but the CustomFunctions global.
      publicPath: "",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".js"],
      extensionAlias: { ".js": [".ts", ".js"] },
    },
    module: {
      // The Fluent components are imported with import() (see src/taskpane/fluent.ts); eager keeps
      // them in the entry's file instead of chunks fetched later. The exceptions are marked
      // webpackMode "lazy" and fetched only when needed: the feed pipeline (feed.js, when a
      // workbook names a feed, as it brings zod), the pane sections opened on demand
      // (formula-builder.js, charts.js) and the dark theme's tokens (dark-theme.js).
      parser: { javascript: { dynamicImportMode: "eager" } },
      rules: [
        {
          // No code generation from strings in any bundle (CSP without 'unsafe-eval'); see the loader.
          test: /[\\/]node_modules[\\/]zod[\\/]v4[\\/]core[\\/](util|doc)\.js$/,
          use: path.resolve(__dirname, "src/build/without-code-generation-loader.js"),
        },
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              configFile: path.resolve(__dirname, "tsconfig.json"),
              onlyCompileBundledFiles: true,
              compilerOptions: {
                module: "es2020",
                moduleResolution: "bundler",
                // The metadata plugin appends CustomFunctions.associate(...) to the functions entry.
                types: ["office-js", "custom-functions-runtime"],
                sourceMap: dev,
              },
            },
          },
        },
      ],
    },
    // One file per entry and no shared chunks: Excel may load functions.js on its own. The only
    // other files are the pane's lazy chunks (see above), which functions.js never needs.
    optimization: { splitChunks: false, runtimeChunk: false },
    // Keep webpack's global shim (which falls back to new Function) out of the bundles.
    node: { global: false },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTIONS_ENTRY }),
      new LocalizeFunctionsMetadataPlugin({
        metadataAsset: "functions.json",
        tableFile: path.resolve(__dirname, "src/functions/i18n/zh-CN.json"),
        locale: "zh-CN",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // The shared runtime page: the functions register here too, before the pane starts.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
      }),
      new HtmlWebpackPlugin({
        filename: "preview.html",
        template: "./src/preview/preview.html",
        // The simulator page: the pane and the in-memory workbook, never the custom functions.
        chunks: ["preview"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          // The pane's style sheet, linked by taskpane.html and preview.html (not script: see the file).
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : content.toString().replaceAll(DEV_URL, publicUrl)),
          },
        ],
      }),
    ],
  };
};
