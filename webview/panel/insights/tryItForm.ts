import type { ModelInputs } from '../../../src/shared/insightTypes';
import type { LiveAnswer } from '../../../src/shared/panelProtocol';
import { el } from '../../shared/dom';
import { classProbabilities } from '../../shared/math/probabilities';
import { probabilityBars, topText } from './probabilityBars';
import { short } from './sampleViews';
import { insightSection } from './section';

type Feature = NonNullable<ModelInputs['features']>[number];

/** More fields than this make a form nobody fills in (the worker sends no features then either). */
export const MAX_TRY_IT_FEATURES = 20;

/**
 * `Try it`: one input per feature of a tabular model (the CSV's column names, the training data's
 * range as a hint and a slider), predicting on every change through the worker, as the Predict
 * command does. The form is built once per list of features, so the user's values survive updates.
 */
export class TryItForm {
  readonly element: HTMLElement;
  private readonly fields = el('div', { className: 'try-fields' });
  private readonly result = el('div', { className: 'try-result', attrs: { 'aria-live': 'polite' } });
  private inputs: Array<{ number: HTMLInputElement; range: HTMLInputElement }> = [];
  private featuresKey = '';
  private context: { task: ModelInputs['task']; classNames: readonly string[] } = { task: 'regression', classNames: [] };
  private answer?: LiveAnswer;

  constructor(private readonly onInput: (input: number[]) => void) {
    const { element, body } = insightSection('try', 'Try it');
    this.element = element;
    body.append(
      el('p', { className: 'note', text: 'Change a value to predict on it, in the data’s own units; the hint under each is its range in the training data.' }),
      el('div', { className: 'try-layout' }, [el('form', { className: 'try-form', attrs: { 'aria-label': 'Features' } }, [this.fields]), this.result]),
    );
    body.querySelector('form')?.addEventListener('submit', (event) => event.preventDefault());
  }

  /** `initial` is what the form last predicted on (kept in the state), used when the form is first built. */
  update(inputs: ModelInputs | undefined, show: boolean, answer: LiveAnswer | undefined, initial?: number[]): void {
    const features = inputs?.features && inputs.features.length <= MAX_TRY_IT_FEATURES ? inputs.features : undefined;
    this.element.hidden = !show || !features;
    if (!inputs || !features) return;
    this.context = { task: inputs.task, classNames: inputs.classNames ?? [] };
    const key = JSON.stringify(features);
    if (key !== this.featuresKey) {
      this.featuresKey = key;
      this.build(features, initial?.length === features.length ? initial : undefined);
      this.showAnswer();
    }
    if (answer !== this.answer) {
      this.answer = answer;
      this.showAnswer();
    }
  }

  private build(features: Feature[], initial: number[] | undefined): void {
    this.fields.replaceChildren();
    // As wide as its fields need, up to three a row: two features (XOR) keep the answer beside them.
    this.fields.style.width = `${Math.min(features.length, 3) * 210}px`;
    this.inputs = features.map((feature, i) => {
      const id = `try-${i}`;
      const value = initial?.[i] ?? middle(feature);
      const step = stepOf(feature);
      const number = el('input', { className: 'try-number', attrs: { type: 'number', id, step: 'any', value: String(value), 'aria-describedby': `${id}-hint` } });
      const range = el('input', { className: 'try-range', attrs: { type: 'range', min: String(feature.min), max: String(feature.max), step: String(step), value: String(value), 'aria-label': `${feature.name} (slider)` } });
      number.addEventListener('input', () => {
        if (number.value !== '' && Number.isFinite(Number(number.value))) range.value = number.value;
        this.changed();
      });
      range.addEventListener('input', () => {
        number.value = range.value;
        this.changed();
      });
      this.fields.append(
        el('div', { className: 'try-field' }, [
          el('label', { text: feature.name, attrs: { for: id, title: feature.name } }),
          number,
          range,
          el('span', { className: 'try-hint', text: `${short(feature.min)} – ${short(feature.max)}`, attrs: { id: `${id}-hint` } }),
        ]),
      );
      return { number, range };
    });
  }

  private changed(): void {
    const values = this.inputs.map(({ number }) => (number.value.trim() === '' ? NaN : Number(number.value)));
    this.inputs.forEach(({ number }, i) => (Number.isFinite(values[i]) ? number.removeAttribute('aria-invalid') : number.setAttribute('aria-invalid', 'true')));
    if (values.some((v) => !Number.isFinite(v))) {
      this.result.replaceChildren(el('p', { className: 'note', text: 'Every feature needs a number.' }));
      return;
    }
    this.onInput(values);
  }

  private showAnswer(): void {
    const answer = this.answer;
    if (!answer) {
      this.result.replaceChildren(el('p', { className: 'note', text: 'The prediction shows here.' }));
      return;
    }
    if (answer.error || !answer.prediction) {
      this.result.replaceChildren(el('p', { className: 'error', text: answer.error ?? 'No prediction.' }));
      return;
    }
    const output = answer.prediction.output;
    if (this.context.task === 'regression') {
      this.result.replaceChildren(el('p', { className: 'try-label', text: 'Prediction' }), el('p', { className: 'try-top', text: output.map(short).join(', ') }));
      return;
    }
    const probabilities = classProbabilities(output);
    this.result.replaceChildren(
      el('p', { className: 'try-label', text: 'Prediction' }),
      el('p', { className: 'try-top', text: topText(probabilities, this.context.classNames) }),
      probabilityBars(probabilities, this.context.classNames, { predicted: probabilities.indexOf(Math.max(...probabilities)) }),
    );
  }
}

/** The middle of the feature's range, rounded to a step of the slider. */
function middle(feature: Feature): number {
  const step = stepOf(feature);
  return Number((Math.round((feature.min + feature.max) / 2 / step) * step).toPrecision(6));
}

/** A hundredth of the range, rounded down to a power of ten (0.01 for iris' 3.6 cm, 1 for an area in the thousands). */
function stepOf(feature: Feature): number {
  const span = feature.max - feature.min;
  if (!(span > 0)) return 1;
  return Math.pow(10, Math.floor(Math.log10(span / 100)));
}
