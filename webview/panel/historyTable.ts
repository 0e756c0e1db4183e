import type { PanelRun } from '../../src/shared/panelProtocol';
import { el } from '../shared/dom';
import { formatNumber } from '../shared/format';
import { createTable, tableRow } from '../shared/table';

type HistoryRow = PanelRun['history'][number];

/**
 * The per-epoch metrics table, newest epoch first. Rows are added as epochs end rather than rebuilt,
 * so a user reading or selecting a row is not disturbed; it is rebuilt only when the metric columns change.
 */
export class HistoryTable {
  readonly element = el('div', { className: 'history' });
  private columns: string[] = [];
  private shown: HistoryRow[] = [];
  private body: HTMLElement | undefined;

  constructor() {
    this.rebuild([]);
  }

  update(history: HistoryRow[]): void {
    const columns = metricColumns(history);
    const extendsShown = this.shown.every((row, i) => history[i] === row);
    if (!extendsShown || columns.join('\n') !== this.columns.join('\n')) this.rebuild(columns);
    for (const row of history.slice(this.shown.length)) {
      this.body?.prepend(tableRow([String(row.epoch), ...columns.map((c) => (c in row.metrics ? formatNumber(row.metrics[c]) : ''))]));
    }
    this.shown = history.slice();
  }

  private rebuild(columns: string[]): void {
    this.columns = columns;
    this.shown = [];
    if (columns.length === 0) {
      this.body = undefined;
      this.element.replaceChildren(el('p', { className: 'note', text: 'No epoch has finished yet.' }));
      return;
    }
    const { table, body } = createTable('Metrics per epoch', ['epoch', ...columns]);
    this.body = body;
    this.element.replaceChildren(table);
  }
}

/** Metric names in the order training reports them (Keras: loss, metrics, then their val_ twins). */
function metricColumns(history: HistoryRow[]): string[] {
  const names = new Set<string>();
  for (const row of history) for (const name of Object.keys(row.metrics)) names.add(name);
  return [...names];
}
