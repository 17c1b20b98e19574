/** The simulator page's own styles (the pane brings its own), on the same Fluent tokens. */
export const PREVIEW_CSS = `
#preview-banner {
  position: sticky; top: 0; z-index: 10; padding: 8px 16px; font: 600 15px/20px var(--fontFamilyBase, system-ui, sans-serif);
  background: #fde300; color: #1b1a19; border-bottom: 2px solid #1b1a19;
}
#preview-banner span { font-weight: normal; margin-left: 8px; }
.sim-layout { display: flex; align-items: flex-start; min-height: calc(100vh - 40px);
  font-family: var(--fontFamilyBase, system-ui, sans-serif); color: var(--colorNeutralForeground1, #242424); background: var(--colorNeutralBackground2, #fafafa); }
.sim-workbook { flex: 1; min-width: 0; padding: 12px 16px; }
.sim-pane { flex: 0 0 350px; width: 350px; max-height: calc(100vh - 40px); overflow-y: auto; position: sticky; top: 40px;
  border-left: 1px solid var(--colorNeutralStroke1, #d1d1d1); background: var(--colorNeutralBackground1, #fff); }
.sim-heading { font-size: 14px; margin: 12px 0 6px; }
.sim-toolbar { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin: 6px 0; }
.sim-label { display: inline-flex; gap: 4px; align-items: center; font-size: 13px; }
.sim-grow { flex: 1; min-width: 200px; }
.sim-grow .sim-input { flex: 1; }
.sim-input { font: 13px/18px Consolas, "Noto Sans Mono CJK SC", monospace; padding: 3px 6px; border: 1px solid var(--colorNeutralStroke1, #d1d1d1);
  border-radius: 4px; background: var(--colorNeutralBackground1, #fff); color: inherit; }
.sim-name-box { width: 90px; }
.sim-button { font: 13px/18px var(--fontFamilyBase, system-ui, sans-serif); padding: 4px 10px; border-radius: 4px; cursor: pointer;
  border: 1px solid var(--colorNeutralStroke1, #d1d1d1); background: var(--colorNeutralBackground1, #fff); color: inherit; }
.sim-button:hover { background: var(--colorNeutralBackground1Hover, #f5f5f5); }
.sim-layout :focus-visible { outline: 2px solid var(--colorStrokeFocus2, #000); outline-offset: 1px; }
.sim-status { min-height: 20px; font-size: 13px; }
.sim-grid-wrap { overflow: auto; max-height: 60vh; border: 1px solid var(--colorNeutralStroke1, #d1d1d1); background: var(--colorNeutralBackground1, #fff); }
.sim-charts-wrap .sim-chart-row { display: flex; flex-wrap: wrap; gap: 12px; align-items: flex-start; }
.sim-chart { margin: 0; display: flex; flex-direction: column; gap: 2px; width: min-content; }
.sim-chart-caption { font-size: 11px; color: var(--colorNeutralForeground3, #616161); overflow-wrap: anywhere; }
.sim-grid { border-collapse: collapse; font: 12px/16px "Segoe UI", "Noto Sans CJK SC", system-ui, sans-serif; table-layout: fixed; }
.sim-grid th { position: sticky; background: var(--colorNeutralBackground3, #f0f0f0); color: var(--colorNeutralForeground3, #616161);
  font-weight: normal; border: 1px solid var(--colorNeutralStroke2, #e0e0e0); padding: 0 4px; }
.sim-grid thead th { top: 0; z-index: 2; }
.sim-grid tbody th { left: 0; z-index: 1; text-align: right; min-width: 32px; }
.sim-grid .sim-corner { left: 0; z-index: 3; }
.sim-cell { border: 1px solid var(--colorNeutralStroke2, #e0e0e0); padding: 1px 4px; height: 20px; min-width: 72px; max-width: 180px;
  overflow: hidden; white-space: nowrap; text-overflow: ellipsis; cursor: cell; }
.sim-number { text-align: right; font-variant-numeric: tabular-nums; }
.sim-in-table { background: var(--colorBrandBackground2, #ebf3fc); }
.sim-table-header { font-weight: 600; background: var(--colorBrandBackground2Hover, #cfe4fa); }
.sim-edge-top { border-top: 2px solid var(--colorBrandStroke1, #0f6cbd); }
.sim-edge-bottom { border-bottom: 2px solid var(--colorBrandStroke1, #0f6cbd); }
.sim-edge-left { border-left: 2px solid var(--colorBrandStroke1, #0f6cbd); }
.sim-edge-right { border-right: 2px solid var(--colorBrandStroke1, #0f6cbd); }
.sim-spilled { background: var(--colorPaletteLightTealBackground2, #e0f5f3); }
.sim-formula { font-style: italic; }
.sim-error { color: var(--colorPaletteRedForeground1, #bc2f32); }
.sim-bold { font-weight: 600; }
.sim-active { outline: 2px solid #107c41; outline-offset: -2px; }
.sim-grid:focus-visible .sim-active { outline-width: 3px; }
`;

export function addPreviewStyles(doc: Document): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(PREVIEW_CSS);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}
