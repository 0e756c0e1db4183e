/**
 * Colours from the VS Code theme, read from its CSS variables at draw time, so charts follow light,
 * dark and high-contrast themes. A canvas cannot use `var(...)`: the values are resolved here.
 */

/** The `--vscode-charts-*` colours, in the order series take them, plus the chart's own ink. */
export const SERIES_COLORS = ['blue', 'orange', 'green', 'purple', 'red', 'yellow'] as const;
export type ChartColor = (typeof SERIES_COLORS)[number] | 'foreground' | 'grid' | 'background';

/** Each colour's variables, first set wins, then a last resort for a page outside VS Code. */
const VARIABLES: Record<ChartColor, [...string[], string]> = {
  blue: ['--vscode-charts-blue', '#3794ff'],
  orange: ['--vscode-charts-orange', '#d18616'],
  green: ['--vscode-charts-green', '#89d185'],
  purple: ['--vscode-charts-purple', '#b180d7'],
  red: ['--vscode-charts-red', '#f14c4c'],
  yellow: ['--vscode-charts-yellow', '#cca700'],
  foreground: ['--vscode-charts-foreground', '--vscode-descriptionForeground', '--vscode-foreground', '#888888'],
  grid: ['--vscode-charts-lines', '--vscode-editorWidget-border', '--vscode-panel-border', 'rgba(128, 128, 128, 0.35)'],
  // What a picture drawn pixel by pixel (a heatmap, a digit) fades into: the page's own background.
  background: ['--vscode-editor-background', '#1e1e1e'],
};

/** The theme's value of a chart colour (its VS Code default when the variable is unset). */
export function themeColor(color: ChartColor): string {
  const names = VARIABLES[color];
  const style = getComputedStyle(document.body);
  for (const name of names.slice(0, -1)) {
    const value = style.getPropertyValue(name).trim();
    if (value) return value;
  }
  return names[names.length - 1];
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
