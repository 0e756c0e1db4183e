import type { DecisionBoundary } from '../../../src/shared/insightTypes';
import { el } from '../../shared/dom';
import { boundaryPixels, pointColor } from '../../shared/math/boundaryPixels';
import { cssRgb } from '../../shared/math/colors';
import { linearScale } from '../../shared/math/scales';
import { onThemeChange, seriesColor, themeColor } from '../../shared/themeColors';
import { PlotFrame, tickText } from './plotFrame';
import { insightSection } from './section';
import { boundaryPalette } from './themeRgb';

const PLOT_SIZE = 320;

/**
 * `Decision boundary`: the TensorFlow Playground's picture of a model with two inputs — its output
 * over the plane as a heatmap, the training points on top in their class's colour. The worker sends a
 * new boundary at epoch ends while training, so the learner watches it form; each one is drawn once.
 */
export class BoundaryView {
  readonly element: HTMLElement;
  private readonly plot = new PlotFrame('Decision boundary', PLOT_SIZE);
  private readonly caption = el('p', { className: 'note boundary-caption' });
  private readonly legend = el('ul', { className: 'legend', attrs: { 'aria-label': 'Classes' } });
  /** The colour scale of a probability or a value, as the picture paints it. */
  private readonly ramp = el('canvas', { attrs: { 'aria-hidden': 'true' } });
  private readonly rampLabels = [el('span'), el('span'), el('span')];
  private readonly rampBox = el('div', { className: 'ramp' }, [this.ramp, ...this.rampLabels]);
  /** The heatmap at its own size (one pixel a cell), scaled onto the plot. */
  private readonly cells = document.createElement('canvas');
  private boundary?: DecisionBoundary;

  constructor() {
    const { element, body } = insightSection('boundary', 'Decision boundary');
    this.element = element;
    body.append(el('figure', { className: 'boundary-figure' }, [this.plot.element, el('figcaption', {}, [this.legend, this.rampBox, this.caption])]));
    onThemeChange(() => this.draw());
  }

  update(boundary: DecisionBoundary | undefined): void {
    this.element.hidden = !boundary;
    if (boundary === this.boundary) return;
    this.boundary = boundary;
    if (!boundary) return;
    this.plot.setAxes(boundary.x, boundary.y);
    this.caption.textContent = captionText(boundary);
    this.legend.replaceChildren(...legendItems(boundary));
    this.rampBox.hidden = boundary.kind === 'classes';
    const [low, high] = boundary.kind === 'value' ? (boundary.range ?? [0, 1]) : [0, 1];
    [low, (low + high) / 2, high].forEach((v, i) => (this.rampLabels[i].textContent = tickText(Number(v.toPrecision(3)))));
    this.plot.canvas.setAttribute('aria-label', `The model's output over ${boundary.x.name} and ${boundary.y.name} after epoch ${boundary.epoch}, with ${boundary.points.target.length} training points`);
    this.draw();
  }

  private draw(): void {
    const boundary = this.boundary;
    const context = boundary && this.plot.context();
    if (!boundary || !context) return;
    const palette = boundaryPalette();
    this.cells.width = boundary.columns;
    this.cells.height = boundary.rows;
    const cellContext = this.cells.getContext('2d');
    if (!cellContext) return;
    const pixels = boundaryPixels(boundary, palette);
    const image = cellContext.createImageData(boundary.columns, boundary.rows);
    image.data.set(pixels);
    cellContext.putImageData(image, 0, 0);
    const size = this.plot.size;
    // Smoothed, as the Playground's: the cells are samples of a continuous output, not tiles.
    context.imageSmoothingEnabled = true;
    context.imageSmoothingQuality = 'high';
    context.clearRect(0, 0, size, size);
    context.drawImage(this.cells, 0, 0, size, size);
    this.drawRamp(boundary);

    const x = linearScale([boundary.x.min, boundary.x.max], [0, size]);
    const y = linearScale([boundary.y.min, boundary.y.max], [size, 0]);
    const { points } = boundary;
    // The Playground's look: each point in its class's full colour, ringed so it stands out on its own region.
    const radius = points.target.length > 200 ? 3.5 : 6;
    context.lineWidth = points.target.length > 200 ? 1 : 1.5;
    context.strokeStyle = themeColor('foreground');
    for (let i = 0; i < points.target.length; i++) {
      context.beginPath();
      context.arc(x(points.x[i]), y(points.y[i]), radius, 0, Math.PI * 2);
      context.fillStyle = cssRgb(pointColor(boundary, points.target[i], palette));
      context.fill();
      context.stroke();
    }
  }

  /** Draws the ramp from the same colour mapping as the picture: a one-row grid of values from low to high. */
  private drawRamp(boundary: DecisionBoundary): void {
    if (boundary.kind === 'classes') return;
    const steps = 128;
    const [low, high] = boundary.kind === 'value' ? (boundary.range ?? [0, 1]) : [0, 1];
    const values = Array.from({ length: steps }, (_, i) => low + ((high - low) * i) / (steps - 1));
    const pixels = boundaryPixels({ kind: boundary.kind, columns: steps, rows: 1, values, range: boundary.range }, boundaryPalette());
    this.ramp.width = steps;
    this.ramp.height = 1;
    const context = this.ramp.getContext('2d');
    if (!context) return;
    const image = context.createImageData(steps, 1);
    image.data.set(pixels);
    context.putImageData(image, 0, 0);
  }
}

function captionText(boundary: DecisionBoundary): string {
  const what =
    boundary.kind === 'binary'
      ? `the probability of ${boundary.classNames?.[1] ?? 'class 1'}`
      : boundary.kind === 'classes'
        ? 'the likeliest class, paler where the model is less sure'
        : `the predicted value, from ${boundary.range?.[0] ?? 0} to ${boundary.range?.[1] ?? 1}`;
  return `After epoch ${boundary.epoch}: the colour is ${what}; dots are training points (${boundary.points.target.length}).`;
}

/** Class swatches coloured by CSS classes (no inline style under the CSP), in the picture's order. */
function legendItems(boundary: DecisionBoundary): HTMLElement[] {
  const swatch = (color: string, name: string) => el('li', {}, [el('span', { className: `swatch swatch-${color}`, attrs: { 'aria-hidden': 'true' } }), name]);
  if (boundary.kind === 'classes') return (boundary.classNames ?? []).map((name, i) => swatch(seriesColor(i), name));
  if (boundary.kind === 'binary') return [swatch('orange', boundary.classNames?.[0] ?? '0'), swatch('blue', boundary.classNames?.[1] ?? '1')];
  return [swatch('orange', `low (${boundary.range?.[0] ?? 0})`), swatch('blue', `high (${boundary.range?.[1] ?? 1})`)];
}
