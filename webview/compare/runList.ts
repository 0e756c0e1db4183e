import type { CompareRun } from '../../src/shared/compareProtocol';
import { el } from '../shared/dom';
import { statusLabel } from '../shared/format';
import { swatch } from './swatch';

/**
 * The runs compared, as a legend for the whole page: each run's colour, label (a link that opens the
 * run in the training panel) and status. Hovering a run highlights it in the charts.
 */
export class RunList {
  readonly element = el('ul', { className: 'run-list', attrs: { 'aria-label': 'Runs compared' } });
  private shown?: readonly CompareRun[];

  constructor(
    private readonly onOpen: (runDir: string) => void,
    private readonly onHover: (run: number | undefined) => void,
  ) {}

  update(runs: readonly CompareRun[]): void {
    if (runs === this.shown) return;
    this.shown = runs;
    this.element.replaceChildren(...runs.map((run, index) => this.item(run, index)));
  }

  /** Marks the run whose line is highlighted in the charts (or none). */
  highlight(run: number | undefined): void {
    [...this.element.children].forEach((item, index) => item.classList.toggle('focused', index === run));
  }

  private item(run: CompareRun, index: number): HTMLElement {
    const open = el('button', { className: 'link run-label', text: run.label, attrs: { type: 'button', title: `Show ${run.label} in the training panel` } });
    open.addEventListener('click', () => this.onOpen(run.runDir));
    const item = el('li', { attrs: { 'data-run': String(index) } }, [swatch(index), open, el('vscode-badge', { className: 'status', text: statusLabel(run.status), attrs: { 'data-status': run.status } })]);
    item.addEventListener('mouseenter', () => this.onHover(index));
    item.addEventListener('mouseleave', () => this.onHover(undefined));
    open.addEventListener('focus', () => this.onHover(index));
    open.addEventListener('blur', () => this.onHover(undefined));
    return item;
  }
}
