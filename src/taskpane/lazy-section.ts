import { h } from "./dom";
import { t, type StringKey, type UiLanguage } from "./i18n";
import type { PaneSection, PaneSectionHost } from "./pane-section";
import { errorMessage } from "./pane-state";

export type SectionFactory = (host: PaneSectionHost) => PaneSection;

export interface LazySectionSpec {
  /** The section's id without the prefix: "formula-builder" is #aim-formula-builder. */
  id: string;
  heading: StringKey;
  /** Loads the section's code (its own chunk); called on the first expand, again after a failure. */
  load: () => Promise<SectionFactory>;
  /** Where the open/closed choice is remembered across panes (localStorage); none in tests. */
  storage?: () => Storage | undefined;
}

const STORAGE_KEY = "AIMARKET.openSections";

/**
 * A pane section whose code is fetched the first time the user opens it (a disclosure heading,
 * closed at first), so the pane starts with only what every user needs. Once loaded it is the
 * section itself: its element, with its heading turned into the disclosure button, and every
 * update, busy state and destroy passed on. A failed load says why and is tried again on the next
 * open. The open sections are remembered, so a user who works in one finds it open next time.
 */
export function createLazySection(host: PaneSectionHost, spec: LazySectionSpec): PaneSection {
  const sectionId = `aim-${spec.id}`;
  const headingId = `${sectionId}-heading`;
  const toggleId = `${sectionId}-toggle`;
  let open = remembered(spec).has(spec.id);
  let inner: PaneSection | undefined;
  let loading: Promise<void> | undefined;
  let failure: string | undefined;
  let busy = false;
  let element: HTMLElement | undefined;
  let destroyed = false;

  function toggle(ui: UiLanguage): HTMLElement {
    const button = h(
      "button",
      { id: toggleId, type: "button", class: "aim-disclosure", "aria-expanded": open ? "true" : "false", "aria-controls": sectionId },
      t(ui, spec.heading),
    );
    button.addEventListener("click", () => setOpen(!open));
    return button;
  }

  function build(): HTMLElement {
    const ui = host.language();
    if (open && inner) {
      const shown = inner.render();
      // The section's own heading becomes the disclosure: one heading, and the section keeps its label.
      const heading = shown.querySelector<HTMLElement>(`#${headingId}`) ?? shown.querySelector<HTMLElement>("h2");
      if (heading) heading.replaceChildren(toggle(ui));
      else shown.prepend(h("h2", { id: headingId }, toggle(ui)));
      return shown;
    }
    const note =
      open && loading ? h("p", { class: "aim-hint", role: "status" }, t(ui, "sectionLoading")) :
      failure ? h("p", { class: "aim-error-text", role: "status" }, t(ui, "sectionLoadFailed", { message: failure })) :
      undefined;
    return h("section", { id: sectionId, class: "aim-lazy", "aria-labelledby": headingId }, h("h2", { id: headingId }, toggle(ui)), note);
  }

  function redraw(focusToggle: boolean): void {
    const next = build();
    element?.replaceWith(next);
    element = next;
    if (focusToggle) (next.ownerDocument.getElementById(toggleId) ?? undefined)?.focus();
  }

  function setOpen(next: boolean): void {
    open = next;
    remember(spec, open);
    if (open && !inner) void load();
    redraw(true);
  }

  function load(): Promise<void> {
    failure = undefined;
    loading ??= spec.load().then(
      (factory) => {
        loading = undefined;
        if (destroyed) return;
        inner = factory(host);
        inner.setBusy(busy);
        redraw(element?.contains(element.ownerDocument.activeElement) ?? false);
      },
      (error: unknown) => {
        loading = undefined;
        open = false;
        failure = errorMessage(error, host.language());
        if (!destroyed) redraw(false);
      },
    );
    return loading;
  }

  if (open) void load();

  return {
    render() {
      element = build();
      return element;
    },
    update() {
      // A closed section is built again when it is opened: only an open one needs the change now.
      if (open) inner?.update();
    },
    setBusy(on) {
      busy = on;
      inner?.setBusy(on);
    },
    destroy() {
      destroyed = true;
      inner?.destroy();
    },
  };
}

function remembered(spec: LazySectionSpec): Set<string> {
  try {
    const text = spec.storage?.()?.getItem(STORAGE_KEY);
    const list: unknown = text ? JSON.parse(text) : [];
    return new Set(Array.isArray(list) ? list.filter((x): x is string => typeof x === "string") : []);
  } catch {
    // Storage blocked or the entry garbled: every section starts closed.
    return new Set();
  }
}

function remember(spec: LazySectionSpec, open: boolean): void {
  try {
    const storage = spec.storage?.();
    if (!storage) return;
    const ids = remembered(spec);
    if (open) ids.add(spec.id);
    else ids.delete(spec.id);
    storage.setItem(STORAGE_KEY, JSON.stringify([...ids]));
  } catch {
    // Not remembering is harmless.
  }
}
