/**
 * The pane's own styles, on Fluent 2 tokens (CSS custom properties set by setTheme), so light and
 * dark follow the theme. Added as a constructed style sheet: no inline <style> for a CSP to allow.
 */
export const PANE_CSS = `
body { margin: 0; background: var(--colorNeutralBackground1, #fff); }
.aim-pane {
  box-sizing: border-box;
  min-height: 100%;
  padding: 12px 14px 24px;
  font-family: var(--fontFamilyBase, "Segoe UI", system-ui, sans-serif);
  font-size: var(--fontSizeBase300, 14px);
  line-height: var(--lineHeightBase300, 20px);
  color: var(--colorNeutralForeground1, #242424);
  background: var(--colorNeutralBackground1, #fff);
}
.aim-pane *, .aim-pane *::before, .aim-pane *::after { box-sizing: border-box; }
.aim-pane h1 { font-size: var(--fontSizeBase500, 20px); line-height: 28px; margin: 0; font-weight: var(--fontWeightSemibold, 600); }
.aim-pane h2 {
  font-size: var(--fontSizeBase400, 16px); line-height: 22px; margin: 20px 0 8px; font-weight: var(--fontWeightSemibold, 600);
  padding-top: 12px; border-top: 1px solid var(--colorNeutralStroke2, #e0e0e0);
}
.aim-pane h3 { font-size: var(--fontSizeBase300, 14px); margin: 12px 0 4px; font-weight: var(--fontWeightSemibold, 600); }
.aim-pane p { margin: 4px 0; }
.aim-header { display: flex; align-items: flex-start; gap: 8px; }
.aim-header > div { flex: 1; min-width: 0; }
.aim-hint { color: var(--colorNeutralForeground3, #616161); font-size: var(--fontSizeBase200, 12px); line-height: 16px; }
.aim-subtitle { color: var(--colorNeutralForeground2, #424242); font-size: var(--fontSizeBase200, 12px); }
.aim-error-text { color: var(--colorPaletteRedForeground1, #bc2f32); }
.aim-outdated { color: var(--colorPaletteDarkOrangeForeground1, #c43501); }
.aim-pane :focus-visible { outline: 2px solid var(--colorStrokeFocus2, #000); outline-offset: 2px; }
.aim-pane fluent-text-input { width: 100%; }

.aim-table-list {
  list-style: none; margin: 4px 0 0; padding: 2px; max-height: 260px; overflow-y: auto;
  border: 1px solid var(--colorNeutralStroke1, #d1d1d1); border-radius: var(--borderRadiusMedium, 4px);
}
.aim-table-option {
  display: flex; flex-direction: column; padding: 6px 8px; border-radius: var(--borderRadiusMedium, 4px);
  cursor: pointer; border-left: 3px solid transparent;
}
.aim-table-option:hover { background: var(--colorNeutralBackground1Hover, #f5f5f5); }
.aim-table-option[aria-selected="true"] {
  background: var(--colorBrandBackground2, #ebf3fc); border-left-color: var(--colorBrandStroke1, #0f6cbd);
}
.aim-table-option:focus-visible { outline-offset: -2px; }
.aim-table-title { font-weight: var(--fontWeightSemibold, 600); }
.aim-table-meta { color: var(--colorNeutralForeground3, #616161); font-size: var(--fontSizeBase200, 12px); line-height: 16px; }

.aim-notes { margin: 6px 0; padding: 6px 8px; border-radius: var(--borderRadiusMedium, 4px);
  background: var(--colorPaletteYellowBackground1, #fefbf4); color: var(--colorNeutralForeground1, #242424); font-size: var(--fontSizeBase200, 12px); }
.aim-notes ul { margin: 2px 0 0; padding-left: 18px; }
.aim-notes-heading { font-weight: var(--fontWeightSemibold, 600); margin: 0; }
.aim-preview { overflow-x: auto; margin-top: 6px; border: 1px solid var(--colorNeutralStroke2, #e0e0e0); border-radius: var(--borderRadiusMedium, 4px); }
.aim-preview-table { border-collapse: collapse; font-size: var(--fontSizeBase200, 12px); line-height: 16px; min-width: 100%; }
.aim-preview-table caption { text-align: left; padding: 4px 6px; color: var(--colorNeutralForeground3, #616161); caption-side: top; }
.aim-preview-table th, .aim-preview-table td {
  padding: 4px 6px; border-bottom: 1px solid var(--colorNeutralStroke2, #e0e0e0); vertical-align: top; text-align: left;
  min-width: 64px; max-width: 220px;
}
.aim-preview-table thead th { background: var(--colorNeutralBackground3, #f5f5f5); font-weight: var(--fontWeightSemibold, 600); }
.aim-preview-table tbody th { font-weight: var(--fontWeightSemibold, 600); }
.aim-preview-table td.aim-number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }

.aim-options { margin-top: 8px; }
.aim-option { display: flex; flex-direction: column; align-items: flex-start; gap: 2px; margin: 6px 0; }
.aim-option fluent-radio-group { gap: 0 12px; flex-wrap: wrap; }
.aim-option fluent-dropdown { min-width: 180px; }
.aim-actions { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin: 12px 0 8px; }
.aim-status:empty { display: none; }
.aim-status { margin: 8px 0; }
.aim-busy { display: flex; gap: 8px; align-items: center; }
.aim-message { width: 100%; }
.aim-message-headline { font-weight: var(--fontWeightSemibold, 600); }
.aim-message-lines { margin: 4px 0 0; padding-left: 18px; font-weight: normal; }

.aim-tracked { list-style: none; margin: 8px 0; padding: 0; }
.aim-tracked-item {
  display: flex; gap: 8px; align-items: flex-start; padding: 8px 0; border-bottom: 1px solid var(--colorNeutralStroke2, #e0e0e0);
}
.aim-tracked-text { flex: 1; min-width: 0; display: flex; flex-direction: column; overflow-wrap: anywhere; }
.aim-tracked-name { font-weight: var(--fontWeightSemibold, 600); }

.aim-pane [hidden] { display: none !important; }
.aim-version-notice {
  display: flex; flex-direction: column; align-items: flex-start; gap: 6px; margin: 6px 0; padding: 6px 8px; border-radius: var(--borderRadiusMedium, 4px);
  background: var(--colorPaletteYellowBackground1, #fefbf4); color: var(--colorNeutralForeground1, #242424); font-size: var(--fontSizeBase200, 12px);
}
.aim-data-info { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 4px 0 8px; font-size: var(--fontSizeBase200, 12px); }
.aim-data-info dt { color: var(--colorNeutralForeground3, #616161); }
.aim-data-info dd { margin: 0; overflow-wrap: anywhere; }
.aim-what-changed:empty { display: none; }
.aim-changes { list-style: none; margin: 4px 0; padding: 0; max-height: 420px; overflow-y: auto; }
.aim-change { padding: 6px 0; border-bottom: 1px solid var(--colorNeutralStroke2, #e0e0e0); overflow-wrap: anywhere; }
.aim-change p { margin: 2px 0; font-size: var(--fontSizeBase200, 12px); line-height: 16px; }
.aim-change-head { display: flex; gap: 6px; align-items: baseline; }
.aim-change-kind { font-size: var(--fontSizeBase100, 10px); text-transform: uppercase; padding: 0 4px; border-radius: var(--borderRadiusSmall, 2px);
  background: var(--colorNeutralBackground3, #f0f0f0); color: var(--colorNeutralForeground2, #424242); }
.aim-change-label { font-weight: var(--fontWeightSemibold, 600); }
.aim-change-id { font-size: var(--fontSizeBase100, 10px); color: var(--colorNeutralForeground3, #616161); }
.aim-change-values { font-variant-numeric: tabular-nums; }
.aim-changes-other { margin: 4px 0; padding-left: 18px; }
`;

/** Adds the pane's styles to `doc` once. */
export function addPaneStyles(doc: Document): void {
  const marker = "__aimarketPaneStyles";
  const holder = doc as Document & { [marker]?: boolean };
  if (holder[marker]) return;
  holder[marker] = true;
  if ("adoptedStyleSheets" in doc && typeof CSSStyleSheet === "function" && "replaceSync" in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(PANE_CSS);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    return;
  }
  const style = doc.createElement("style");
  style.textContent = PANE_CSS;
  doc.head.append(style);
}
