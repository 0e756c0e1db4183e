import type { LayerWeights, WeightHistogram, WeightsSnapshot } from '../../../src/shared/insightTypes';
import { el } from '../../shared/dom';
import { histogramBars, valueToX } from '../../shared/math/histogramBars';
import { onThemeChange, themeColor, type ChartColor } from '../../shared/themeColors';
import { sizeCanvas } from './canvas';
import { insightSection } from './section';

const HISTOGRAM_WIDTH = 240;
const HISTOGRAM_HEIGHT = 56;

/**
 * `Weights`: per layer, a histogram of its kernel and of its bias at the latest epoch end, with the
 * statistics tfjs-vis' `show.layer` gives; a layer whose weights hold NaN or Infinity is marked.
 * Each layer's card is kept and redrawn in place at every epoch end.
 */
export class WeightsView {
  readonly element: HTMLElement;
  private readonly note = el('p', { className: 'note' });
  private readonly grid = el('div', { className: 'weights-grid' });
  private readonly cards = new Map<string, LayerCard>();
  private weights?: WeightsSnapshot;

  constructor() {
    const { element, body } = insightSection('weights', 'Weights');
    this.element = element;
    body.append(this.note, this.grid);
    onThemeChange(() => {
      for (const card of this.cards.values()) card.draw();
    });
  }

  update(weights: WeightsSnapshot | undefined): void {
    this.element.hidden = !weights || weights.layers.length === 0;
    if (!weights || weights === this.weights) return;
    this.weights = weights;
    const broken = weights.layers.filter(holdsNonFinite).length;
    this.note.textContent = `At the end of epoch ${weights.epoch}.${broken ? ` ${broken === 1 ? 'A layer holds' : `${broken} layers hold`} NaN or Infinity: training diverged (a lower learning rate often helps).` : ''}`;
    const names = new Set(weights.layers.map((l) => l.name));
    for (const [name, card] of this.cards) {
      if (!names.has(name)) {
        card.element.remove();
        this.cards.delete(name);
      }
    }
    for (const layer of weights.layers) {
      let card = this.cards.get(layer.name);
      if (!card) {
        card = new LayerCard();
        this.cards.set(layer.name, card);
      }
      this.grid.append(card.element);
      card.update(layer);
    }
  }
}

function holdsNonFinite(layer: LayerWeights): boolean {
  return (layer.kernel?.nonFinite ?? 0) + (layer.bias?.nonFinite ?? 0) > 0;
}

class LayerCard {
  readonly element = el('figure', { className: 'weights-layer' });
  private readonly title = el('span', { className: 'layer-name' });
  private readonly type = el('span', { className: 'layer-type' });
  private readonly mark = el('span', { className: 'nan-mark', text: 'NaN', attrs: { title: 'These weights hold NaN or Infinity', role: 'img', 'aria-label': 'holds NaN or Infinity' } });
  private readonly kernel = new HistogramRow('kernel', 'blue');
  private readonly bias = new HistogramRow('bias', 'purple');

  constructor() {
    this.element.append(el('figcaption', {}, [this.title, this.type, this.mark]), this.kernel.element, this.bias.element);
  }

  update(layer: LayerWeights): void {
    this.element.dataset.layer = layer.name;
    this.title.textContent = layer.name;
    this.type.textContent = `(${layer.type})`;
    const broken = holdsNonFinite(layer);
    this.mark.hidden = !broken;
    this.element.classList.toggle('has-nan', broken);
    this.kernel.update(layer.kernel);
    this.bias.update(layer.bias);
  }

  draw(): void {
    this.kernel.draw();
    this.bias.draw();
  }
}

class HistogramRow {
  readonly element: HTMLElement;
  private readonly shape = el('span', { className: 'weight-shape' });
  private readonly canvas = el('canvas', { className: 'histogram', attrs: { role: 'img' } });
  private readonly min = el('span');
  private readonly max = el('span');
  private readonly stats = el('p', { className: 'weight-stats' });
  private histogram?: WeightHistogram;

  constructor(
    private readonly name: string,
    private readonly color: ChartColor,
  ) {
    this.element = el('div', { className: 'weight-row', attrs: { 'data-weight': name } }, [
      el('div', { className: 'weight-title' }, [el('span', { className: 'weight-name', text: name }), this.shape]),
      this.canvas,
      el('div', { className: 'histogram-axis', attrs: { 'aria-hidden': 'true' } }, [this.min, this.max]),
      this.stats,
    ]);
  }

  update(histogram: WeightHistogram | undefined): void {
    this.element.hidden = !histogram;
    this.histogram = histogram;
    if (!histogram) return;
    const h = histogram;
    this.shape.textContent = `[${h.shape.join(', ')}]`;
    const n = (v: number) => (Number.isFinite(v) ? String(Number(v.toPrecision(3))) : String(v));
    this.min.textContent = n(h.min);
    this.max.textContent = n(h.max);
    const lines = [
      [`min ${n(h.min)}`, `max ${n(h.max)}`],
      [`mean ${n(h.mean)}`, `std ${n(h.std)}`],
      [`${h.count.toLocaleString('en-US')} ${h.count === 1 ? 'value' : 'values'}`, `${h.zeros.toLocaleString('en-US')} zeros`, `${h.nonFinite.toLocaleString('en-US')} NaN/Infinity`],
    ];
    const parts = lines.flat();
    this.stats.replaceChildren(...lines.map((line) => el('span', { text: line.join(' · ') })));
    this.stats.classList.toggle('has-nan', h.nonFinite > 0);
    this.canvas.setAttribute('aria-label', `Histogram of the ${this.name}: ${parts.join(', ')}`);
    this.draw();
  }

  draw(): void {
    const h = this.histogram;
    const context = h && sizeCanvas(this.canvas, HISTOGRAM_WIDTH, HISTOGRAM_HEIGHT);
    if (!h || !context) return;
    context.clearRect(0, 0, HISTOGRAM_WIDTH, HISTOGRAM_HEIGHT);
    context.fillStyle = themeColor(this.color);
    // One value repeated (a bias of one unit) has no spread: a single bar in the middle says so.
    const counts = h.min === h.max && h.count > h.nonFinite ? h.counts.map((_, i) => (i === Math.floor(h.counts.length / 2) ? h.count - h.nonFinite : 0)) : h.counts;
    for (const bar of histogramBars(counts, HISTOGRAM_WIDTH, HISTOGRAM_HEIGHT - 1)) context.fillRect(bar.x, bar.y, bar.width, bar.height);
    context.strokeStyle = themeColor('grid');
    context.lineWidth = 1;
    context.beginPath();
    context.moveTo(0, HISTOGRAM_HEIGHT - 0.5);
    context.lineTo(HISTOGRAM_WIDTH, HISTOGRAM_HEIGHT - 0.5);
    // Where zero falls, when the range holds it: which side the weights lean to.
    if (h.min < 0 && h.max > 0) {
      const x = Math.round(valueToX(0, h.min, h.max, HISTOGRAM_WIDTH)) + 0.5;
      context.moveTo(x, 0);
      context.lineTo(x, HISTOGRAM_HEIGHT);
    }
    context.stroke();
  }
}
