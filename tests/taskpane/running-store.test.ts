import { SHARED_STORE_KEY } from "../../src/runtime/store-key";
import { runningSharedStore } from "../../src/taskpane/running-store";
import { sharedStore } from "../../src/runtime/shared-store";

afterEach(() => {
  delete (globalThis as Record<string, unknown>)[SHARED_STORE_KEY];
});

test("the pane finds the very store the functions created, under the same global key", () => {
  expect(runningSharedStore()).toBeUndefined();
  const created = sharedStore();
  expect(runningSharedStore()).toBe(created);
});
