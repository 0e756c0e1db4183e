import type { EvaluationInsights } from '../../../src/shared/insightTypes';
import { el } from '../../shared/dom';
import { cssRgb } from '../../shared/math/colors';
import { linearScale, paddedExtent } from '../../shared/math/scales';
import { onThemeChange, themeColor } from '../../shared/themeColors';
import { PlotFrame } from './plotFrame';
import { themeRgb } from './themeRgb';

type Scatter = NonNullable<EvaluationInsights['scatter']>;

const PLOT_SIZE = 300;

/** A regression's predicted values against the true ones, one dot a sample, the dashed diagonal where they agree. */
export class ScatterPlot {
  readonly element: HTMLElement;
  private readonly plot = new PlotFrame('Predicted against true values', PLOT_SIZE);
  private scatter?: Scatter;

  constructor() {
    this.element = el('figure', { className: 'scatter-figure' }, [this.plot.element]);
    onThemeChange(() => this.draw());
  }

  update(scatter: Scatter): void {
    if (scatter === this.scatter) return;
    this.scatter = scatter;
    // One range for both axes, so the diagonal is at 45 degrees and distances read alike.
    const [min, max] = paddedExtent([...scatter.actual, ...scatter.predicted]);
    this.plot.setAxes({ name: `true ${scatter.name}`, min, max }, { name: `predicted ${scatter.name}`, min, max });
    this.plot.canvas.setAttribute('aria-label', `Predicted against true ${scatter.name} for ${scatter.actual.length} samples`);
    this.draw();
  }

  private draw(): void {
    const scatter = this.scatter;
    const context = scatter && this.plot.context();
    if (!scatter || !context) return;
    const size = this.plot.size;
    const [min, max] = paddedExtent([...scatter.actual, ...scatter.predicted]);
    const x = linearScale([min, max], [0, size]);
    const y = linearScale([min, max], [size, 0]);
    context.clearRect(0, 0, size, size);
    context.strokeStyle = themeColor('grid');
    context.lineWidth = 1;
    context.strokeRect(0.5, 0.5, size - 1, size - 1);
    context.setLineDash([5, 4]);
    context.strokeStyle = themeColor('foreground');
    context.beginPath();
    context.moveTo(x(min), y(min));
    context.lineTo(x(max), y(max));
    context.stroke();
    context.setLineDash([]);
    // Faint dots: where thousands overlap, the density shows.
    context.fillStyle = cssRgb(themeRgb('blue'), scatter.actual.length > 300 ? 0.45 : 0.8);
    for (let i = 0; i < scatter.actual.length; i++) {
      context.beginPath();
      context.arc(x(scatter.actual[i]), y(scatter.predicted[i]), 2.5, 0, Math.PI * 2);
      context.fill();
    }
  }
}
