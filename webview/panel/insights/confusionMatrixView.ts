import type { ClassificationReport, EvaluationInsights } from '../../../src/shared/insightTypes';
import { el } from '../../shared/dom';
import { confusionShades, STRONG_SHADE } from '../../shared/math/confusionShade';
import { classificationReportTable } from './classificationReportTable';
import type { MatrixCell } from './predictionsGallery';
import { insightSection } from './section';

/**
 * `Confusion matrix`: counts over the whole evaluation split, rows the true classes, columns the
 * predicted ones, each cell shaded by its count (blue on the diagonal, red off it; see confusionShades), beside
 * scikit-learn's classification report. The matrix is a real table, so it is its own text
 * alternative; each cell is a button (arrow keys move between them) that filters the predictions.
 */
export class ConfusionMatrixView {
  readonly element: HTMLElement;
  private readonly matrix = el('div', { className: 'confusion-matrix' });
  private readonly report = el('div', { className: 'classification-report' });
  private readonly note = el('p', { className: 'note' });
  private buttons: HTMLButtonElement[][] = [];
  private shown?: ClassificationReport;
  private selected?: MatrixCell;

  constructor(private readonly onSelect: (cell: MatrixCell | undefined) => void) {
    const { element, body } = insightSection('confusion', 'Confusion matrix');
    this.element = element;
    body.append(this.note, el('div', { className: 'confusion-layout' }, [this.matrix, this.report]));
  }

  update(evaluation: EvaluationInsights | undefined, selected: MatrixCell | undefined): void {
    const report = evaluation?.report;
    this.element.hidden = !report;
    if (report !== this.shown) {
      this.shown = report;
      if (report && evaluation) this.build(report, evaluation);
    }
    this.selected = selected;
    this.buttons.forEach((row, t) => row.forEach((button, p) => button.setAttribute('aria-pressed', String(selected?.trueClass === t && selected.predictedClass === p))));
  }

  private build(report: ClassificationReport, evaluation: EvaluationInsights): void {
    const names = report.classNames;
    const shades = confusionShades(report.confusion);
    const split = evaluation.split === 'test' ? 'test split' : 'training data (there is no test split)';
    this.note.textContent = `On the ${evaluation.samples.toLocaleString('en-US')} samples of the ${split}. Rows: the true class; columns: the predicted class. Click a cell to see its samples below.`;
    this.buttons = report.confusion.map((row, t) =>
      row.map((count, p) => {
        const button = el('button', {
          className: 'cell-button',
          text: count.toLocaleString('en-US'),
          attrs: { type: 'button', tabindex: t === 0 && p === 0 ? '0' : '-1', 'aria-label': `${count} of true ${names[t]} predicted as ${names[p]}`, 'aria-pressed': 'false' },
        });
        button.addEventListener('click', () => this.onSelect(this.selected?.trueClass === t && this.selected.predictedClass === p ? undefined : { trueClass: t, predictedClass: p }));
        button.addEventListener('keydown', (event) => this.move(event, t, p));
        return button;
      }),
    );
    const axis = el('tr', { className: 'axis-row' }, [el('td'), el('th', { className: 'axis-predicted', text: 'Predicted class', attrs: { colspan: String(names.length), scope: 'colgroup' } })]);
    const head = el('tr', { className: 'names-row' }, [el('th', { className: 'corner', text: 'True class', attrs: { scope: 'col' } }), ...names.map((name) => el('th', { text: name, attrs: { scope: 'col', title: name } }))]);
    const rows = report.confusion.map((row, t) =>
      el('tr', {}, [
        el('th', { text: names[t], attrs: { scope: 'row', title: names[t] } }),
        ...row.map((count, p) => {
          const cell = el('td', { className: t === p ? 'cell diagonal' : 'cell off-diagonal' }, [this.buttons[t][p]]);
          const shade = shades[t][p];
          // A custom property through the CSSOM: the stylesheet mixes the theme's colour by it.
          cell.style.setProperty('--shade', shade.toFixed(3));
          if (t === p && shade >= STRONG_SHADE) cell.classList.add('strong');
          if (count === 0) cell.classList.add('zero');
          return cell;
        }),
      ]),
    );
    const table = el('table', { className: 'confusion', attrs: { 'aria-label': 'Confusion matrix: rows are the true classes, columns the predicted classes' } }, [el('thead', {}, [axis, head]), el('tbody', {}, rows)]);
    this.matrix.replaceChildren(el('div', { className: 'table-scroll' }, [table]));
    this.report.replaceChildren(classificationReportTable(report));
  }

  /** Arrow keys, Home and End move between the cells, as in a grid: one tab stop for the whole matrix. */
  private move(event: KeyboardEvent, t: number, p: number): void {
    const k = this.buttons.length;
    const moves: Record<string, [number, number]> = { ArrowUp: [t - 1, p], ArrowDown: [t + 1, p], ArrowLeft: [t, p - 1], ArrowRight: [t, p + 1], Home: [t, 0], End: [t, k - 1] };
    const next = moves[event.key];
    if (!next) return;
    const [nt, np] = next;
    const target = this.buttons[nt]?.[np];
    if (!target) return;
    event.preventDefault();
    this.buttons[t][p].tabIndex = -1;
    target.tabIndex = 0;
    target.focus();
  }
}
