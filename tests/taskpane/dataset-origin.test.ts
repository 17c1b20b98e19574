import { DatasetStore } from "../../src/core/dataset-store";
import { DatasetOrigins } from "../../src/taskpane/dataset-origin";
import { bundledDataset } from "../helpers/bundled-dataset";
import { revisedDataset } from "../helpers/sim-setup";

test("bundled until a feed is applied; the feed's URL while its data is in use; other data is neither", () => {
  const store = new DatasetStore(bundledDataset());
  const origins = new DatasetOrigins();
  origins.remember(store);
  expect(origins.of(store)).toEqual({ kind: "bundled" });
  store.replace(revisedDataset());
  origins.fromFeed(store, "https://example.com/feed.json");
  expect(origins.of(store)).toEqual({ kind: "feed", url: "https://example.com/feed.json" });
  origins.remember(store);
  expect(origins.of(store)).toEqual({ kind: "feed", url: "https://example.com/feed.json" });
  store.replace(revisedDataset((d) => (d.meta.version = "1.2.0")));
  expect(origins.of(store)).toEqual({ kind: "other" });
  expect(new DatasetOrigins().of(store)).toEqual({ kind: "bundled" });
});
