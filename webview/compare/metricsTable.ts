import type { CompareMetric, CompareRun, CompareState } from '../../src/shared/compareProtocol';
import { el } from '../shared/dom';
import { formatNumber } from '../shared/format';
import { createTable, tableRow, type Cell } from '../shared/table';
import { nextSort, type CompareSort } from './compareState';
import { runNames } from './compareSeries';
import { swatch } from './swatch';

/** One column of values: a metric's final or best value in each run. */
interface Column {
  metric: CompareMetric;
  which: CompareSort['which'];
}

/**
 * Each run's final and best value of every metric (best = lowest for losses and errors, highest
 * otherwise), the best of each column highlighted; a click on a column's heading sorts the runs by it.
 */
export class MetricsTable {
  readonly element: HTMLElement;
  private readonly box = el('div', { className: 'table-scroll' });
  private shown?: Pick<CompareState, 'data' | 'sort'>;

  constructor(
    private readonly onSort: (sort: CompareSort) => void,
    private readonly onOpen: (runDir: string) => void,
  ) {
    this.element = el('section', { className: 'metrics-compared', attrs: { 'aria-labelledby': 'metrics-heading' } }, [
      el('h2', { text: 'Metrics', attrs: { id: 'metrics-heading' } }),
      el('p', { className: 'note', text: 'The best of each column is highlighted: the lowest loss or error, the highest of any other metric. Select a heading to sort.' }),
      this.box,
    ]);
  }

  update(state: CompareState): void {
    if (this.shown && this.shown.data === state.data && this.shown.sort === state.sort) return;
    this.shown = { data: state.data, sort: state.sort };
    const { runs, metrics } = state.data;
    this.element.hidden = metrics.length === 0;
    const columns: Column[] = metrics.flatMap((metric) => [
      { metric, which: 'final' as const },
      { metric, which: 'best' as const },
    ]);
    const { table, body } = createTable('Final and best metrics of each run', ['run', ...columns.map(columnName)]);
    const names = runNames(runs);
    // Each column as wide as its heading needs (the runs' as their names); the spare room shared out
    // in proportion. Narrower than that, the table scrolls sideways in its box.
    const widths = [Math.min(280, Math.max(96, 48 + 7.5 * Math.max(...names.map((n) => n.length)))), ...columns.map((c) => Math.max(76, 28 + 8 * c.metric.name.length))];
    const minWidth = widths.reduce((a, b) => a + b, 0);
    table.setAttribute('columns', JSON.stringify(widths.map((w) => `${(100 * w) / minWidth}%`)));
    table.style.minWidth = `${minWidth}px`;
    const sort = columns.some((c) => c.metric.name === state.sort?.metric && c.which === state.sort.which) ? state.sort : undefined;
    table.querySelectorAll('vscode-table-header-cell').forEach((cell, index) => {
      const column = columns[index - 1];
      if (column) this.sortable(cell as HTMLElement, column, sort);
    });
    const bests = columns.map(bestOf);
    for (const index of sortedRuns(runs, columns, sort)) {
      const row = tableRow([
        names[index],
        ...columns.map((column, c): Cell => {
          const value = values(column)[index];
          if (value === null) return { text: '—', className: 'number', label: 'none' };
          // Values that print the same are equally good to the reader: both are highlighted.
          const best = formatNumber(value) === bests[c];
          return { text: formatNumber(value), className: best ? 'number best' : 'number', label: best ? `${formatNumber(value)}, best` : undefined };
        }),
      ]);
      const open = el('button', { className: 'link run-label', text: names[index], attrs: { type: 'button', title: `Show ${runs[index].label} in the training panel` } });
      open.addEventListener('click', () => this.onOpen(runs[index].runDir));
      row.firstElementChild?.replaceChildren(swatch(index), open);
      row.dataset.run = String(index);
      body.append(row);
    }
    this.box.replaceChildren(table);
  }

  /** A heading that sorts by its column, saying which way it sorts now. */
  private sortable(cell: HTMLElement, column: Column, sort: CompareSort | undefined): void {
    const sorted = sort?.metric === column.metric.name && sort.which === column.which;
    // The metric on one line, final or best under it: narrow columns, read out as `final loss`.
    const button = el('button', { className: 'sort', attrs: { type: 'button', title: `Sort the runs by their ${columnName(column)}`, 'aria-label': columnName(column) } }, [
      el('span', { className: 'metric-name', text: column.metric.name }),
      el('span', { className: 'which' }, [column.which, el('span', { className: 'sort-mark', text: sorted ? (sort.descending ? ' ▼' : ' ▲') : '' })]),
    ]);
    button.addEventListener('click', () => this.onSort(nextSort(this.shown?.sort, column.metric.name, column.which, column.metric.lowerIsBetter)));
    cell.setAttribute('aria-sort', sorted ? (sort.descending ? 'descending' : 'ascending') : 'none');
    cell.replaceChildren(button);
  }
}

function columnName(column: Column): string {
  return `${column.which} ${column.metric.name}`;
}

function values(column: Column): Array<number | null> {
  return column.which === 'final' ? column.metric.final : column.metric.best;
}

/** The column's best value as shown: the lowest for a loss or an error, the highest otherwise. */
function bestOf(column: Column): string | undefined {
  const present = values(column).filter((v): v is number => v !== null && Number.isFinite(v));
  if (present.length === 0) return undefined;
  return formatNumber(column.metric.lowerIsBetter ? Math.min(...present) : Math.max(...present));
}

/** The runs' indices in the order of the sort (runs without a value last), or as chosen. */
function sortedRuns(runs: readonly CompareRun[], columns: Column[], sort: CompareSort | undefined): number[] {
  const order = runs.map((_, i) => i);
  const column = sort && columns.find((c) => c.metric.name === sort.metric && c.which === sort.which);
  if (!sort || !column) return order;
  const of = values(column);
  return order.sort((a, b) => {
    const va = of[a];
    const vb = of[b];
    if (va === null || vb === null) return va === vb ? a - b : va === null ? 1 : -1;
    return (sort.descending ? vb - va : va - vb) || a - b;
  });
}
