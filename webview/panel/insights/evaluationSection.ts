import type { EvaluationInsights } from '../../../src/shared/insightTypes';
import type { Evaluation } from '../../../src/shared/runResults';
import { el } from '../../shared/dom';
import { evaluationView } from '../resultsView';
import { ScatterPlot } from './scatterPlot';
import { insightSection } from './section';

/**
 * `Evaluation`: the metrics on the test split (or the training data, said so, when there is none)
 * under their Keras names; for regression, the predicted-against-true scatter beneath them.
 */
export class EvaluationSection {
  readonly element: HTMLElement;
  private readonly metrics = el('div');
  private readonly scatterBlock = el('div', { className: 'scatter-block' });
  private scatter?: ScatterPlot;
  private shown: { evaluation?: Evaluation; insights?: EvaluationInsights } = {};

  constructor() {
    const { element, body } = insightSection('evaluation', 'Evaluation');
    this.element = element;
    body.append(this.metrics, this.scatterBlock);
  }

  update(evaluation: Evaluation | undefined, insights: EvaluationInsights | undefined): void {
    this.element.hidden = !evaluation && !insights;
    if (evaluation !== this.shown.evaluation) {
      this.metrics.replaceChildren(...(evaluation ? [evaluationView(evaluation)] : []));
    }
    if (insights !== this.shown.insights) {
      const scatter = insights?.scatter;
      this.scatterBlock.hidden = !scatter;
      if (scatter) {
        this.scatter ??= new ScatterPlot();
        this.scatterBlock.replaceChildren(
          el('h3', { text: 'Predicted against true' }),
          el('p', { className: 'note', text: `${scatter.actual.length.toLocaleString('en-US')} samples of the ${insights.split === 'test' ? 'test split' : 'training data'}; on the dashed line the prediction is exact.` }),
          this.scatter.element,
        );
        this.scatter.update(scatter);
      }
    }
    this.shown = { evaluation, insights };
  }
}
