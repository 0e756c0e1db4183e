import { el } from '../shared/dom';
import { seriesColor } from '../shared/themeColors';

/** The run's colour in the charts, as a small square (compare.css fills it from the theme's chart colours). */
export function swatch(run: number): HTMLElement {
  return el('span', { className: 'swatch', attrs: { 'data-color': seriesColor(run), 'aria-hidden': 'true' } });
}

/** Puts each run's swatch before its name in a table's header, the runs' columns starting at `first`. */
export function withSwatches(table: HTMLElement, first: number): void {
  table.querySelectorAll('vscode-table-header-cell').forEach((cell, column) => {
    if (column >= first) cell.prepend(swatch(column - first));
  });
}
