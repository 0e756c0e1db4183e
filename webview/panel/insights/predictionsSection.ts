import type { PanelRun } from '../../../src/shared/panelProtocol';
import { el } from '../../shared/dom';
import { predictionsView } from '../resultsView';
import { MadePredictionsView } from './madePredictions';
import { PredictionsGallery, type MatrixCell } from './predictionsGallery';
import { insightSection } from './section';

/**
 * `Predictions`: the evaluation split's samples through the model (the gallery), the model file's
 * `predict:` samples (the only thing shown for a run without insights, e.g. an older one), and the
 * predictions the user asked for.
 */
export class PredictionsSection {
  readonly element: HTMLElement;
  private readonly gallery: PredictionsGallery;
  private readonly fileSamples = el('div', { className: 'file-samples' });
  private readonly made = new MadePredictionsView();
  private predictions?: PanelRun['predictions'];
  private withGallery = false;

  constructor(onClearFilter: () => void) {
    const { element, body } = insightSection('predictions', 'Predictions');
    this.element = element;
    this.gallery = new PredictionsGallery(onClearFilter);
    body.append(this.gallery.element, this.fileSamples, this.made.element);
  }

  update(run: PanelRun, cell: MatrixCell | undefined): void {
    const evaluation = run.insights?.evaluation;
    const withGallery = !!evaluation && evaluation.gallery.length > 0;
    const classNames = classNamesOf(run);
    this.gallery.element.hidden = !withGallery;
    if (evaluation && withGallery) this.gallery.update({ evaluation, classNames, featureNames: run.insights?.inputs.features?.map((f) => f.name) }, cell);
    if (run.predictions !== this.predictions || withGallery !== this.withGallery) {
      this.predictions = run.predictions;
      this.withGallery = withGallery;
      const table = run.predictions && predictionsView(run.predictions);
      this.fileSamples.replaceChildren(...(table ? (withGallery ? [el('h3', { text: 'The model file’s predict samples' }), table] : [table]) : []));
    }
    this.fileSamples.hidden = !run.predictions;
    this.made.update(run.made, run.insights?.inputs, classNames);
    this.element.hidden = !withGallery && !run.predictions && !run.made?.length;
  }
}

const NO_NAMES: readonly string[] = [];

/** The class names the evaluation used, else the model's, else the run's (the same array while they do not change). */
export function classNamesOf(run: PanelRun): readonly string[] {
  return run.insights?.evaluation?.report?.classNames ?? run.insights?.inputs.classNames ?? run.classNames ?? NO_NAMES;
}
