import type { PanelCommand, PanelRun } from '../../src/shared/panelProtocol';
import type { MetricValues } from '../../src/shared/trainingEvents';
import { el } from '../shared/dom';
import { formatNumber, statusLabel } from '../shared/format';
import { HistoryTable } from './historyTable';
import { evaluationView, predictionsView } from './resultsView';
import { problemsView } from './problemsView';
import { CurvesView, DEFAULT_CURVE_SETTINGS, type CurveSettings } from './curvesView';
import { modelSummaryView } from './modelSummaryView';
import { progressLine } from './progressLine';

/** `pause` stands for the Pause / Resume button, whose command follows the run. */
const ACTIONS: Array<{ command: PanelCommand; title: string; secondary?: boolean }> = [
  { command: 'train', title: 'Train' },
  { command: 'pause', title: 'Pause', secondary: true },
  { command: 'step', title: 'Step', secondary: true },
  { command: 'stop', title: 'Stop', secondary: true },
  { command: 'evaluate', title: 'Evaluate', secondary: true },
  { command: 'predict', title: 'Predict', secondary: true },
  { command: 'revealRunFolder', title: 'Reveal Run Folder', secondary: true },
];

/** The panel's page: built once, then updated in place from the run on every message. */
export class PanelView {
  private readonly name = el('h1', { className: 'name' });
  private readonly status = el('vscode-badge', { className: 'status' });
  private readonly file = el('button', { className: 'link file', attrs: { type: 'button', title: 'Open the model file' } });
  private readonly backend = el('span');
  private readonly runDir = el('span', { className: 'path' });
  private readonly facts = el('p', { className: 'facts' }, ['Backend: ', this.backend, ' · Run folder: ', this.runDir]);
  private readonly buttons = new Map<PanelCommand, HTMLElement>();
  private readonly progressText = el('p', { className: 'progress-text' });
  private readonly progressBar = el('vscode-progress-bar');
  private readonly runningMetrics = el('p', { className: 'metrics' });
  private readonly history = new HistoryTable();
  private readonly historySection = el('details', { className: 'epochs' }, [
    el('summary', {}, [el('h2', { text: 'Epochs', attrs: { id: 'history-heading' } })]),
    this.history.element,
  ]);
  private readonly curves: CurvesView;
  private readonly summary = el('section', { attrs: { 'aria-labelledby': 'summary-heading', hidden: '' } });
  private readonly problems = el('section', { attrs: { 'aria-labelledby': 'problems-heading', hidden: '' } });
  private readonly progress = el('section', { attrs: { 'aria-labelledby': 'progress-heading' } }, [
    el('h2', { text: 'Progress', attrs: { id: 'progress-heading' } }),
    this.progressText,
    this.progressBar,
    this.runningMetrics,
  ]);
  private readonly evaluation = el('section', { attrs: { 'aria-labelledby': 'evaluation-heading', hidden: '' } });
  private readonly predictions = el('section', { attrs: { 'aria-labelledby': 'predictions-heading', hidden: '' } });
  private readonly error = el('p', { className: 'error', attrs: { role: 'alert' } });
  private readonly waiting = el('p', { className: 'note waiting', text: 'Waiting for the extension…' });
  /** What the result sections show, so they are rebuilt only when it changes, not on every batch. */
  private shownResults: Pick<PanelRun, 'evaluation' | 'predictions' | 'problems' | 'modelSummary'> = {};
  private paused = false;

  constructor(
    private readonly root: HTMLElement,
    onCommand: (command: PanelCommand) => void,
    chartSettings: CurveSettings = DEFAULT_CURVE_SETTINGS,
    onChartSettings: (settings: CurveSettings) => void = () => undefined,
    onDownload: (fileName: string, content: string) => void = () => undefined,
  ) {
    this.curves = new CurvesView(chartSettings, onChartSettings, onDownload);
    this.file.addEventListener('click', () => onCommand('openModelFile'));
    const actions = el('div', { className: 'actions', attrs: { role: 'toolbar', 'aria-label': 'Run actions' } });
    for (const action of ACTIONS) {
      const button = el('vscode-button', { text: action.title, attrs: { 'data-command': action.command } });
      if (action.secondary) button.setAttribute('secondary', '');
      button.addEventListener('click', () => {
        if (button.hasAttribute('disabled')) return;
        onCommand(action.command === 'pause' && this.paused ? 'resume' : action.command);
      });
      this.buttons.set(action.command, button);
      actions.append(button);
    }
    this.root.replaceChildren(
      this.waiting,
      el('header', { className: 'run-header' }, [
        el('div', { className: 'title-row' }, [this.name, el('span', { attrs: { role: 'status', 'aria-live': 'polite' } }, [this.status])]),
        this.file,
        this.facts,
      ]),
      actions,
      this.error,
      this.problems,
      this.progress,
      this.curves.element,
      this.summary,
      this.historySection,
      this.evaluation,
      this.predictions,
    );
    this.render(undefined);
  }

  render(run: PanelRun | undefined): void {
    // Until the first snapshot (a new panel, not a restored one) only the waiting note shows.
    this.root.classList.toggle('no-run', !run);
    this.waiting.hidden = run !== undefined;
    if (!run) return;
    this.name.textContent = run.name;
    const paused = run.status === 'running' && run.paused === true;
    this.paused = paused;
    this.status.textContent = paused ? 'Paused' : statusLabel(run.status);
    this.status.dataset.status = paused ? 'paused' : run.status;
    this.file.textContent = run.modelFile;
    this.backend.textContent = run.backend ?? '—';
    this.runDir.textContent = run.runDir ?? '—';
    this.error.textContent = run.error ?? '';
    this.error.hidden = !run.error;
    // A file with problems never started a run: its problems show instead of a run's facts and epochs.
    const invalid = run.status === 'invalid';
    this.facts.hidden = invalid;
    this.historySection.hidden = invalid;
    this.curves.element.hidden = invalid || (run.history.length === 0 && !run.curves && run.status !== 'running');
    if (!this.curves.element.hidden) this.curves.update(run);
    if (run.modelSummary !== this.shownResults.modelSummary) {
      this.renderSection(this.summary, 'summary-heading', 'Model summary', run.modelSummary && modelSummaryView(run.modelSummary));
    }
    if (run.problems !== this.shownResults.problems) {
      this.renderSection(this.problems, 'problems-heading', 'Problems', run.problems?.length ? problemsView(run.problems) : undefined);
    }
    this.renderActions(run);
    this.renderProgress(run);
    this.history.update(run.history);
    if (run.evaluation !== this.shownResults.evaluation) {
      this.renderSection(this.evaluation, 'evaluation-heading', 'Evaluation', run.evaluation && evaluationView(run.evaluation));
    }
    if (run.predictions !== this.shownResults.predictions) {
      this.renderSection(this.predictions, 'predictions-heading', 'Predictions', run.predictions && predictionsView(run.predictions));
    }
    this.shownResults = { evaluation: run.evaluation, predictions: run.predictions, problems: run.problems, modelSummary: run.modelSummary };
  }

  private renderActions(run: PanelRun): void {
    const running = run.status === 'running';
    // A stopped or interrupted run is usable when it saved the weights of an epoch.
    const trained = run.status === 'completed' || run.status === 'early_stopped' || ((run.status === 'stopped' || run.status === 'interrupted') && (run.weightsEpoch ?? 0) > 0);
    const enabled: Record<string, boolean> = { train: !running, pause: running, step: running, stop: running, evaluate: trained, predict: trained, revealRunFolder: !!run.runDir };
    const pause = this.buttons.get('pause');
    if (pause) pause.textContent = this.paused ? 'Resume' : 'Pause';
    for (const [command, button] of this.buttons) {
      button.toggleAttribute('disabled', !enabled[command]);
      // vscode-button only takes a disabled button out of the tab order; say so to screen readers too.
      button.setAttribute('aria-disabled', String(!enabled[command]));
    }
  }

  private renderProgress(run: PanelRun): void {
    const epochs = run.epochs ? `/${run.epochs}` : '';
    const current = run.status === 'running' ? run.current : undefined;
    if (current) {
      this.progressText.textContent = progressLine(current, run.epochs, run.paused === true);
      this.progressBar.setAttribute('aria-label', `Batches of epoch ${current.epoch}`);
      this.progressBar.setAttribute('max', String(current.batchesPerEpoch));
      this.progressBar.setAttribute('value', String(current.batch));
      this.progressBar.removeAttribute('indeterminate');
    } else if (run.status === 'running') {
      this.progressText.textContent = run.history.length ? `Epoch ${run.history.length}${epochs} finished` : 'Starting…';
      this.progressBar.setAttribute('aria-label', 'Training');
      this.progressBar.setAttribute('indeterminate', '');
    } else {
      const trained = run.history.length;
      this.progressText.textContent = `${trained}${epochs} epoch${trained === 1 && !epochs ? '' : 's'} trained`;
    }
    this.progress.hidden = run.status === 'invalid' || (run.status === 'idle' && run.history.length === 0);
    this.progressBar.hidden = run.status !== 'running';
    this.runningMetrics.textContent = current ? formatMetrics(current.metrics) : '';
    this.runningMetrics.hidden = !current;
  }

  /** Replaces a result section's content; a section with nothing to show is hidden, heading and all. */
  private renderSection(section: HTMLElement, id: string, title: string, content: HTMLElement | undefined): void {
    section.hidden = !content;
    section.replaceChildren(...(content ? [el('h2', { text: title, attrs: { id } }), content] : []));
  }
}

/** `loss: 0.2603 - accuracy: 0.9253`, as Keras' progress bar shows the running metrics. */
function formatMetrics(metrics: MetricValues): string {
  return Object.entries(metrics)
    .map(([name, value]) => `${name}: ${formatNumber(value)}`)
    .join(' - ');
}
