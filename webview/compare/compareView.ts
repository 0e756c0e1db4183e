import type { CompareState } from '../../src/shared/compareProtocol';
import { el } from '../shared/dom';
import { CompareCurves } from './compareCurves';
import type { CompareSort } from './compareState';
import { MetricsTable } from './metricsTable';
import { RunList } from './runList';
import { SettingsTable } from './settingsTable';

/** What the user changes on the page, for it to save. */
export interface CompareChoices {
  smoothing(weight: number): void;
  showAll(on: boolean): void;
  sort(sort: CompareSort): void;
  openRun(runDir: string): void;
}

/** The comparison page: built once, then each part updated from the state. */
export class CompareView {
  private readonly title = el('h1');
  private readonly waiting = el('p', { className: 'note waiting', text: 'Waiting for the extension…' });
  private readonly runs: RunList;
  private readonly curves: CompareCurves;
  private readonly settings: SettingsTable;
  private readonly metrics: MetricsTable;
  private readonly content: HTMLElement;

  constructor(root: HTMLElement, initial: Pick<CompareState, 'smoothing'>, choices: CompareChoices) {
    this.runs = new RunList(choices.openRun, (run) => {
      this.runs.highlight(run);
      this.curves.focusRun(run);
    });
    this.curves = new CompareCurves(initial, choices.smoothing, (run) => this.runs.highlight(run));
    this.settings = new SettingsTable(choices.showAll);
    this.metrics = new MetricsTable(choices.sort, choices.openRun);
    this.content = el('div', { className: 'comparison', attrs: { hidden: '' } }, [
      el('header', { className: 'compare-header' }, [this.title, this.runs.element]),
      this.curves.element,
      this.settings.element,
      this.metrics.element,
    ]);
    root.replaceChildren(this.waiting, this.content);
  }

  render(state: CompareState | undefined): void {
    this.waiting.hidden = state !== undefined;
    this.content.hidden = state === undefined;
    if (!state) return;
    this.title.textContent = state.data.title;
    document.title = state.data.title;
    this.runs.update(state.data.runs);
    this.curves.update(state);
    this.settings.update(state);
    this.metrics.update(state);
  }
}
