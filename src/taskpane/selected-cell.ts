// PLACEHOLDER (issue 7): the helper that owns this section replaces this file.
import { h } from "./dom";
import { t } from "./i18n";
import type { PaneSection, PaneSectionHost } from "./pane-section";

export function createSelectedCellSection(host: PaneSectionHost): PaneSection {
  return {
    render: () => h("section", { id: "aim-selected-cell", "aria-labelledby": "aim-selected-cell-heading" }, h("h2", { id: "aim-selected-cell-heading" }, t(host.language(), "selectedCellHeading"))),
    update: () => undefined,
    setBusy: () => undefined,
    destroy: () => undefined,
  };
}
