import type { Conversion, FigureProvenance, FlagView, Provenance } from "../core/provenance";
import { FLAG_LABELS } from "../core/vocabulary";
import type { SelectionInfo } from "../excel/describe-selection";
import { fill, h, type Child } from "./dom";
import { t, type StringKey, type UiLanguage } from "./i18n";
import type { PaneSection, PaneSectionHost } from "./pane-section";
import { errorMessage } from "./pane-state";

/** How long the selection must rest before the pane reads it (arrow keys fire one event per cell). */
export const SELECTION_DEBOUNCE_MS = 120;

/**
 * The "Selected cell" section at the top of the pane: it follows the selection and shows, for an
 * AIMARKET formula or a cell of an inserted table, the figure with its verbatim source sentence,
 * where it is in the report, how it was converted and every flag (each with a visible ⚑ badge),
 * in the pane's language. It never leaves a failure unshown or a promise unhandled.
 */
export function createSelectedCellSection(host: PaneSectionHost): PaneSection {
  let info: SelectionInfo | undefined;
  let failure: string | undefined;
  let followFailure: string | undefined;
  let reading = false;
  let body: HTMLElement | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let seq = 0;
  let destroyed = false;

  function schedule(): void {
    if (destroyed) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void read();
    }, SELECTION_DEBOUNCE_MS);
  }

  async function read(): Promise<void> {
    const mine = ++seq;
    reading = true;
    draw();
    try {
      const next = await host.actions.describeSelection();
      if (mine !== seq || destroyed) return;
      info = next;
      failure = undefined;
    } catch (e) {
      if (mine !== seq || destroyed) return;
      failure = errorMessage(e, host.language());
    }
    reading = false;
    draw();
  }

  const remover: Promise<(() => Promise<void>) | undefined> = host.actions.onSelectionChanged(schedule).then(
    (remove) => remove,
    (e: unknown) => {
      followFailure = errorMessage(e, host.language());
      draw();
      return undefined;
    },
  );
  schedule();

  function draw(): void {
    if (!body) return;
    const ui = host.language();
    body.setAttribute("aria-busy", reading ? "true" : "false");
    const parts: Child[] = [];
    if (followFailure) parts.push(h("p", { class: "aim-hint aim-error-text", id: "aim-sc-follow-error" }, t(ui, "scFollowFailed", { message: followFailure })));
    if (failure) parts.push(h("p", { class: "aim-error-text", id: "aim-sc-error", role: "alert" }, t(ui, "scFailed", { message: failure })));
    else if (info) parts.push(...renderInfo(info, ui));
    else if (reading) parts.push(h("p", { class: "aim-hint" }, t(ui, "scReading")));
    fill(body, ...parts);
  }

  return {
    render() {
      const ui = host.language();
      body = h("div", { id: "aim-selected-cell-body", class: "aim-sc-body", role: "region", "aria-live": "polite", "aria-label": t(ui, "scRegionLabel") });
      draw();
      return h("section", { id: "aim-selected-cell", "aria-labelledby": "aim-selected-cell-heading" }, h("h2", { id: "aim-selected-cell-heading" }, t(ui, "selectedCellHeading")), body);
    },
    update: schedule,
    setBusy: () => undefined,
    destroy() {
      destroyed = true;
      if (timer !== undefined) clearTimeout(timer);
      void remover.then((remove) => remove?.()).catch(() => undefined);
    },
  };
}

function renderInfo(info: SelectionInfo, ui: UiLanguage): Child[] {
  const out: Child[] = [];
  const shown = info.kind === "empty" ? t(ui, "scShowsEmpty") : t(ui, "scShows", { text: info.text });
  out.push(
    h(
      "div",
      { class: "aim-sc-cell" },
      h("span", { class: "aim-sc-address", id: "aim-sc-address" }, info.address),
      h("span", { id: "aim-sc-shows" }, shown),
      info.formula ? h("code", { class: "aim-sc-formula", id: "aim-sc-formula", "aria-label": `${t(ui, "scFormula")}: ${info.formula}` }, info.formula) : null,
    ),
  );
  if (info.call?.anchor) out.push(h("p", { class: "aim-hint" }, t(ui, "scSpillOf", { anchor: info.call.anchor })));
  if (info.table) out.push(h("p", { class: "aim-hint", id: "aim-sc-table" }, t(ui, "scInTable", { name: info.table.name, mode: t(ui, `scMode_${info.table.mode}` as StringKey), title: info.table.title[ui] })));
  if (info.call && info.call.args.length > 0) out.push(argumentsOf(info, ui));
  if (info.notes.length > 0) out.push(h("ul", { class: "aim-sc-notes aim-hint", id: "aim-sc-notes" }, ...info.notes.map((n) => h("li", {}, n[ui]))));
  if (info.provenance) out.push(...renderProvenance(info.provenance, ui));
  else if (info.notes.length === 0) out.push(h("p", { class: "aim-hint", id: "aim-sc-hint" }, t(ui, "scHint")));
  return out;
}

function argumentsOf(info: SelectionInfo, ui: UiLanguage): HTMLElement {
  const text = info.call!.args.map((a) => {
    const value = a.value === null || a.value === undefined ? t(ui, "scEmptyValue") : typeof a.value === "string" ? `"${a.value}"` : String(a.value).toUpperCase();
    if (a.written === "") return t(ui, "scArgumentOmitted", { name: a.name });
    if (a.from) return t(ui, "scArgumentFrom", { name: a.name, written: a.written, value: a.unreadable ? "?" : value });
    return t(ui, "scArgumentValue", { name: a.name, value: a.unreadable ? a.written : value });
  });
  return h("p", { class: "aim-hint", id: "aim-sc-args" }, `${t(ui, "scArguments")}: ${text.join("; ")}`);
}

function renderProvenance(p: Provenance, ui: UiLanguage): Child[] {
  const out: Child[] = [];
  if (p.error) out.push(h("p", { class: "aim-error-text", id: "aim-sc-function-error" }, t(ui, "scError", { shows: p.error.shows, message: p.error.message })));
  if (p.table) {
    const place = p.table;
    const column = place.columnLabel?.[ui] ?? String(place.column + 1);
    const row = place.rowLabel?.[ui] ?? String(place.row);
    const where =
      place.part === "header" ? t(ui, "scTablePlaceHeader", { column }) : place.part === "row-label" ? t(ui, "scTablePlaceLabel", { row }) : t(ui, "scTablePlace", { row, column });
    out.push(h("p", { id: "aim-sc-place" }, `${t(ui, "scTableCell")}: ${place.title[ui]} · ${t(ui, "scSection", { section: place.section })} · ${where}`));
    if (place.cellText) out.push(details([[t(ui, "scCellText"), h("span", { lang: ui === "zh" ? "zh-CN" : "en" }, place.cellText[ui])]]));
  }
  if (p.note) out.push(h("p", { class: "aim-hint", id: "aim-sc-note" }, p.note[ui]));
  if (p.figure) out.push(renderFigure(p.figure, ui, true));
  for (const figure of p.figures) out.push(renderFigure(figure, ui, false));
  // Flags of the figures are shown with each figure; the table's own flags here.
  const tableFlags = p.flags.filter((f) => f.on === "table");
  if (tableFlags.length > 0) out.push(flagList(tableFlags, ui, "aim-sc-table-flags"));
  return out;
}

function details(rows: [string, Child][]): HTMLElement {
  return h("dl", { class: "aim-sc-details" }, ...rows.flatMap(([term, value]) => [h("dt", {}, term), h("dd", {}, value)]));
}

function renderFigure(figure: FigureProvenance, ui: UiLanguage, main: boolean): HTMLElement {
  const period = figure.period === null ? t(ui, "scNoPeriod") : t(ui, "scPeriod", { period: figure.period });
  const title = `${figure.entity.name[ui]} · ${figure.metric.name[ui]} · ${period}${figure.periodNote ? ` (${figure.periodNote[ui]})` : ""}`;
  const rows: [string, Child][] = [];
  if (figure.answer !== undefined) {
    const unit = figure.unit?.[ui];
    rows.push([t(ui, "scAnswer"), `${typeof figure.answer === "number" ? formatNumber(figure.answer) : figure.answer}${unit ? ` ${unit}` : ""}`]);
  }
  if (figure.written) rows.push([t(ui, "scWritten"), h("span", { lang: "zh-CN", class: "aim-sc-written" }, figure.written)]);
  if (figure.qualifier) rows.push([t(ui, "scQualifier"), h("span", { class: "aim-sc-qualifier" }, t(ui, "scQualifierValue", { verbatim: figure.qualifier.verbatim, meaning: figure.qualifier.meaning[ui] }))]);
  if (figure.range && figure.answer !== undefined) {
    rows.push([t(ui, "scRange"), t(ui, "scRangeValue", { low: figure.range.low, high: figure.range.high, bound: t(ui, `scBound_${figure.range.bound}` as StringKey) })]);
  }
  rows.push([t(ui, "scSource"), h("blockquote", { lang: "zh-CN", class: "aim-sc-source" }, figure.source.text)]);
  rows.push([t(ui, "scEnglish"), h("span", { lang: "en", class: "aim-sc-english" }, figure.english)]);
  rows.push([t(ui, "scWhere"), h("span", { class: "aim-sc-where" }, whereOf(figure, ui))]);
  if (figure.answer !== undefined && typeof figure.answer === "number") {
    const conversions = figure.conversions.map((c) => conversionText(c, ui));
    rows.push([
      t(ui, "scConversion"),
      conversions.length === 0 ? t(ui, "scNoConversion") : h("ul", { class: "aim-sc-notes aim-sc-conversions" }, ...conversions.map((c) => h("li", {}, c))),
    ]);
  }
  return h(
    "div",
    { class: "aim-sc-figure", "data-figure": figure.id, ...(main ? { id: "aim-sc-figure" } : {}) },
    h("h3", {}, title),
    details(rows),
    figure.flags.length > 0 ? flagList(figure.flags, ui, main ? "aim-sc-flags" : undefined) : null,
  );
}

function whereOf(figure: FigureProvenance, ui: UiLanguage): string {
  const s = figure.source;
  const parts = [t(ui, "scSection", { section: s.section })];
  if (s.table) parts.push(t(ui, "scTable", { title: s.table.title[ui] }));
  if (s.row) parts.push(t(ui, "scRow", { row: s.row }));
  if (s.column) parts.push(t(ui, "scColumn", { column: s.column }));
  return parts.join(ui === "zh" ? "," : ", ");
}

function conversionText(c: Conversion, ui: UiLanguage): string {
  switch (c.kind) {
    case "scale":
      return t(ui, "scConvertScale", { from: c.from[ui], to: c.to[ui], factor: formatNumber(c.factor) });
    case "currency":
      return t(ui, "scConvertCurrency", { from: c.from, to: c.to, rate: c.cnyPerUsd, direction: t(ui, c.from === "CNY" ? "scDirection_CNY_USD" : "scDirection_USD_CNY") });
    case "stated":
      return t(ui, "scConvertStated", { written: c.of.written ?? c.of.id });
  }
}

function flagList(flags: FlagView[], ui: UiLanguage, id?: string): HTMLElement {
  return h(
    "ul",
    { class: "aim-sc-flags", "aria-label": t(ui, "scFlags"), ...(id ? { id } : {}) },
    ...flags.map((flag) => {
      const label = FLAG_LABELS[flag.code][ui];
      const related = flag.related.length > 0 ? h("p", { class: "aim-hint" }, t(ui, "scRelated", { figures: flag.related.map((r) => r.label[ui]).join(ui === "zh" ? ";" : "; ") })) : null;
      return h(
        "li",
        { class: "aim-sc-flag", "data-flag": flag.code, role: "note", "aria-label": t(ui, "scFlagLabel", { code: flag.code, label, note: flag.note[ui] }) },
        h("span", { class: "aim-sc-flag-badge" }, t(ui, "scFlagBadge", { code: flag.code })),
        h("strong", {}, flag.on === "table" ? `${label} (${t(ui, "scFlagOnTable")})` : label),
        h("p", { class: "aim-sc-flag-note", lang: ui === "zh" ? "zh-CN" : "en" }, flag.note[ui]),
        related,
      );
    }),
  );
}

function formatNumber(n: number): string {
  if (Number.isInteger(n)) return n.toLocaleString("en-US");
  return String(Number(n.toPrecision(12)));
}
