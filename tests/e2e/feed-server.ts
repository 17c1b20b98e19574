// A feed publisher for the browser tests: a plain http server on 127.0.0.1 (a random port) that
// serves datasets as a publisher would, with the CORS header a browser needs, and the ways a feed
// goes wrong. Datasets are built from the bundled one, so they follow it.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Dataset } from "../../src/core/schema";
import { bundledDataset } from "../helpers/bundled-dataset";

/** Text that must stay text: in the pane (no element made of it) and in cells (no formula). */
export const HTML_TEXT = "<img src=x onerror=alert(1)>";
export const FORMULA_TEXT = '=HYPERLINK("http://x","y")';

function rewrite(dataset: Dataset, id: string, numbers: { value?: number; low?: number; high?: number }, written: string): void {
  const figure = dataset.figures.find((f) => f.id === id)!;
  figure.source.text = figure.source.text.replace(figure.written!, written);
  Object.assign(figure, numbers, { written });
}

/**
 * The bundled dataset revised as a publisher would: version 1.1.0; OpenAI's, Anthropic's and
 * Meta's revenue changed, in the figures and in the report's table (Meta's source text, table cell
 * and name carrying HTML, and an alias that is HTML); OpenAI's core advantage, in the figure and
 * the report's table, a formula-like text.
 */
export function revisedFeed(): Dataset {
  const next = structuredClone(bundledDataset());
  next.meta.version = "1.1.0";
  rewrite(next, "openai.revenue.2026", { value: 340 }, "340亿美元");
  rewrite(next, "anthropic.revenue.2026", { low: 250, high: 280 }, "250-280亿美元");
  rewrite(next, "meta.revenue.2026", { low: 135, high: 155 }, "135-155亿美元");
  const metaRevenue = next.figures.find((f) => f.id === "meta.revenue.2026")!;
  metaRevenue.source.text = `${metaRevenue.source.text} ${HTML_TEXT}`;
  const meta = next.entities.find((e) => e.id === "meta")!;
  meta.name.en = `Meta ${HTML_TEXT}`;
  meta.aliases.push(HTML_TEXT);
  const advantage = next.figures.find((f) => f.id === "openai.core_advantage.2026")!;
  advantage.text = { zh: FORMULA_TEXT, en: FORMULA_TEXT };
  const table = next.tables.find((t) => t.id === "vendors_international")!;
  if (table.kind === "source") {
    const set = (vendor: string, header: string, text: { zh: string; en: string }) => {
      const column = table.header.findIndex((cell) => cell.en === header);
      table.rows.find((row) => row[0]!.en === vendor)![column] = text;
    };
    set("OpenAI", "Core advantage", { zh: FORMULA_TEXT, en: FORMULA_TEXT });
    set("OpenAI", "Revenue (2026 forecast)", { zh: "340亿美元", en: "USD 34 billion" });
    set("Anthropic", "Revenue (2026 forecast)", { zh: "250-280亿美元", en: "USD 25-28 billion" });
    set("Meta", "Revenue (2026 forecast)", { zh: "135-155亿美元(AI相关)", en: `USD 13.5-15.5 billion (AI-related) ${HTML_TEXT}` });
  }
  return next;
}

interface Answer {
  status?: number;
  type?: string;
  body: string;
}

export interface FeedServer {
  /** The URL of a path on the server, e.g. url("/good.json"). */
  url(path: string): string;
  /** How many requests each path received. */
  readonly hits: Map<string, number>;
  /** Publishes `dataset` at `path` (application/json), replacing what was there. */
  publish(path: string, dataset: Dataset): void;
  close(): Promise<void>;
}

/**
 * /good.json: the revised feed. /older.json: the bundled dataset (1.0.0). /missing.json: 404.
 * /not-json.json: broken JSON. /wrong-type.json: served as text/html. /invalid.json: JSON that is
 * not a valid dataset (a range whose low end is above its high end, a field the format lacks).
 */
export async function startFeedServer(): Promise<FeedServer> {
  const invalid = revisedFeed();
  const anthropic = invalid.figures.find((f) => f.id === "anthropic.revenue.2026")!;
  anthropic.low = 300;
  (invalid.figures[0] as unknown as Record<string, unknown>).colour = "red";
  const answers: Record<string, Answer> = {
    "/good.json": { body: JSON.stringify(revisedFeed()) },
    "/older.json": { body: JSON.stringify(bundledDataset()) },
    "/missing.json": { status: 404, type: "text/plain", body: "no such feed" },
    "/not-json.json": { body: '{ "format": 1, "meta": ' },
    "/wrong-type.json": { type: "text/html; charset=utf-8", body: "<html><body>Sign in</body></html>" },
    "/invalid.json": { body: JSON.stringify(invalid) },
  };
  const hits = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const answer = answers[path] ?? { status: 404, type: "text/plain", body: "no such feed" };
    response.writeHead(answer.status ?? 200, {
      "Access-Control-Allow-Origin": "*",
      "Content-Type": answer.type ?? "application/json",
      "Cache-Control": "no-store",
    });
    response.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    hits,
    publish(path, dataset) {
      answers[path] = { body: JSON.stringify(dataset) };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
