import { chartPresetsFor, type ChartPreset } from "../core/chart-presets";
import type { TrackedTable } from "../excel/contracts";
import { fill, h } from "./dom";
import { t, type StringKey, type UiLanguage } from "./i18n";
import type { PaneSection, PaneSectionHost } from "./pane-section";
import { errorMessage } from "./pane-state";
import { renderStatus, type StatusModel } from "./render-message";

/** Id of the button that inserts `preset` for the tracked table `name`. */
export const chartButtonId = (name: string, presetId: string): string => `aim-chart-${name.replace(/[^A-Za-z0-9_-]/g, "_")}-${presetId}`;

/** Tracked tables a chart can be made of: live or snapshot tables (a spill is no Excel table) of a report table with presets. */
export function chartableTables(tables: readonly TrackedTable[]): TrackedTable[] {
  return tables.filter((table) => table.mode !== "spill" && chartPresetsFor(table.tableId).length > 0);
}

/**
 * The Charts section: each tracked numeric table with a button per chart preset, and a status
 * region with the outcome. A chart is labelled in its table's data language, not the pane's: its
 * categories are the table's own cells (vendor names as the table shows them), so the title, axis
 * and series names in the same language make one readable chart.
 */
export function createChartSection(host: PaneSectionHost): PaneSection {
  let status: ((ui: UiLanguage) => StatusModel) | undefined;
  let busy = false;
  let list: HTMLElement | undefined;
  let statusRegion: HTMLElement | undefined;

  const languageName = (ui: UiLanguage, language: string): string => t(ui, `language_${language}` as StringKey);

  function buttons(): HTMLElement[] {
    return list ? [...list.querySelectorAll<HTMLElement>("fluent-button")] : [];
  }

  function showStatus(): void {
    if (statusRegion) renderStatus(statusRegion, status?.(host.language()));
  }

  function renderList(): void {
    if (!list) return;
    const ui = host.language();
    const tables = chartableTables(host.tracked());
    if (tables.length === 0) {
      fill(list, h("li", { class: "aim-hint", id: "aim-charts-empty" }, t(ui, "chartsEmpty")));
      return;
    }
    fill(
      list,
      ...tables.map((table) => {
        const title = host.state().index.tables.get(table.tableId)?.title[ui] ?? table.tableId;
        const language = languageName(ui, table.options.language);
        const actions = chartPresetsFor(table.tableId).map((preset) => {
          const button = h(
            "fluent-button",
            {
              id: chartButtonId(table.name, preset.id),
              size: "small",
              "data-chart": preset.id,
              "aria-label": t(ui, "chartInsertLabel", { chart: preset.label[ui], name: table.name, language }),
            },
            t(ui, "chartInsertButton", { chart: preset.label[ui] }),
          );
          button.toggleAttribute("disabled-focusable", busy);
          button.addEventListener("click", () => void insert(table, preset, button.id));
          return button;
        });
        return h(
          "li",
          { class: "aim-chart-table", "data-name": table.name },
          h("span", { class: "aim-hint" }, t(ui, "chartsTableLine", { name: table.name, title, language })),
          h("div", { class: "aim-actions", role: "group", "aria-label": t(ui, "chartsTableLabel", { name: table.name }) }, ...actions),
        );
      }),
    );
  }

  async function insert(table: TrackedTable, preset: ChartPreset, buttonId: string): Promise<void> {
    try {
      await host.exclusive(async () => {
        const name = table.name;
        status = (ui) => ({ busy: t(ui, "chartWorking", { chart: preset.label[ui], name }) });
        showStatus();
        try {
          const result = await host.actions.insertChart({ tableName: name, chartId: preset.id, language: table.options.language });
          status = (ui) => ({ intent: "success", headline: t(ui, "chartInserted", { chart: preset.label[ui], name, sheet: result.sheet }), lines: result.notes });
        } catch (e) {
          const message = errorMessage(e, host.language());
          // The action's own sentence says what happened and what to do (see ExcelActions).
          status = (ui) => ({ intent: "error", headline: t(ui, "chartFailed", { message }), lines: [] });
        }
        showStatus();
        await host.reloadTracked();
      });
    } catch (e) {
      const message = errorMessage(e, host.language());
      status = (ui) => ({ intent: "error", headline: t(ui, "chartFailed", { message }), lines: [] });
      showStatus();
    }
    host.doc.getElementById(buttonId)?.focus();
  }

  return {
    render() {
      const ui = host.language();
      list = h("ul", { id: "aim-charts-list", class: "aim-chart-list" });
      statusRegion = h("div", { id: "aim-charts-status", class: "aim-status", role: "status", "aria-live": "polite" });
      renderList();
      showStatus();
      return h(
        "section",
        { id: "aim-charts", "aria-labelledby": "aim-charts-heading" },
        h("h2", { id: "aim-charts-heading" }, t(ui, "chartsHeading")),
        h("p", { class: "aim-hint" }, t(ui, "chartsHint")),
        list,
        statusRegion,
      );
    },
    update: renderList,
    setBusy(on) {
      busy = on;
      for (const button of buttons()) button.toggleAttribute("disabled-focusable", on);
    },
    destroy() {
      list = undefined;
      statusRegion = undefined;
    },
  };
}
