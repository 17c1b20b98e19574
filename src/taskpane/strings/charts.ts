// Strings of the charts section, in English and Chinese (merged into the pane's table by i18n.ts).
export const en = {
  chartsHeading: "Charts",
  chartsHint: "Each chart is bound to its table, follows it when a refresh adds or removes rows, and is labelled in the table's language (its categories are the table's own cells).",
  chartsEmpty: "No chart can be made yet: insert Vendor revenue or Vendor key figures as a live or snapshot table, then add its charts here.",
  chartsTableLabel: "Charts of {name}",
  chartsTableLine: "{name} · {title} · labels in {language}",
  chartInsertButton: "Insert chart: {chart}",
  chartInsertLabel: "Insert the chart “{chart}” of {name}, labelled in {language}",
  chartWorking: "Inserting the chart “{chart}” of {name}…",
  chartInserted: "Inserted the chart “{chart}” beside {name} on {sheet}.",
  chartFailed: "The chart was not inserted: {message}",
};

export const zh: Record<keyof typeof en, string> = {
  chartsHeading: "图表",
  chartsHint: "每个图表绑定到它的表格;刷新增减行时图表随之更新,并使用表格的语言(分类即表格中的单元格)。",
  chartsEmpty: "暂时无法创建图表:请先以实时表或快照表插入“厂商营收”或“厂商核心数据”,再在此添加图表。",
  chartsTableLabel: "{name} 的图表",
  chartsTableLine: "{name} · {title} · 语言:{language}",
  chartInsertButton: "插入图表:{chart}",
  chartInsertLabel: "插入 {name} 的图表“{chart}”,语言为{language}",
  chartWorking: "正在插入 {name} 的图表“{chart}”…",
  chartInserted: "已在 {sheet} 上 {name} 旁插入图表“{chart}”。",
  chartFailed: "未插入图表:{message}",
};
