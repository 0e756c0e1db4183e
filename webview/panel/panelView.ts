import type { PanelCommand, PanelRun } from '../../src/shared/panelProtocol';
import type { MetricValues } from '../../src/shared/trainingEvents';
import { el } from '../shared/dom';
import { formatNumber, statusLabel } from '../shared/format';
import { HistoryTable } from './historyTable';
import { problemsView } from './problemsView';
import { CurvesView, DEFAULT_CURVE_SETTINGS, type CurveSettings } from './curvesView';
import { modelSummaryView } from './modelSummaryView';
import { progressLine } from './progressLine';
import { hasTrainedModel } from './trainedModel';
import { BoundaryView } from './insights/boundaryView';
import { ConfusionMatrixView } from './insights/confusionMatrixView';
import { DigitPad } from './insights/digitPad';
import { EvaluationSection } from './insights/evaluationSection';
import type { MatrixCell } from './insights/predictionsGallery';
import { classNamesOf, PredictionsSection } from './insights/predictionsSection';
import { TryItForm } from './insights/tryItForm';
import { WeightsView } from './insights/weightsView';

/** How the page asks the worker for live predictions (the draw pad, the `Try it` form): see LiveRequests. */
export interface LivePredictor {
  request(source: 'draw' | 'tryIt', input: number[]): void;
  cancel(source: 'draw' | 'tryIt'): void;
}

const NO_PREDICTOR: LivePredictor = { request: () => undefined, cancel: () => undefined };

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
  private readonly boundary = new BoundaryView();
  private readonly evaluation = new EvaluationSection();
  private readonly confusion = new ConfusionMatrixView((cell) => this.select(cell));
  private readonly predictions = new PredictionsSection(() => this.select(undefined));
  private readonly weights = new WeightsView();
  private readonly digitPad: DigitPad;
  private readonly tryIt: TryItForm;
  /** The confusion matrix's cell whose samples the predictions show (none: all). */
  private cell?: MatrixCell;
  private run?: PanelRun;
  private readonly error = el('p', { className: 'error', attrs: { role: 'alert' } });
  private readonly waiting = el('p', { className: 'note waiting', text: 'Waiting for the extension…' });
  /** What the result sections show, so they are rebuilt only when it changes, not on every batch. */
  private shownResults: Pick<PanelRun, 'problems' | 'modelSummary'> = {};
  private paused = false;

  constructor(
    private readonly root: HTMLElement,
    onCommand: (command: PanelCommand) => void,
    chartSettings: CurveSettings = DEFAULT_CURVE_SETTINGS,
    onChartSettings: (settings: CurveSettings) => void = () => undefined,
    onDownload: (fileName: string, content: string) => void = () => undefined,
    predictor: LivePredictor = NO_PREDICTOR,
  ) {
    this.curves = new CurvesView(chartSettings, onChartSettings, onDownload);
    this.digitPad = new DigitPad(
      (input) => predictor.request('draw', input),
      () => predictor.cancel('draw'),
    );
    this.tryIt = new TryItForm((input) => predictor.request('tryIt', input));
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
      // While training, what moves comes first: progress, the curves, and the boundary forming under them.
      this.progress,
      this.curves.element,
      this.boundary.element,
      // Once trained, what the model does, from the summary numbers down to single samples and then
      // to samples the user makes (a drawing, a form); how it does it (weights, layers) after that,
      // and the raw per-epoch numbers, folded, last.
      this.evaluation.element,
      this.confusion.element,
      this.predictions.element,
      this.digitPad.element,
      this.tryIt.element,
      this.weights.element,
      this.summary,
      this.historySection,
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
    this.renderInsights(run);
    this.shownResults = { problems: run.problems, modelSummary: run.modelSummary };
  }

  /** The sections about what the model learned; each changes only what its own data changed. */
  private renderInsights(run: PanelRun): void {
    // Another evaluation has other cells: a cell picked in the last one means nothing in it.
    if (run.insights?.evaluation !== this.run?.insights?.evaluation) this.cell = undefined;
    this.run = run;
    const inputs = run.insights?.inputs;
    const trained = hasTrainedModel(run) && run.status !== 'invalid';
    const image = inputs?.image;
    const drawable = trained && inputs?.task !== 'regression' && (image?.style === 'mnist' || image?.style === 'digits');
    const madeTryIt = run.made?.find((m) => m.source === 'tryIt');
    this.boundary.update(run.insights?.boundary);
    this.evaluation.update(run.evaluation, run.insights?.evaluation);
    this.confusion.update(run.insights?.evaluation, this.cell);
    this.predictions.update(run, this.cell);
    this.digitPad.update(run.modelFile, drawable ? image : undefined, classNamesOf(run), run.live?.draw);
    this.tryIt.update(inputs, trained && !image, run.live?.tryIt, madeTryIt && numbersOf(madeTryIt.inputText));
    this.weights.update(run.insights?.weights);
  }

  private select(cell: MatrixCell | undefined): void {
    this.cell = cell;
    if (this.run) this.renderInsights(this.run);
  }

  private renderActions(run: PanelRun): void {
    const running = run.status === 'running';
    // A stopped or interrupted run is usable when it saved the weights of an epoch.
    const trained = hasTrainedModel(run);
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

/** The numbers of a made prediction's input (`[5.1, 3.5, 1.4, 0.2]`), or undefined when it is not a flat list of them. */
function numbersOf(text: string): number[] | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) && value.every((v) => typeof v === 'number') ? value : undefined;
  } catch {
    return undefined;
  }
}

/** `loss: 0.2603 - accuracy: 0.9253`, as Keras' progress bar shows the running metrics. */
function formatMetrics(metrics: MetricValues): string {
  return Object.entries(metrics)
    .map(([name, value]) => `${name}: ${formatNumber(value)}`)
    .join(' - ');
}
