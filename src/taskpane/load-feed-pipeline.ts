import type { FeedPipeline } from "./feed-pipeline";

export type { FeedPipeline };

/**
 * Loads the feed pipeline (feed-pipeline.ts) once, as its own chunk: webpack emits the dynamic
 * import as feed.js, fetched the first time a workbook names a feed; a failed load is tried again
 * on the next use. (The ".js" is what ECMAScript imports need; webpack resolves it to the .ts file.)
 */
export function feedPipelineLoader(): () => Promise<FeedPipeline> {
  let loading: Promise<FeedPipeline> | undefined;
  return () => {
    loading ??= import(/* webpackChunkName: "feed", webpackMode: "lazy" */ "./feed-pipeline.js").then(
      (module) => module.feedPipeline(),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
}
