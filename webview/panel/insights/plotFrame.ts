import { el } from '../../shared/dom';
import { niceTicks } from '../../shared/math/scales';
import { sizeCanvas } from './canvas';

export interface Axis {
  name: string;
  min: number;
  max: number;
}

/**
 * A square canvas plot with its axes as page text around it (crisp in every theme and read by
 * screen readers): tick labels placed by percent through the CSSOM, axis names beside them. The
 * canvas is the plot area itself, so pixel (x, y) is a point of the plane.
 */
export class PlotFrame {
  readonly element: HTMLElement;
  readonly canvas: HTMLCanvasElement;
  private readonly xTicks = el('div', { className: 'plot-ticks x-ticks', attrs: { 'aria-hidden': 'true' } });
  private readonly yTicks = el('div', { className: 'plot-ticks y-ticks', attrs: { 'aria-hidden': 'true' } });
  private readonly xName = el('div', { className: 'plot-axis-name x-name' });
  private readonly yName = el('div', { className: 'plot-axis-name y-name' });

  constructor(
    label: string,
    readonly size: number,
  ) {
    this.canvas = el('canvas', { className: 'plot-canvas', attrs: { role: 'img', 'aria-label': label } });
    this.element = el('div', { className: 'plot' }, [this.yName, this.yTicks, this.canvas, el('div'), el('div'), this.xTicks, el('div'), el('div'), this.xName]);
  }

  /** The canvas' 2-D context, sized for the screen; its units are CSS pixels. */
  context(): CanvasRenderingContext2D | null {
    return sizeCanvas(this.canvas, this.size, this.size);
  }

  setAxes(x: Axis, y: Axis): void {
    this.xName.textContent = x.name;
    this.yName.textContent = y.name;
    this.xTicks.replaceChildren(...ticks(x, (tick, at) => (tick.style.left = `${at * 100}%`)));
    this.yTicks.replaceChildren(...ticks(y, (tick, at) => (tick.style.bottom = `${at * 100}%`)));
  }
}

function ticks(axis: Axis, place: (tick: HTMLElement, at: number) => void): HTMLElement[] {
  const span = axis.max - axis.min;
  return niceTicks(axis.min, axis.max, 5).map((value) => {
    const at = span > 0 ? (value - axis.min) / span : 0.5;
    // A label at an end of the axis stays within the plot's side: the two axes' first labels would meet in the corner.
    const end = at <= 0.001 ? ' at-start' : at >= 0.999 ? ' at-end' : '';
    const tick = el('span', { className: `plot-tick${end}`, text: tickText(value) });
    place(tick, at);
    return tick;
  });
}

/** `0.5`, `-2`, `1.2k`, `3e-4`: short enough to sit under a 320-pixel plot five times. */
export function tickText(value: number): string {
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e4) return `${Number((value / 1000).toPrecision(3))}k`;
  if (abs < 1e-3) return value.toExponential(0);
  return String(Number(value.toPrecision(4)));
}
