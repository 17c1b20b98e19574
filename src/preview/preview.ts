// Simulator page entry: the real task pane beside an in-memory workbook. Not Excel, and it never
// loads the custom functions bundle; core answers the AIMARKET formulas the simulated cells hold.
//   preview.html?lang=zh   the pane in Chinese (as Office's display language would make it)
//   preview.html?theme=dark   Office's dark theme
import { sharedStore } from "../runtime/shared-store";
import { startPreview, type PreviewHandle } from "./start-preview";

declare global {
  interface Window {
    /** The simulator's workbook, store and pane, for tests and the browser console. */
    aimarketPreview?: PreviewHandle;
  }
}

const DARK = { bodyBackgroundColor: "#1f1f1f", bodyForegroundColor: "#ffffff" };

async function main(): Promise<void> {
  const params = new URLSearchParams(location.search);
  // office.js, where it loaded, says it runs outside Office (host null); the simulator stands in.
  const office = typeof Office === "undefined" ? undefined : await Office.onReady();
  const context = office?.host ? (Office.context as Office.Context | undefined) : undefined;
  const root = document.getElementById("preview-root");
  if (!root) return;
  window.aimarketPreview = await startPreview({
    root,
    store: sharedStore(),
    displayLanguage: params.get("lang") ?? context?.displayLanguage ?? navigator.language,
    theme: params.get("theme") === "dark" ? DARK : context?.officeTheme,
  });
  document.documentElement.dataset.ready = "true";
}

main().catch((error: unknown) => {
  const root = document.getElementById("preview-root");
  const message = document.createElement("p");
  message.setAttribute("role", "alert");
  message.textContent = `The simulator could not start: ${error instanceof Error ? error.message : String(error)}`;
  root?.replaceChildren(message);
});
