import { applicableOptions, buildFormula } from "../core/formula-text";
import type { Bound, Language } from "../core/query-options";
import type { Currency } from "../core/schema";
import type { Scale } from "../core/units";
import { fill, h, valueOf } from "./dom";
import { radioField, selectField } from "./fields";
import {
  choiceOf,
  columnFormulas,
  entitiesWith,
  fillCountText,
  initialBuilderState,
  livePreview,
  metricsOf,
  searchEntities,
  settleState,
  yearChoices,
  type BuilderState,
  type YearChoice,
} from "./formula-builder-state";
import { plural, t, type StringKey, type UiLanguage } from "./i18n";
import type { PaneSection, PaneSectionHost } from "./pane-section";
import { BOUNDS, CURRENCIES, LANGUAGES, SCALES, errorMessage, type PaneMessage } from "./pane-state";
import { renderStatus, type StatusModel } from "./render-message";

const entityOptionId = (id: string): string => `aim-fb-entity-${id}`;
const fillOptionId = (id: string): string => `aim-fb-fill-${id}`;

/** A labelled radio group with ids aim-fb-<key> and aim-fb-<key>-<value>. */
function radioGroup(key: string, label: string, choices: readonly string[], current: string, labelOf: (c: string) => string, onChange: (value: string) => void): HTMLElement {
  return radioField({ id: `aim-fb-${key}`, label, choices: choices.map((c) => [c, labelOf(c)] as const), current, onChange });
}

/** A labelled select with id aim-fb-<key>; options value -> text. */
function dropdown(key: string, label: string, choices: readonly (readonly [string, string])[], current: string | undefined, onChange: (value: string) => void): HTMLElement {
  return selectField({ id: `aim-fb-${key}`, label, choices, current, onChange });
}

/**
 * Moves focus in a listbox of role=option items by arrow keys, Home and End, and calls `activate`
 * on Enter or Space (and on click), as in a native list: one tab stop, the rest by keys.
 */
function listKeys(list: HTMLElement, activate: (option: HTMLElement) => void, moveSelects: boolean): void {
  const options = (): HTMLElement[] => [...list.querySelectorAll<HTMLElement>("[role=option]")];
  const focus = (option: HTMLElement | undefined): void => {
    if (!option) return;
    for (const o of options()) o.tabIndex = o === option ? 0 : -1;
    option.focus();
  };
  list.addEventListener("click", (event) => {
    const option = (event.target as Element).closest<HTMLElement>("[role=option]");
    if (!option) return;
    focus(option);
    activate(option);
  });
  list.addEventListener("keydown", (event) => {
    const all = options();
    if (all.length === 0) return;
    const current = all.indexOf(list.ownerDocument.activeElement as HTMLElement);
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      if (all[current]) activate(all[current]!);
      return;
    }
    const next: Record<string, number> = { ArrowDown: Math.min(current + 1, all.length - 1), ArrowUp: Math.max(current - 1, 0), Home: 0, End: all.length - 1 };
    if (!(event.key in next)) return;
    event.preventDefault();
    const target = all[next[event.key]!];
    focus(target);
    if (moveSelects && target) activate(target);
  });
}

/**
 * The "Build a formula" section: find an entity in either language, pick a metric and the options
 * that apply to it, see the formula and the value it gives as you choose (computed by the same core
 * query as the function), then write it to the active cell, or one per chosen entity down a column.
 */
export function createFormulaBuilder(host: PaneSectionHost): PaneSection {
  let ui: UiLanguage = host.language();
  let state: BuilderState = settleState(host.state().index, initialBuilderState(ui));
  let status: ((ui: UiLanguage) => StatusModel) | undefined;
  let busy = false;
  let working = false;
  /** The dataset the controls were built for: update() rebuilds them only when it changed, so focus stays put otherwise. */
  let shownState = host.state();

  let refs: {
    count: HTMLElement;
    entities: HTMLElement;
    metricHolder: HTMLElement;
    optionsHolder: HTMLElement;
    formula: HTMLElement;
    value: HTMLElement;
    notes: HTMLElement;
    fillHolder: HTMLElement;
    fillCount: HTMLElement;
    buttons: HTMLElement[];
    status: HTMLElement;
  } | undefined;

  const index = () => host.state().index;

  function setState(next: BuilderState): void {
    state = settleState(index(), next);
  }

  function updateEntities(): void {
    if (!refs) return;
    const shown = searchEntities(index(), state.query);
    const total = index().dataset.entities.length;
    refs.count.textContent = shown.length === 0 ? t(ui, "fbNoEntity", { query: state.query.trim() }) : t(ui, "fbEntityCount", { shown: shown.length, total });
    const focusable = shown.some((e) => e.id === state.entity) ? state.entity : shown[0]?.id;
    const hadFocus = refs.entities.contains(host.doc.activeElement);
    const other: UiLanguage = ui === "en" ? "zh" : "en";
    fill(
      refs.entities,
      ...shown.map((entity) =>
        h(
          "li",
          {
            id: entityOptionId(entity.id),
            class: "aim-fb-option",
            role: "option",
            "aria-selected": entity.id === state.entity ? "true" : "false",
            tabindex: entity.id === focusable ? 0 : -1,
            "data-entity-id": entity.id,
          },
          h("span", { class: "aim-fb-option-name", lang: ui }, entity.name[ui]),
          entity.name[other] !== entity.name[ui] ? h("span", { class: "aim-fb-option-meta", lang: other }, entity.name[other]) : null,
          h("span", { class: "aim-fb-option-meta" }, t(ui, `rowKind_${entity.kind}` as StringKey)),
        ),
      ),
    );
    refs.entities.hidden = shown.length === 0;
    if (hadFocus && focusable) host.doc.getElementById(entityOptionId(focusable))?.focus();
  }

  function renderMetric(): void {
    if (!refs) return;
    const metrics = metricsOf(index(), state.entity);
    if (!state.entity) {
      fill(refs.metricHolder);
      return;
    }
    if (metrics.length === 0) {
      fill(refs.metricHolder, h("p", { class: "aim-hint" }, t(ui, "fbNoMetric")));
      return;
    }
    fill(
      refs.metricHolder,
      dropdown("metric", t(ui, "fbMetricLabel"), metrics.map((m) => [m.id, `${m.name[ui]} (${m.id})`] as const), state.metric, (value) => {
        setState({ ...state, metric: value });
        renderOptions();
        renderFill();
        updateLive();
      }),
    );
  }

  function renderOptions(): void {
    if (!refs) return;
    if (!state.entity || !state.metric) {
      fill(refs.optionsHolder);
      return;
    }
    // The bound is offered when the entity's figure or any figure of the column is a range.
    const applies = applicableOptions(index(), [state.entity, ...state.fill], state.metric);
    const years = yearChoices(applies).map(String);
    const yearLabel = (y: string): string => (y === "latest" ? t(ui, "fbYearLatest") : y === "none" ? t(ui, "fbYearNone") : y);
    const change = (next: Partial<BuilderState>): void => {
      setState({ ...state, ...next });
      updateLive();
    };
    fill(
      refs.optionsHolder,
      radioGroup("year", t(ui, "fbYearLabel"), years, String(state.year), yearLabel, (v) => change({ year: (/^\d+$/.test(v) ? Number(v) : v) as YearChoice })),
      applies.currency
        ? radioGroup("currency", t(ui, "currencyLabel"), CURRENCIES, state.currency, (c) => t(ui, `currency_${c}` as StringKey), (v) => change({ currency: v as Currency }))
        : null,
      applies.scale
        ? dropdown("scale", t(ui, "scaleLabel"), SCALES.map((s) => [s, t(ui, `scale_${s}` as StringKey)] as const), state.scale, (v) => change({ scale: v as Scale }))
        : null,
      applies.bound ? radioGroup("bound", t(ui, "boundLabel"), BOUNDS, state.bound, (b) => t(ui, `bound_${b}` as StringKey), (v) => change({ bound: v as Bound })) : null,
      applies.language
        ? radioGroup("language", t(ui, "fbTextLanguageLabel"), LANGUAGES, state.language, (l) => t(ui, `language_${l}` as StringKey), (v) => change({ language: v as Language }))
        : null,
    );
  }

  function renderFill(): void {
    if (!refs) return;
    const metric = state.metric ? index().metrics.get(state.metric) : undefined;
    if (!metric) {
      fill(refs.fillHolder);
      return;
    }
    const labelId = "aim-fb-fill-label";
    const chosen = new Set(state.fill);
    const list = h(
      "ul",
      { id: "aim-fb-fill", class: "aim-fb-list", role: "listbox", "aria-multiselectable": "true", "aria-labelledby": labelId, "aria-describedby": "aim-fb-fill-hint" },
      ...entitiesWith(index(), metric.id).map((entity, i) =>
        h(
          "li",
          { id: fillOptionId(entity.id), class: "aim-fb-option aim-fb-check", role: "option", "aria-selected": chosen.has(entity.id) ? "true" : "false", tabindex: i === 0 ? 0 : -1, "data-entity-id": entity.id },
          h("span", { class: "aim-fb-option-name", lang: ui }, entity.name[ui]),
        ),
      ),
    );
    listKeys(
      list,
      (option) => {
        const id = option.dataset.entityId;
        if (!id) return;
        const on = option.getAttribute("aria-selected") !== "true";
        option.setAttribute("aria-selected", on ? "true" : "false");
        const order = entitiesWith(index(), state.metric).map((e) => e.id);
        const picked = new Set(state.fill);
        if (on) picked.add(id);
        else picked.delete(id);
        setState({ ...state, fill: order.filter((e) => picked.has(e)) });
        renderOptions();
        updateFillCount();
      },
      false,
    );
    fill(
      refs.fillHolder,
      h("h3", { id: "aim-fb-fill-heading" }, t(ui, "fbFillHeading")),
      h("p", { id: "aim-fb-fill-hint", class: "aim-hint" }, t(ui, "fbFillHint")),
      h("p", { id: labelId, class: "aim-fb-label" }, t(ui, "fbFillListLabel", { metric: metric.name[ui] })),
      list,
      refs.fillCount,
    );
    updateFillCount();
  }

  function updateFillCount(): void {
    if (refs) refs.fillCount.textContent = fillCountText(ui, state.fill.length);
  }

  function updateLive(): void {
    if (!refs) return;
    const live = livePreview(index(), state, ui);
    refs.formula.textContent = live?.formula ?? "";
    refs.formula.hidden = !live;
    refs.value.textContent = live?.value ?? t(ui, "fbChooseEntity");
    refs.value.classList.toggle("aim-error-text", live?.error === true);
    fill(refs.notes, ...(live?.notes ?? []).map((note) => h("li", {}, note)));
    refs.notes.hidden = !live || live.notes.length === 0;
  }

  function updateStatus(): void {
    if (refs) renderStatus(refs.status, status?.(ui));
  }

  function setButtonsBusy(): void {
    for (const button of refs?.buttons ?? []) button.toggleAttribute("disabled-focusable", busy || working);
  }

  /** Writes `formulas` from the active cell down, through host.exclusive; the outcome goes to the status region. */
  async function write(formulas: string[], whenNone: StringKey): Promise<void> {
    if (working) return;
    if (formulas.length === 0) {
      status = (lang) => ({ intent: "error", headline: t(lang, whenNone), lines: [] });
      updateStatus();
      return;
    }
    let ran = false;
    try {
      ran = await host.exclusive(async () => {
        working = true;
        setButtonsBusy();
        status = (lang) => ({ busy: t(lang, "fbWriting") });
        updateStatus();
        try {
          const result = await host.actions.insertFormulas({ formulas });
          const [first] = formulas;
          status = (lang): PaneMessage =>
            formulas.length === 1
              ? { intent: "success", headline: t(lang, "fbWrote", { formula: first!, address: result.address }), lines: [] }
              : { intent: "success", headline: plural(lang, "fbWroteColumn", formulas.length, { address: result.address }), lines: formulas };
        } catch (e) {
          const message = errorMessage(e, ui);
          // insertFormulas rejects with one sentence naming the cells and the fix.
          status = (): PaneMessage => ({ intent: "error", headline: message, lines: [] });
        } finally {
          working = false;
        }
      });
    } catch (e) {
      const message = errorMessage(e, ui);
      status = (): PaneMessage => ({ intent: "error", headline: message, lines: [] });
      ran = true;
    }
    if (!ran) status = (lang): PaneMessage => ({ intent: "info", headline: t(lang, "fbBusy"), lines: [] });
    setButtonsBusy();
    updateStatus();
  }

  function insertOne(): Promise<void> {
    const choice = choiceOf(state);
    return write(choice ? [buildFormula(index(), choice)] : [], "fbChooseEntity");
  }

  function fillColumn(): Promise<void> {
    return write(columnFormulas(index(), state), "fbFillNone");
  }

  function render(): HTMLElement {
    ui = host.language();
    shownState = host.state();
    const search = h(
      "fluent-text-input",
      { id: "aim-fb-search", type: "text", value: state.query, placeholder: t(ui, "fbSearchPlaceholder"), autocomplete: "off", "aria-describedby": "aim-fb-count" },
      t(ui, "fbSearchLabel"),
    );
    search.addEventListener("input", () => {
      state = { ...state, query: valueOf(search) };
      updateEntities();
    });
    const entities = h("ul", { id: "aim-fb-entities", class: "aim-fb-list", role: "listbox", "aria-label": t(ui, "fbEntityListLabel") });
    listKeys(
      entities,
      (option) => {
        const id = option.dataset.entityId;
        if (!id || id === state.entity) return;
        setState({ ...state, entity: id });
        for (const o of entities.querySelectorAll("[role=option]")) o.setAttribute("aria-selected", o === option ? "true" : "false");
        renderMetric();
        renderOptions();
        renderFill();
        updateLive();
      },
      true,
    );
    const insert = h("fluent-button", { id: "aim-fb-insert", appearance: "primary" }, t(ui, "fbInsert"));
    insert.addEventListener("click", () => void insertOne());
    const fillButton = h("fluent-button", { id: "aim-fb-fill-button" }, t(ui, "fbFill"));
    fillButton.addEventListener("click", () => void fillColumn());
    refs = {
      count: h("p", { id: "aim-fb-count", class: "aim-hint", role: "status" }),
      entities,
      metricHolder: h("div", { id: "aim-fb-metric-holder" }),
      optionsHolder: h("div", { id: "aim-fb-options", class: "aim-fb-options" }),
      formula: h("output", { id: "aim-fb-formula", class: "aim-fb-formula", "aria-labelledby": "aim-fb-formula-label", tabindex: 0 }),
      value: h("p", { id: "aim-fb-value", class: "aim-fb-value", "aria-live": "polite" }),
      notes: h("ul", { id: "aim-fb-notes", class: "aim-fb-notes" }),
      fillHolder: h("div", { id: "aim-fb-fill-holder" }),
      fillCount: h("p", { id: "aim-fb-fill-count", class: "aim-hint", "aria-live": "polite" }),
      buttons: [insert, fillButton],
      status: h("div", { id: "aim-fb-status", class: "aim-status", role: "status", "aria-live": "polite" }),
    };
    const section = h(
      "section",
      { id: "aim-formula-builder", "aria-labelledby": "aim-formula-builder-heading" },
      h("h2", { id: "aim-formula-builder-heading" }, t(ui, "formulaBuilderHeading")),
      h("p", { class: "aim-hint" }, t(ui, "fbIntro")),
      search,
      refs.count,
      entities,
      refs.metricHolder,
      refs.optionsHolder,
      h("p", { id: "aim-fb-formula-label", class: "aim-fb-label" }, t(ui, "fbFormulaLabel")),
      refs.formula,
      h("p", { id: "aim-fb-value-label", class: "aim-fb-label" }, t(ui, "fbValueLabel")),
      refs.value,
      refs.notes,
      h("div", { class: "aim-actions" }, insert),
      refs.fillHolder,
      h("div", { class: "aim-actions" }, fillButton),
      refs.status,
    );
    updateEntities();
    renderMetric();
    renderOptions();
    renderFill();
    updateLive();
    updateStatus();
    setButtonsBusy();
    return section;
  }

  return {
    render,
    update() {
      if (host.state() === shownState) return;
      shownState = host.state();
      setState(state);
      updateEntities();
      renderMetric();
      renderOptions();
      renderFill();
      updateLive();
    },
    setBusy(on) {
      busy = on;
      setButtonsBusy();
    },
    destroy() {
      refs = undefined;
    },
  };
}
