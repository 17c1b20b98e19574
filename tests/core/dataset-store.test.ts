import { DatasetStore } from "../../src/core/dataset-store";
import { queryFigure } from "../../src/core/query-figure";
import type { Dataset } from "../../src/core/schema";
import { bundledDataset } from "../helpers/bundled-dataset";

const original = bundledDataset();
function revised(version: string, openaiRevenue: number): Dataset {
  const next = structuredClone(original);
  next.meta.version = version;
  next.figures.find((f) => f.id === "openai.revenue.2026")!.value = openaiRevenue;
  return next;
}

test("answers from the dataset it holds, with its version and a content hash", () => {
  const store = new DatasetStore(original);
  expect(store.current.version).toBe("1.0.0");
  expect(store.current.hash).toMatch(/^[0-9a-f]{14}$/);
  expect(queryFigure(store.current.index, { entity: "OpenAI", metric: "revenue" }).value).toBe(33e9);
});

test("replace swaps the whole state and tells every listener once", () => {
  const store = new DatasetStore(original);
  const before = store.current;
  const seen: string[] = [];
  store.subscribe((s) => seen.push(`a:${s.version}`));
  store.subscribe((s) => seen.push(`b:${s.version}`));
  store.replace(revised("1.1.0", 340));
  expect(seen).toEqual(["a:1.1.0", "b:1.1.0"]);
  expect(queryFigure(store.current.index, { entity: "OpenAI", metric: "revenue" }).value).toBe(34e9);
  expect(store.current.hash).not.toBe(before.hash);
  expect(queryFigure(before.index, { entity: "OpenAI", metric: "revenue" }).value).toBe(33e9);
});

test("a dataset that cannot be indexed leaves the current one in place", () => {
  const store = new DatasetStore(original);
  const before = store.current;
  const broken = { ...original, figures: null } as unknown as Dataset;
  expect(() => store.replace(broken)).toThrow();
  expect(store.current).toBe(before);
});

test("unsubscribe stops the calls; a failing listener does not silence the others", () => {
  const store = new DatasetStore(original);
  const seen: string[] = [];
  const off = store.subscribe(() => seen.push("gone"));
  store.subscribe(() => {
    throw new Error("listener broke");
  });
  store.subscribe((s) => seen.push(s.version));
  off();
  expect(store.listenerCount).toBe(2);
  expect(() => store.replace(revised("1.0.1", 331))).toThrow("listener broke");
  expect(seen).toEqual(["1.0.1"]);
  expect(store.current.version).toBe("1.0.1");
});

describe("subscriptions", () => {
  const newStore = () => new DatasetStore(original);

  test("listeners hear in the order they subscribed, after any of them left (first, middle, last)", () => {
    for (const leaving of [0, 1, 2]) {
      const store = newStore();
      const seen: number[] = [];
      const offs = [0, 1, 2].map((n) => store.subscribe(() => seen.push(n)));
      offs[leaving]!();
      store.subscribe(() => seen.push(3));
      store.replace(revised("1.0.1", 331));
      expect(seen).toEqual([0, 1, 2, 3].filter((n) => n !== leaving));
      expect(store.listenerCount).toBe(3);
    }
  });

  test("unsubscribing twice does nothing the second time", () => {
    const store = newStore();
    const seen: string[] = [];
    const off = store.subscribe(() => seen.push("a"));
    store.subscribe(() => seen.push("b"));
    off();
    off();
    expect(store.listenerCount).toBe(1);
    store.replace(revised("1.0.1", 331));
    expect(seen).toEqual(["b"]);
  });

  test("a listener added during a change hears the next change, not this one; one removed during it is still called this once", () => {
    const store = newStore();
    const seen: string[] = [];
    let offB: () => void = () => undefined;
    store.subscribe((s) => {
      seen.push(`a:${s.version}`);
      offB();
      if (s.version === "1.0.1") store.subscribe((t) => seen.push(`late:${t.version}`));
    });
    offB = store.subscribe((s) => seen.push(`b:${s.version}`));
    store.replace(revised("1.0.1", 331));
    store.replace(revised("1.0.2", 332));
    expect(seen).toEqual(["a:1.0.1", "b:1.0.1", "a:1.0.2", "late:1.0.2"]);
  });

  test("every subscription is its own, even of the same function", () => {
    const store = newStore();
    let calls = 0;
    const listener = (): void => void calls++;
    const off = store.subscribe(listener);
    store.subscribe(listener);
    store.replace(revised("1.0.1", 331));
    expect(calls).toBe(2);
    off();
    store.replace(revised("1.0.2", 332));
    expect(calls).toBe(3);
    expect(store.listenerCount).toBe(1);
  });

  test("100,000 subscribe/unsubscribe pairs leave no listener behind", () => {
    const store = newStore();
    for (let i = 0; i < 100_000; i++) store.subscribe(() => undefined)();
    expect(store.listenerCount).toBe(0);
  });
});
