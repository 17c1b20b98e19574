// The production taskpane.js loaded the way taskpane.html loads it: after functions.js, in the same
// runtime. It must use the functions' dataset store, register nothing, and say plainly when it is
// not inside Excel.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runInContext } from "node:vm";
import { STRINGS } from "../../src/taskpane/i18n";
import { FunctionsBundle } from "../helpers/functions-bundle";

function loadPane(office: { context?: { displayLanguage: string } }) {
  const bundle = new FunctionsBundle();
  const store = bundle.context.__AIMARKET_DATASET_STORE__;
  const registered = bundle.registered.size;
  const shown: { role?: string; text?: string }[] = [];
  let ready: ((info: { host: string | null }) => void) | undefined;
  const paragraph = () => {
    const element = { role: undefined as string | undefined, textContent: "", setAttribute: (name: string, value: string) => (element.role = name === "role" ? value : element.role) };
    return element;
  };
  Object.assign(bundle.context, {
    Office: { ...office, onReady: (callback: typeof ready) => (ready = callback) },
    document: {
      getElementById: (id: string) => (id === "app" ? { replaceChildren: (...nodes: ReturnType<typeof paragraph>[]) => shown.push(...nodes.map((n) => ({ role: n.role, text: n.textContent }))) } : null),
      createElement: paragraph,
    },
  });
  runInContext(readFileSync(join(bundle.dir, "taskpane.js"), "utf8"), bundle.context, { filename: "taskpane.js" });
  return { bundle, store, registered, shown, ready: (host: string | null) => ready!({ host }) };
}

test("uses the store functions.js created and registers no function a second time", () => {
  const pane = loadPane({});
  expect(pane.bundle.context.__AIMARKET_DATASET_STORE__).toBe(pane.store);
  expect(pane.bundle.registered.size).toBe(pane.registered);
});

test.each([
  [undefined, STRINGS.en.notInExcel],
  ["zh-CN", STRINGS.zh.notInExcel],
])("outside Excel (display language %p) it says where it works", (displayLanguage, message) => {
  const pane = loadPane(displayLanguage ? { context: { displayLanguage } } : {});
  pane.ready(null);
  expect(pane.shown).toEqual([{ role: "alert", text: message }]);
});
