// Strings of the formula-builder section, in English and Chinese (merged into the pane's table by i18n.ts).
export const en = {
  formulaBuilderHeading: "Build a formula",
};

export const zh: Record<keyof typeof en, string> = {
  formulaBuilderHeading: "构建公式",
};
