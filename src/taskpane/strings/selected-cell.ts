// Strings of the selected-cell section, in English and Chinese (merged into the pane's table by i18n.ts).
export const en = {
  selectedCellHeading: "Selected cell",
};

export const zh: Record<keyof typeof en, string> = {
  selectedCellHeading: "所选单元格",
};
