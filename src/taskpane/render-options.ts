import { h } from "./dom";
import { radioField, selectField } from "./fields";
import { t, type StringKey, type UiLanguage } from "./i18n";
import { BOUNDS, CURRENCIES, INSERT_MODES, LANGUAGES, SCALES, parseOption, type PaneOptions } from "./pane-state";

export type OptionChange = <K extends keyof PaneOptions>(key: K, value: PaneOptions[K]) => void;

/** A radio group of one insert option, its value parsed back to the option's type. */
function radioGroup<K extends keyof PaneOptions>(
  key: K,
  label: string,
  choices: readonly string[],
  current: string,
  labelOf: (choice: string) => string,
  onChange: OptionChange,
  attributes: Record<string, string> = {},
): HTMLElement {
  return radioField({
    id: `aim-${key}`,
    label,
    choices: choices.map((c) => [c, labelOf(c)] as const),
    current,
    attributes,
    onChange: (text) => {
      const value = parseOption(key, text);
      if (value !== undefined) onChange(key, value);
    },
  });
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

  const scale = selectField({
    id: "aim-scale",
    label: t(ui, "scaleLabel"),
    choices: SCALES.map((s) => [s, t(ui, `scale_${s}` as StringKey)] as const),
    current: options.scale,
    onChange: (text) => {
      const value = parseOption("scale", text);
      if (value !== undefined) change("scale", value);
    },
  });

  return h(
    "div",
    { class: "aim-options", role: "group", "aria-labelledby": "aim-options-heading" },
    h("h3", { id: "aim-options-heading" }, t(ui, "optionsHeading")),
    radioGroup("language", t(ui, "languageLabel"), LANGUAGES, options.language, (l) => t(ui, `language_${l}` as StringKey), change),
    radioGroup("currency", t(ui, "currencyLabel"), CURRENCIES, options.currency, (c) => t(ui, `currency_${c}` as StringKey), change),
    scale,
    radioGroup("bound", t(ui, "boundLabel"), BOUNDS, options.bound, (b) => t(ui, `bound_${b}` as StringKey), change),
    h("p", { class: "aim-hint" }, t(ui, "optionsHint")),
    radioGroup("mode", t(ui, "modeLabel"), INSERT_MODES, options.mode, (m) => t(ui, `mode_${m}` as StringKey), change, {
      orientation: "vertical",
      "aria-describedby": "aim-mode-hint",
    }),
    modeHint,
  );
}

