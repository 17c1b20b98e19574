import { h, fill } from "./dom";
import type { PaneMessage } from "./pane-state";

/** What a status region shows: nothing, an action in progress, or the outcome of the last action. */
export type StatusModel = { busy: string } | PaneMessage | undefined;

/** Fills a status region (role=status, so screen readers announce the change). */
export function renderStatus(region: HTMLElement, model: StatusModel): void {
  if (!model) {
    fill(region);
    return;
  }
  if ("busy" in model) {
    fill(region, h("div", { class: "aim-busy" }, h("fluent-spinner", { size: "tiny", "aria-hidden": "true" }), h("span", {}, model.busy)));
    return;
  }
  fill(
    region,
    h(
      "fluent-message-bar",
      { intent: model.intent, layout: "multiline", class: "aim-message", "data-intent": model.intent },
      h("span", { class: "aim-message-headline" }, model.headline),
      model.lines.length > 0 ? h("ul", { class: "aim-message-lines" }, ...model.lines.map((line) => h("li", {}, line))) : null,
    ),
  );
}
