import { h, valueOf } from "./dom";

export type Choice = readonly [value: string, text: string];

export interface FieldSpec {
  /** Id of the control; each radio is `<id>-<value>`. */
  id: string;
  label: string;
  choices: readonly Choice[];
  current: string | undefined;
  /** Called with one of the choices' values, never anything else. */
  onChange: (value: string) => void;
  attributes?: Record<string, string>;
}

/**
 * A labelled native <select>: a real combobox that every screen reader names from its <label>,
 * that needs no script of its own, and that Office's webviews draw as the platform does. (Fluent's
 * dropdown was 24 KB of the pane's start-up script and did not pass its label on to its combobox.)
 */
export function selectField({ id, label, choices, current, onChange, attributes = {} }: FieldSpec): HTMLElement {
  const select = h(
    "select",
    { id, class: "aim-select", ...attributes },
    ...choices.map(([value, text]) => {
      const option = h("option", { value }, text) as HTMLOptionElement;
      option.selected = value === current;
      return option;
    }),
  ) as HTMLSelectElement;
  select.addEventListener("change", () => {
    if (choices.some(([value]) => value === select.value)) onChange(select.value);
  });
  return h("div", { class: "aim-option aim-select-field" }, h("label", { for: id, id: `${id}-label` }, label), select);
}

/** A labelled Fluent radio group; the group is `<id>`, each radio `<id>-<value>`. */
export function radioField({ id, label, choices, current, onChange, attributes = {} }: FieldSpec): HTMLElement {
  const group = h(
    "fluent-radio-group",
    { id, slot: "input", name: id, orientation: "horizontal", value: current ?? "", ...attributes },
    ...choices.map(([value, text]) =>
      h(
        "fluent-field",
        { "label-position": "after" },
        h("label", { slot: "label" }, text),
        h("fluent-radio", { slot: "input", id: `${id}-${value}`, value, checked: value === current }),
      ),
    ),
  );
  group.addEventListener("change", () => {
    const value = valueOf(group);
    if (choices.some(([v]) => v === value)) onChange(value);
  });
  return h("fluent-field", { class: "aim-option" }, h("label", { slot: "label" }, label), group);
}
