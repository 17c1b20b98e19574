/** The parts of `Office.context.officeTheme` the pane reads; every field may be missing outside Office. */
export interface OfficeThemeLike {
  bodyBackgroundColor?: string;
  bodyForegroundColor?: string;
  isDarkTheme?: boolean;
}

/** Relative luminance (0 black .. 1 white) of "#rgb" or "#rrggbb", or undefined for anything else. */
export function luminance(color: string | undefined): number | undefined {
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color?.trim() ?? "");
  if (!match) return undefined;
  const hex = match[1]!.length === 3 ? [...match[1]!].map((c) => c + c).join("") : match[1]!;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const channel = parseInt(hex.slice(i, i + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Whether Office shows a dark theme: its own flag where the host gives one, else a body background
 * darker than its foreground. No theme (outside Office, older hosts) is light.
 */
export function isDarkTheme(theme: OfficeThemeLike | null | undefined): boolean {
  if (!theme) return false;
  if (typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme;
  const background = luminance(theme.bodyBackgroundColor);
  if (background === undefined) return false;
  const foreground = luminance(theme.bodyForegroundColor);
  return foreground === undefined ? background < 0.2 : background < foreground;
}
