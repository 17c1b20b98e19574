import type { Language } from "./query-options";
import type { Currency, Metric } from "./schema";
import type { Scale } from "./units";

const SCALE_EN: Record<Scale, string> = { "1": "", K: "thousand", M: "million", B: "billion", T: "trillion", 万: "万 (10⁴)", 亿: "亿 (10⁸)", 万亿: "万亿 (10¹²)" };
const SCALE_ZH: Record<Scale, string> = { "1": "", K: "千", M: "百万", B: "十亿", T: "万亿", 万: "万", 亿: "亿", 万亿: "万亿" };
const CURRENCY_ZH: Record<Currency, string> = { USD: "美元", CNY: "元" };

/**
 * The unit a number is in, for a header: "USD billion" / "亿美元", "users, million" / "用户,百万",
 * "fraction" for shares and rates (0.68 is 68%; "%" where the cells are formatted as percentages),
 * "×" for multiples, the measured unit ("GW").
 */
export function unitLabel(metric: Metric, language: Language, currency: Currency | undefined, scale: Scale, percent = false): string {
  const en = language === "en";
  switch (metric.kind) {
    case "money":
      return en ? [currency, SCALE_EN[scale]].filter(Boolean).join(" ") : `${SCALE_ZH[scale]}${CURRENCY_ZH[currency ?? "USD"]}`;
    case "count": {
      const unit = metric.unit ? metric.unit[language] : "";
      const scaleWord = en ? SCALE_EN[scale] : SCALE_ZH[scale];
      return [unit, scaleWord].filter(Boolean).join(en ? ", " : ",");
    }
    case "share":
    case "rate":
      if (percent) return "%";
      return en ? "fraction" : "小数";
    case "multiple":
      return "×";
    case "measure":
      return metric.unit ? metric.unit[language] : "";
    case "text":
      return "";
  }
}
