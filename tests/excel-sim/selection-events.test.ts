/**
 * Workbook.onSelectionChanged in the stand-in: registered and removed at sync like any operation,
 * fired after the selection changes (by the user or by Range.select through the API), never inside
 * the caller's stack, not for a selection that stays the same, and a handler's failure hurts no other.
 */
import { SimWorkbook } from "../../src/excel-sim";
import { simExcel } from "./sim-test-kit";

const tick = () => new Promise((r) => setTimeout(r, 5));

/** Adds a handler in one Excel.run and returns the result of add() (its context stays usable only inside the run). */
async function addHandler(Excel: typeof globalThis.Excel, handler: (args: Excel.SelectionChangedEventArgs) => Promise<unknown>) {
  let result: OfficeExtension.EventHandlerResult<Excel.SelectionChangedEventArgs> | undefined;
  await Excel.run(async (context) => {
    result = context.workbook.onSelectionChanged.add(handler);
    await context.sync();
  });
  return result!;
}

test("add() takes effect at sync, in one round trip", async () => {
  const { wb, Excel } = simExcel();
  await Excel.run(async (context) => {
    context.workbook.onSelectionChanged.add(async () => undefined);
    expect(wb.selectionChanged.size).toBe(0);
    const before = wb.syncCount;
    await context.sync();
    expect(wb.syncCount - before).toBe(1);
    expect(wb.selectionChanged.size).toBe(1);
  });
});

test("handlers run after select(), asynchronously, once per change, with the workbook in the arguments", async () => {
  const { wb, Excel } = simExcel();
  const seen: unknown[] = [];
  await addHandler(Excel, async (args) => {
    seen.push(args);
  });
  wb.select("B2");
  expect(seen).toHaveLength(0);
  await tick();
  expect(seen).toHaveLength(1);
  expect(seen[0]).toHaveProperty("workbook");
  wb.select("B2");
  await tick();
  expect(seen).toHaveLength(1);
  wb.select("B2:C4");
  await tick();
  expect(seen).toHaveLength(2);
});

test("Range.select() through the API fires at its sync", async () => {
  const { wb, Excel } = simExcel();
  let calls = 0;
  await addHandler(Excel, async () => {
    calls += 1;
  });
  await Excel.run(async (context) => {
    context.workbook.worksheets.getActiveWorksheet().getRange("D5").select();
    await context.sync();
  });
  await tick();
  expect(wb.activeCellAddress).toBe("Sheet1!D5");
  expect(calls).toBe(1);
});

test("remove() applies at sync, only in the context the handler was added in", async () => {
  const { wb, Excel } = simExcel();
  let calls = 0;
  const handler = async () => {
    calls += 1;
  };
  await Excel.run(async (context) => {
    const result = context.workbook.onSelectionChanged.add(handler);
    await context.sync();
    await Excel.run(async (other) => {
      other.workbook.onSelectionChanged.remove(handler);
      await other.sync();
    });
    expect(wb.selectionChanged.size).toBe(1);
    result.remove();
    expect(wb.selectionChanged.size).toBe(1);
    await context.sync();
    expect(wb.selectionChanged.size).toBe(0);
  });
  wb.select("C3");
  await tick();
  expect(calls).toBe(0);
});

test("a handler removed before its event is delivered is not called", async () => {
  const { wb, Excel } = simExcel();
  let calls = 0;
  await Excel.run(async (context) => {
    const result = context.workbook.onSelectionChanged.add(async () => {
      calls += 1;
    });
    await context.sync();
    wb.select("E5");
    result.remove();
    await context.sync();
  });
  await tick();
  expect(calls).toBe(0);
});

test("a failing handler does not stop the others; its error is kept", async () => {
  const { wb, Excel } = simExcel();
  let calls = 0;
  await addHandler(Excel, async () => {
    throw new Error("handler failed");
  });
  await addHandler(Excel, (() => {
    throw new Error("sync failure");
  }) as unknown as () => Promise<unknown>);
  await addHandler(Excel, async () => {
    calls += 1;
  });
  wb.select("F6");
  await tick();
  expect(calls).toBe(1);
  expect(wb.selectionChanged.failures.map((e) => (e as Error).message).sort()).toEqual(["handler failed", "sync failure"]);
});

test("strict: a handler must be a function, and the event cannot be used after its run ended", async () => {
  const { Excel } = simExcel();
  let events: Excel.RequestContext["workbook"]["onSelectionChanged"] | undefined;
  await Excel.run(async (context) => {
    expect(() => context.workbook.onSelectionChanged.add("nope" as unknown as () => Promise<void>)).toThrow(expect.objectContaining({ code: "InvalidArgument" }));
    events = context.workbook.onSelectionChanged;
  });
  expect(() => events!.add(async () => undefined)).toThrow(expect.objectContaining({ code: "InvalidObjectPath" }));
});

test("a reopened workbook has no handlers (they belong to the add-in's runtime, not the file)", async () => {
  const { wb, Excel } = simExcel();
  await addHandler(Excel, async () => undefined);
  const reopened = SimWorkbook.fromJSON(JSON.parse(JSON.stringify(wb.toJSON())));
  expect(reopened.selectionChanged.size).toBe(0);
});
