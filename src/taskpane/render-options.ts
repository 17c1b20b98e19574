import { h, valueOf } from "./dom";
import { t, type StringKey, type UiLanguage } from "./i18n";
import { BOUNDS, CURRENCIES, INSERT_MODES, LANGUAGES, SCALES, parseOption, type PaneOptions } from "./pane-state";

export type OptionChange = <K extends keyof PaneOptions>(key: K, value: PaneOptions[K]) => void;

/**
 * Names a Fluent dropdown's control after its label. The dropdown puts role=combobox on a button it
 * creates (and recreates) itself when connected and, in 3.1, does not pass the field's label on to
 * it, so a screen reader would announce an unnamed combobox.
 */
function nameDropdownControl(dropdown: HTMLElement, labelId: string): void {
  const name = (): void => dropdown.querySelector("[role=combobox]")?.setAttribute("aria-labelledby", labelId);
  new MutationObserver(name).observe(dropdown, { childList: true });
}

/** A labelled Fluent radio group; its value is one of `choices`. */
function radioGroup<K extends keyof PaneOptions>(
  key: K,
  label: string,
  choices: readonly string[],
  current: string,
  labelOf: (choice: string) => string,
  onChange: OptionChange,
  attributes: Record<string, string> = {},
): HTMLElement {
  const group = h(
    "fluent-radio-group",
    { id: `aim-${key}`, slot: "input", name: `aim-${key}`, orientation: "horizontal", value: current, ...attributes },
    ...choices.map((choice) =>
      h(
        "fluent-field",
        { "label-position": "after" },
        h("label", { slot: "label" }, labelOf(choice)),
        h("fluent-radio", { slot: "input", id: `aim-${key}-${choice}`, value: choice, checked: choice === current }),
      ),
    ),
  );
  group.addEventListener("change", () => {
    const value = parseOption(key, valueOf(group));
    if (value !== undefined) onChange(key, value);
  });
  return h("fluent-field", { class: "aim-option" }, h("label", { slot: "label" }, label), group);
}

/**
 * The options of an insert: table language, currency, scale, bound and form. Fields are labelled,
 * in reading order, and the form's description follows the chosen form.
 */
export function createOptionsForm(ui: UiLanguage, options: PaneOptions, onChange: OptionChange): HTMLElement {
  const modeHint = h("p", { id: "aim-mode-hint", class: "aim-hint" }, t(ui, `modeHint_${options.mode}` as StringKey));
  const change: OptionChange = (key, value) => {
    if (key === "mode") modeHint.textContent = t(ui, `modeHint_${value}` as StringKey);
    onChange(key, value);
  };

  const scale = h(
    "fluent-dropdown",
    { id: "aim-scale", slot: "input", value: options.scale },
    h(
      "fluent-listbox",
      {},
      ...SCALES.map((s) => h("fluent-option", { value: s, selected: s === options.scale }, t(ui, `scale_${s}` as StringKey))),
    ),
  );
  nameDropdownControl(scale, "aim-scale-label");
  scale.addEventListener("change", () => {
    const value = parseOption("scale", valueOf(scale));
    if (value !== undefined) change("scale", value);
  });

  return h(
    "div",
    { class: "aim-options", role: "group", "aria-labelledby": "aim-options-heading" },
    h("h3", { id: "aim-options-heading" }, t(ui, "optionsHeading")),
    radioGroup("language", t(ui, "languageLabel"), LANGUAGES, options.language, (l) => t(ui, `language_${l}` as StringKey), change),
    radioGroup("currency", t(ui, "currencyLabel"), CURRENCIES, options.currency, (c) => t(ui, `currency_${c}` as StringKey), change),
    h("fluent-field", { class: "aim-option" }, h("label", { slot: "label", id: "aim-scale-label" }, t(ui, "scaleLabel")), scale),
    radioGroup("bound", t(ui, "boundLabel"), BOUNDS, options.bound, (b) => t(ui, `bound_${b}` as StringKey), change),
    h("p", { class: "aim-hint" }, t(ui, "optionsHint")),
    radioGroup("mode", t(ui, "modeLabel"), INSERT_MODES, options.mode, (m) => t(ui, `mode_${m}` as StringKey), change, {
      orientation: "vertical",
      "aria-describedby": "aim-mode-hint",
    }),
    modeHint,
  );
}

