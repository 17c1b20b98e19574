/**
 * Builds elements without HTML parsing: text is always added as text nodes, so text from the
 * dataset or from Excel can never become markup.
 */
export type Child = Node | string | number | null | undefined | false;
export type Attributes = Record<string, string | number | boolean | null | undefined>;

export function h(tag: string, attributes: Attributes = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  setAttributes(element, attributes);
  append(element, ...children);
  return element;
}

export function setAttributes(element: Element, attributes: Attributes): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) element.removeAttribute(name);
    else element.setAttribute(name, value === true ? "" : String(value));
  }
}

export function append(element: Element, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
  }
}

/** Replaces an element's children. */
export function fill(element: Element, ...children: Child[]): void {
  element.replaceChildren();
  append(element, ...children);
}

/** A form-associated custom element's value (Fluent radio group, dropdown, text input). */
export function valueOf(element: Element): string {
  const value = (element as Element & { value?: unknown }).value;
  return typeof value === "string" ? value : "";
}

export function setValue(element: Element, value: string): void {
  (element as Element & { value?: unknown }).value = value;
}

export function isChecked(element: Element): boolean {
  return (element as Element & { checked?: unknown }).checked === true;
}

export function setChecked(element: Element, checked: boolean): void {
  (element as Element & { checked?: unknown }).checked = checked;
}
