import type { EvaluationInsights, SampleResult } from '../../../src/shared/insightTypes';
import { el } from '../../shared/dom';
import { onThemeChange } from '../../shared/themeColors';
import { classificationRow, regressionRow, sampleCard, sampleError, sampleResult, type SampleContext } from './sampleViews';
import { themeRgb } from './themeRgb';

/** A cell of the confusion matrix: the samples of one true class predicted as one class. */
export interface MatrixCell {
  trueClass: number;
  predictedClass: number;
}

export interface GalleryData {
  evaluation: EvaluationInsights;
  classNames: readonly string[];
  featureNames?: readonly string[];
}

/**
 * The evaluation split's samples through the trained model, for a person to read: images as a grid
 * of pictures, tabular samples as a table; mistakes first (the biggest errors, for regression); an
 * `Only mistakes` toggle, and a filter to one cell of the confusion matrix. The samples' views are
 * built once per evaluation; filtering only hides and shows them.
 */
export class PredictionsGallery {
  readonly element = el('div', { className: 'gallery' });
  private readonly onlyMistakes = el('input', { attrs: { type: 'checkbox', id: 'only-mistakes' } });
  private readonly mistakesToggle = el('label', { className: 'toggle', attrs: { for: 'only-mistakes' } }, [this.onlyMistakes, ' Only mistakes']);
  private readonly summary = el('p', { className: 'gallery-summary', attrs: { 'aria-live': 'polite' } });
  private readonly showAll = el('vscode-button', { text: 'Show all', attrs: { secondary: '' } });
  private readonly filterNote = el('p', { className: 'filter-note' });
  private readonly filterRow = el('div', { className: 'filter-row' }, [this.filterNote, this.showAll]);
  private readonly items = el('div', { className: 'gallery-items' });
  private views: Array<{ sample: SampleResult; view: HTMLElement }> = [];
  private data?: GalleryData;
  private cell?: MatrixCell;

  constructor(onClearFilter: () => void) {
    this.onlyMistakes.addEventListener('change', () => this.filter());
    this.showAll.addEventListener('click', () => onClearFilter());
    this.element.append(el('div', { className: 'gallery-controls' }, [this.mistakesToggle, this.summary]), this.filterRow, this.items);
    onThemeChange(() => this.data && this.build(this.data));
  }

  update(data: GalleryData, cell: MatrixCell | undefined): void {
    if (data.evaluation !== this.data?.evaluation || data.classNames !== this.data.classNames) this.build(data);
    this.data = data;
    if (cell?.trueClass !== this.cell?.trueClass || cell?.predictedClass !== this.cell?.predictedClass) {
      this.cell = cell;
      this.filter();
    }
  }

  private build(data: GalleryData): void {
    const context: SampleContext = { classNames: data.classNames, featureNames: data.featureNames, ink: themeRgb('foreground'), paper: themeRgb('background') };
    const samples = ordered(data.evaluation.gallery);
    const classification = samples.some((s) => s.trueClass !== undefined);
    this.mistakesToggle.hidden = !classification;
    if (samples.some((s) => s.image)) {
      this.views = samples.map((sample) => ({ sample, view: sampleCard(sample, context) }));
      this.items.replaceChildren(el('ul', { className: 'sample-grid', attrs: { 'aria-label': 'Samples' } }, this.views.map((v) => v.view)));
    } else {
      const head = classification ? ['#', 'input', 'prediction', 'true', '', 'probabilities'] : ['#', 'input', 'predicted', 'true', 'error'];
      this.views = samples.map((sample) => ({ sample, view: classification ? classificationRow(sample, context) : regressionRow(sample, context) }));
      const table = el('table', { className: classification ? 'samples' : 'samples regression' }, [
        el('caption', { className: 'visually-hidden', text: 'Samples of the evaluation split' }),
        el('thead', {}, [el('tr', {}, head.map((h) => el('th', { text: h, attrs: { scope: 'col' } })))]),
        el('tbody', {}, this.views.map((v) => v.view)),
      ]);
      this.items.replaceChildren(el('div', { className: 'table-scroll' }, [table]));
    }
    this.data = data;
    this.filter();
  }

  private filter(): void {
    const data = this.data;
    if (!data) return;
    const onlyMistakes = this.onlyMistakes.checked && !this.mistakesToggle.hidden;
    const cell = this.cell;
    let shown = 0;
    for (const { sample, view } of this.views) {
      const visible = (!onlyMistakes || sampleResult(sample) === 'wrong') && (!cell || (sample.trueClass === cell.trueClass && sample.predictedClass === cell.predictedClass));
      view.hidden = !visible;
      if (visible) shown++;
    }
    const evaluation = data.evaluation;
    const wrong = this.views.filter((v) => sampleResult(v.sample) === 'wrong').length;
    const split = evaluation.split === 'test' ? 'test split' : 'training data';
    const of = `${this.views.length} of the ${evaluation.samples.toLocaleString('en-US')} samples of the ${split}`;
    this.summary.textContent = this.mistakesToggle.hidden
      ? `Showing ${of}, the biggest errors first.`
      : `Showing ${shown === this.views.length ? of : `${shown} of ${of}`}, mistakes first: ${wrong} wrong here.`;
    this.filterRow.hidden = !cell;
    if (cell) {
      const name = (i: number) => data.classNames[i] ?? String(i);
      const inMatrix = evaluation.report?.confusion[cell.trueClass]?.[cell.predictedClass];
      const count = inMatrix === undefined ? '' : ` (${inMatrix.toLocaleString('en-US')} in the whole split${shown < inMatrix ? `, ${shown} of them here` : ''})`;
      this.filterNote.textContent = `Only true ${name(cell.trueClass)} predicted as ${name(cell.predictedClass)}${count}.`;
    }
  }
}

/** Mistakes first (for regression, the biggest errors), each group in the worker's order. */
function ordered(samples: readonly SampleResult[]): SampleResult[] {
  const rank = samples.map((sample, i) => ({ sample, i, wrong: sampleResult(sample) === 'wrong' ? 1 : 0, error: sampleError(sample) }));
  return rank.sort((a, b) => b.wrong - a.wrong || b.error - a.error || a.i - b.i).map((r) => r.sample);
}
