import { isDarkTheme, luminance } from "../../src/taskpane/office-theme";

describe("isDarkTheme (Office.context.officeTheme)", () => {
  test.each([
    ["no theme (outside Office)", undefined, false],
    ["null", null, false],
    ["an empty theme", {}, false],
    ["Office's white theme", { bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#000000" }, false],
    ["Office's colorful theme", { bodyBackgroundColor: "#E6E6E6", bodyForegroundColor: "#262626" }, false],
    ["Office's dark grey theme", { bodyBackgroundColor: "#666666", bodyForegroundColor: "#FFFFFF" }, true],
    ["Office's black theme", { bodyBackgroundColor: "#262626", bodyForegroundColor: "#FFFFFF" }, true],
    ["short hex", { bodyBackgroundColor: "#222", bodyForegroundColor: "#eee" }, true],
    ["a dark background without a foreground", { bodyBackgroundColor: "#101010" }, true],
    ["an unreadable colour", { bodyBackgroundColor: "black", bodyForegroundColor: "white" }, false],
    ["the host's own flag wins", { bodyBackgroundColor: "#FFFFFF", isDarkTheme: true }, true],
  ] as const)("%s", (_name, theme, dark) => {
    expect(isDarkTheme(theme)).toBe(dark);
  });

  test("luminance of black, white and garbage", () => {
    expect(luminance("#000000")).toBe(0);
    expect(luminance("#ffffff")).toBeCloseTo(1, 10);
    expect(luminance("rgb(0,0,0)")).toBeUndefined();
  });
});
