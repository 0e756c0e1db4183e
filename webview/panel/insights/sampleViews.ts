import type { SampleResult } from '../../../src/shared/insightTypes';
import { el } from '../../shared/dom';
import type { Rgb } from '../../shared/math/colors';
import { grayCanvas } from './grayImage';
import { probabilityBars, topText } from './probabilityBars';

/** What a sample's views need besides the sample. */
export interface SampleContext {
  classNames: readonly string[];
  featureNames?: readonly string[];
  ink: Rgb;
  paper: Rgb;
}

/** Right, wrong, or neither (regression). */
export function sampleResult(sample: SampleResult): 'right' | 'wrong' | undefined {
  if (sample.trueClass === undefined || sample.predictedClass === undefined) return undefined;
  return sample.trueClass === sample.predictedClass ? 'right' : 'wrong';
}

/** How far a regression sample's first output is from its target (0 when it has none). */
export function sampleError(sample: SampleResult): number {
  const out = sample.output?.[0];
  const expected = sample.expected?.[0];
  return typeof out === 'number' && typeof expected === 'number' ? Math.abs(out - expected) : 0;
}

const className = (context: SampleContext, index: number | undefined) => (index === undefined ? '' : (context.classNames[index] ?? String(index)));

/** An image sample as a card: the picture, `7 · 99.9%`, the true label with ✓ or ✗, the probabilities. */
export function sampleCard(sample: SampleResult, context: SampleContext): HTMLElement {
  const result = sampleResult(sample);
  const probabilities = sample.probabilities ?? [];
  const predicted = className(context, sample.predictedClass);
  const truth = className(context, sample.trueClass);
  const children: HTMLElement[] = [];
  if (sample.image) {
    const scale = Math.max(1, Math.round(56 / Math.max(sample.image.width, sample.image.height)));
    children.push(grayCanvas(sample.image, scale, `Sample ${sample.index + 1}: predicted ${predicted}, true ${truth}`, context.ink, context.paper));
  }
  children.push(
    el('div', { className: 'sample-top', text: probabilities.length ? topText(probabilities, context.classNames) : predicted }),
    el('div', { className: `sample-truth ${result ?? ''}` }, [el('span', { className: 'mark', text: result === 'wrong' ? '✗' : '✓', attrs: { 'aria-label': result ?? '' } }), ` true ${truth}`]),
  );
  if (probabilities.length) children.push(probabilityBars(probabilities, context.classNames, { predicted: sample.predictedClass, trueClass: sample.trueClass }));
  return el('li', { className: 'sample-card', attrs: { 'data-result': result ?? '', 'data-index': String(sample.index) } }, children);
}

/** A tabular classification sample as a table row: #, input, `virginica · 72.1%`, the true class, ✓/✗, the probabilities. */
export function classificationRow(sample: SampleResult, context: SampleContext): HTMLTableRowElement {
  const result = sampleResult(sample);
  const probabilities = sample.probabilities ?? [];
  const row = el('tr', { attrs: { 'data-result': result ?? '', 'data-index': String(sample.index) } }, [
    el('td', { className: 'number', text: String(sample.index + 1) }),
    inputCell(sample, context),
    el('td', { className: 'sample-top', text: probabilities.length ? topText(probabilities, context.classNames) : className(context, sample.predictedClass) }),
    el('td', { text: className(context, sample.trueClass) }),
    el('td', { className: `mark ${result ?? ''}`, text: result === 'wrong' ? '✗' : result === 'right' ? '✓' : '', attrs: { 'aria-label': result ?? '' } }),
  ]);
  const bars = el('td', { className: 'bars' });
  if (probabilities.length) bars.append(probabilityBars(probabilities, context.classNames, { predicted: sample.predictedClass, trueClass: sample.trueClass, inline: true }));
  row.append(bars);
  return row;
}

/** A regression sample: #, input, predicted, true, error. */
export function regressionRow(sample: SampleResult, context: SampleContext): HTMLTableRowElement {
  const values = (v: number[] | undefined) => (v ?? []).map(short).join(', ');
  return el('tr', { attrs: { 'data-index': String(sample.index) } }, [
    el('td', { className: 'number', text: String(sample.index + 1) }),
    inputCell(sample, context),
    el('td', { className: 'number', text: values(sample.output) }),
    el('td', { className: 'number', text: values(sample.expected) }),
    el('td', { className: 'number', text: short(sampleError(sample)) }),
  ]);
}

function inputCell(sample: SampleResult, context: SampleContext): HTMLTableCellElement {
  const input = sample.input ?? [];
  // The whole input, with each feature's name, on hover: a cell holds only the first few.
  const full = input.map((v, i) => `${context.featureNames?.[i] ?? `x${i + 1}`} = ${v}`).join('\n');
  return el('td', { className: 'input', text: truncate(input.map(short).join(', '), 34), attrs: { title: full } });
}

/** Four significant digits: `5.1`, `0.03604`, `1234`. */
export function short(value: number): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return String(value);
  return String(Number(value.toPrecision(4)));
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
