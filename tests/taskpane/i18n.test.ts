import { STRING_PARTS, STRINGS, localeOf, plural, t, uiLanguageOf, type StringKey } from "../../src/taskpane/i18n";

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
const keys = Object.keys(STRINGS.en) as StringKey[];

describe("the string table", () => {
  test("has the same keys in English and Chinese", () => {
    expect(Object.keys(STRINGS.zh).sort()).toEqual([...keys].sort());
  });

  test.each(keys)("%s is non-empty in both languages, with the same placeholders", (key) => {
    const en = STRINGS.en[key];
    const zh = STRINGS.zh[key];
    expect(en.trim()).not.toBe("");
    expect(zh.trim()).not.toBe("");
    expect(placeholders(zh)).toEqual(placeholders(en));
  });

  test("the parts it is merged from share no key (a later part would silently replace an earlier one's string)", () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const [part, table] of Object.entries(STRING_PARTS)) {
      for (const key of Object.keys(table)) {
        if (seen.has(key)) clashes.push(`${key} in ${seen.get(key)} and ${part}`);
        else seen.set(key, part);
      }
    }
    expect(clashes).toEqual([]);
  });

  test("every plural has a singular and a plural form", () => {
    const ones = keys.filter((k) => k.endsWith("_one")).map((k) => k.slice(0, -4));
    const others = keys.filter((k) => k.endsWith("_other")).map((k) => k.slice(0, -6));
    expect(ones.sort()).toEqual(others.sort());
  });

  test("the Chinese table is Chinese where the English one is English", () => {
    const han = /\p{Script=Han}/u;
    const untranslated = keys.filter((k) => STRINGS.zh[k] === STRINGS.en[k] && !["sectionShort", "listSeparator"].includes(k));
    expect(untranslated).toEqual([]);
    const words = (text: string): boolean => /[a-z]{4,}/i.test(text.replace(/\{\w+\}/g, ""));
    const withoutHan = keys.filter((k) => words(STRINGS.en[k]) && !han.test(STRINGS.zh[k]) && k !== "uiSwitchText");
    expect(withoutHan).toEqual([]);
  });
});

describe("t and plural", () => {
  test("fill every {name}, and leave one without a value visible", () => {
    expect(t("en", "insertDone", { name: "AIM_vendor_revenue", address: "Sheet1!B2:E11" })).toBe("Inserted AIM_vendor_revenue at Sheet1!B2:E11.");
    expect(t("zh", "insertDone", { name: "AIM_vendor_revenue", address: "Sheet1!B2:E11" })).toBe("已插入 AIM_vendor_revenue,位于 Sheet1!B2:E11。");
    expect(t("en", "insertDone", { name: "T" })).toBe("Inserted T at {address}.");
  });

  test.each([
    ["en", 0, "0 cells changed"],
    ["en", 1, "1 cell changed"],
    ["en", 2, "2 cells changed"],
    ["zh", 1, "1 个单元格有变化"],
    ["zh", 5, "5 个单元格有变化"],
  ] as const)("plural(%s, summaryCells, %d) is %s", (language, n, expected) => {
    expect(plural(language, "summaryCells", n)).toBe(expected);
  });
});

describe("uiLanguageOf (Office.context.displayLanguage)", () => {
  test.each([
    ["zh-CN", "zh"],
    ["zh-TW", "zh"],
    ["ZH-hk", "zh"],
    ["zh", "zh"],
    ["zh_CN", "zh"],
    ["en-US", "en"],
    ["fr-FR", "en"],
    ["zu-ZA", "en"],
    ["", "en"],
    [undefined, "en"],
    [null, "en"],
  ] as const)("%p -> %s", (displayLanguage, expected) => {
    expect(uiLanguageOf(displayLanguage)).toBe(expected);
  });

  test("locales for lang attributes and number formats", () => {
    expect([localeOf("en"), localeOf("zh")]).toEqual(["en-US", "zh-CN"]);
  });
});
