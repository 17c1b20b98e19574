// PLACEHOLDER (issue 7): the helper that owns this section replaces this file.
import { h } from "./dom";
import { t } from "./i18n";
import type { PaneSection, PaneSectionHost } from "./pane-section";

export function createFormulaBuilder(host: PaneSectionHost): PaneSection {
  return {
    render: () => h("section", { id: "aim-formula-builder", "aria-labelledby": "aim-formula-builder-heading" }, h("h2", { id: "aim-formula-builder-heading" }, t(host.language(), "formulaBuilderHeading"))),
    update: () => undefined,
    setBusy: () => undefined,
    destroy: () => undefined,
  };
}
