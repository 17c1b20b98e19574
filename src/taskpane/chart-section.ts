// PLACEHOLDER (issue 7): the helper that owns this section replaces this file.
import { h } from "./dom";
import { t } from "./i18n";
import type { PaneSection, PaneSectionHost } from "./pane-section";

export function createChartSection(host: PaneSectionHost): PaneSection {
  return {
    render: () => h("section", { id: "aim-charts", "aria-labelledby": "aim-charts-heading" }, h("h2", { id: "aim-charts-heading" }, t(host.language(), "chartsHeading"))),
    update: () => undefined,
    setBusy: () => undefined,
    destroy: () => undefined,
  };
}
