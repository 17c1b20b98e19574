/**
 * The global under which the shared runtime keeps its one dataset store. Its own module so the task
 * pane can find the store without importing (and bundling) the dataset that creates it.
 */
export const SHARED_STORE_KEY = "__AIMARKET_DATASET_STORE__";
