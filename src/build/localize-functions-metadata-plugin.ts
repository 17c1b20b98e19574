// Webpack plugin: once CustomFunctionsMetadataPlugin has emitted functions.json, emit
// functions.<locale>.json beside it, or fail the build naming every missing translation.
import { readFileSync } from "node:fs";
import type { Compiler } from "webpack";
import { localizeFunctionsMetadata, type FunctionsMetadata } from "./localize-functions-metadata";

export interface LocalizeFunctionsMetadataPluginOptions {
  /** Asset written by CustomFunctionsMetadataPlugin, e.g. "functions.json". */
  metadataAsset: string;
  /** Absolute path of the translation table, e.g. src/functions/i18n/zh-CN.json. */
  tableFile: string;
  locale: string;
}

const PLUGIN = "LocalizeFunctionsMetadataPlugin";

export class LocalizeFunctionsMetadataPlugin {
  constructor(private readonly options: LocalizeFunctionsMetadataPluginOptions) {}

  /** functions.json -> functions.zh-CN.json */
  get outputAsset(): string {
    return this.options.metadataAsset.replace(/\.json$/, `.${this.options.locale}.json`);
  }

  apply(compiler: Compiler): void {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(PLUGIN, (compilation) => {
      compilation.hooks.processAssets.tap({ name: PLUGIN, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const { metadataAsset, tableFile, locale } = this.options;
        compilation.fileDependencies.add(tableFile);
        const asset = compilation.getAsset(metadataAsset);
        if (!asset) {
          // CustomFunctionsMetadataPlugin reports its own errors; say why nothing follows.
          compilation.errors.push(
            new WebpackError(`${PLUGIN}: ${metadataAsset} was not generated, so no ${this.outputAsset} either`),
          );
          return;
        }
        let table: unknown;
        try {
          table = JSON.parse(readFileSync(tableFile, "utf8"));
        } catch (error) {
          compilation.errors.push(new WebpackError(`${PLUGIN}: cannot read ${tableFile}: ${(error as Error).message}`));
          return;
        }
        try {
          const metadata = JSON.parse(asset.source.source().toString()) as FunctionsMetadata;
          const localized = localizeFunctionsMetadata(metadata, table, { locale, tableFile });
          compilation.emitAsset(this.outputAsset, new sources.RawSource(`${JSON.stringify(localized, null, 4)}\n`));
        } catch (error) {
          compilation.errors.push(new WebpackError(`${PLUGIN}: ${(error as Error).message}`));
        }
      });
    });
  }
}
