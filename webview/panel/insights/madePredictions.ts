import type { ModelInputs } from '../../../src/shared/insightTypes';
import { MADE_SAMPLES_SHOWN, type MadePrediction, type PredictionSource } from '../../../src/shared/panelProtocol';
import type { Prediction } from '../../../src/shared/runResults';
import { el } from '../../shared/dom';
import { formatInput, formatLabel } from '../../shared/format';
import { classProbabilities, topClasses } from '../../shared/math/probabilities';
import { probabilityBars, topText } from './probabilityBars';
import { short } from './sampleViews';

const SOURCES: Record<PredictionSource, string> = { command: 'Predict command', tryIt: 'Try it', draw: 'Drawing' };

/**
 * `Your predictions`: what the Predict command and `Try it` predicted on this run, newest first, each
 * labelled with what it was asked on and where it came from. They live in the run's state, so they
 * survive a tab switch and a reload.
 */
export class MadePredictionsView {
  readonly element = el('div', { className: 'made' });
  private made?: MadePrediction[];

  update(made: MadePrediction[] | undefined, inputs: ModelInputs | undefined, classNames: readonly string[]): void {
    this.element.hidden = !made?.length;
    if (made === this.made) return;
    this.made = made;
    if (!made?.length) return;
    const classification = inputs ? inputs.task !== 'regression' : classNames.length > 0;
    this.element.replaceChildren(
      el('h3', { text: 'Your predictions' }),
      el('ol', { className: 'made-list' }, made.map((m) => madeItem(m, classification, classNames))),
    );
  }
}

function madeItem(made: MadePrediction, classification: boolean, classNames: readonly string[]): HTMLElement {
  const time = new Date(made.at);
  const head = el('div', { className: 'made-head' }, [
    el('span', { className: 'made-source', text: SOURCES[made.source] ?? made.source }),
    el('span', { className: 'made-input', text: made.inputText, attrs: { title: made.inputText } }),
    el('time', { className: 'made-time', text: time.toLocaleTimeString('en-GB'), attrs: { datetime: time.toISOString() } }),
  ]);
  const shown = made.predictions.slice(0, MADE_SAMPLES_SHOWN);
  const rows = shown.map((p) => predictionLine(p, classification, classNames, made.predictions.length > 1));
  const more = made.predictions.length > shown.length ? [el('li', { className: 'note', text: `and ${made.predictions.length - shown.length} more` })] : [];
  return el('li', { className: 'made-item', attrs: { 'data-source': made.source } }, [head, el('ul', { className: 'made-predictions' }, [...rows, ...more])]);
}

function predictionLine(p: Prediction, classification: boolean, classNames: readonly string[], withInput: boolean): HTMLElement {
  const parts: HTMLElement[] = [];
  if (withInput && p.input !== undefined) parts.push(el('span', { className: 'made-sample', text: formatInput(p.input, 40) }));
  if (classification && p.output.length > 0) {
    const probabilities = classProbabilities(p.output);
    const names = classNames.length ? classNames : probabilities.map((_, i) => String(i));
    const [top] = topClasses(probabilities, 1);
    parts.push(el('span', { className: 'sample-top', text: topText(probabilities, names) }), probabilityBars(probabilities, names, { predicted: top?.index, inline: true }));
  } else {
    parts.push(el('span', { className: 'sample-top', text: p.output.map(short).join(', ') }));
  }
  if (p.expected !== undefined) parts.push(el('span', { className: 'made-expected', text: `expected ${formatLabel(p.expected)}` }));
  return el('li', { className: 'made-prediction' }, parts);
}
