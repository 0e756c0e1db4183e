import { el } from './dom';

/** TensorBoard's default weight. */
export const DEFAULT_SMOOTHING = 0.6;

/**
 * The `Smoothing` slider of every page with curves (the training panel, the comparison): TensorBoard's
 * 0 to 0.999 weight, its value shown beside it. The page keeps the value in its state.
 */
export class SmoothingControl {
  readonly element: HTMLLabelElement;
  private readonly slider = el('input', { className: 'smoothing', attrs: { type: 'range', min: '0', max: '0.999', step: '0.001', 'aria-label': 'Smoothing' } });
  private readonly shown = el('output', { className: 'smoothing-value' });

  constructor(value: number, onChange: (value: number) => void) {
    this.slider.value = String(value);
    this.show(value);
    this.slider.addEventListener('input', () => {
      const weight = Number(this.slider.value);
      this.show(weight);
      onChange(weight);
    });
    this.element = el('label', { className: 'smoothing-label' }, ['Smoothing ', this.slider, this.shown]);
  }

  private show(value: number): void {
    this.shown.textContent = value.toFixed(3);
  }
}
