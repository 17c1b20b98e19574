// Strings of the charts section, in English and Chinese (merged into the pane's table by i18n.ts).
export const en = {
  chartsHeading: "Charts",
};

export const zh: Record<keyof typeof en, string> = {
  chartsHeading: "图表",
};
