/**
 * Colours from the VS Code theme, read from its CSS variables at draw time, so charts follow light,
 * dark and high-contrast themes. A canvas cannot use `var(...)`: the values are resolved here.
 */

/** The `--vscode-charts-*` colours, in the order series take them, plus the chart's own ink. */
export const SERIES_COLORS = ['blue', 'orange', 'green', 'purple', 'red', 'yellow'] as const;
export type ChartColor = (typeof SERIES_COLORS)[number] | 'foreground' | 'grid';

const VARIABLES: Record<ChartColor, [string, string]> = {
  blue: ['--vscode-charts-blue', '#3794ff'],
  orange: ['--vscode-charts-orange', '#d18616'],
  green: ['--vscode-charts-green', '#89d185'],
  purple: ['--vscode-charts-purple', '#b180d7'],
  red: ['--vscode-charts-red', '#f14c4c'],
  yellow: ['--vscode-charts-yellow', '#cca700'],
  foreground: ['--vscode-charts-foreground', '#cccccc'],
  grid: ['--vscode-charts-lines', 'rgba(128, 128, 128, 0.35)'],
};

/** The theme's value of a chart colour (its VS Code default when the variable is unset). */
export function themeColor(color: ChartColor): string {
  const [variable, fallback] = VARIABLES[color];
  const value = getComputedStyle(document.body).getPropertyValue(variable).trim();
  return value || fallback;
}

/** The i-th series colour, cycling. */
export function seriesColor(index: number): ChartColor {
  return SERIES_COLORS[index % SERIES_COLORS.length];
}

/** Calls `listener` when VS Code switches the theme (it changes the body's classes). */
export function onThemeChange(listener: () => void): () => void {
  const observer = new MutationObserver(() => listener());
  observer.observe(document.body, { attributes: true, attributeFilter: ['class', 'data-vscode-theme-kind'] });
  return () => observer.disconnect();
}
