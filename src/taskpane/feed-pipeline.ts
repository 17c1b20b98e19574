import * as z from "zod";
import { loadCachedFeed } from "../core/feed/load-cached-feed";
import { refreshFeed } from "../core/feed/refresh-feed";
import { whatChangedOf } from "./what-changed";

/**
 * The feed pipeline of core, for the pane. It validates with zod, which would make taskpane.html
 * load more than its budget, so the pane imports this module only when a workbook names a feed,
 * as a separate chunk (feed.js) that taskpane.html does not load at open. What changed is worded
 * here too: only a feed update has a change to show.
 */
export interface FeedPipeline {
  refreshFeed: typeof refreshFeed;
  loadCachedFeed: typeof loadCachedFeed;
  whatChangedOf: typeof whatChangedOf;
}

export function feedPipeline(): FeedPipeline {
  // zod compiles object parsers with `new Function` unless told not to, and even probing for it is
  // reported as a violation of the pane's Content-Security-Policy (no 'unsafe-eval'). The build also
  // strips that code from zod (see webpack.config.js); this keeps zod on its interpreter regardless.
  z.config({ jitless: true });
  return { refreshFeed, loadCachedFeed, whatChangedOf };
}
