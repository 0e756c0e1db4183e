import type { LayersModel } from '@tensorflow/tfjs';
import { kerasLayerNames } from './kerasLayerNames';

export interface LayerSummaryRow {
  /** As Keras names it: `dense`, `dense_1`, or the model file's `name:`. */
  name: string;
  /** The layer class: `Dense`. */
  type: string;
  /** As Keras prints it: `(None, 784)`. */
  outputShape: string;
  params: number;
}

export interface ModelSummary {
  layers: LayerSummaryRow[];
  totalParams: number;
  trainableParams: number;
  nonTrainableParams: number;
}

/** The numbers behind Keras' model.summary(). */
export function summarizeModel(model: LayersModel): ModelSummary {
  const names = kerasLayerNames(model.layers.map((layer) => ({ name: layer.name, className: layer.getClassName() })));
  const layers = model.layers.map((layer, i) => ({
    name: names[i],
    type: layer.getClassName(),
    outputShape: formatOutputShape(layer.outputShape),
    params: layer.countParams(),
  }));
  const count = (weights: ReadonlyArray<{ shape: ReadonlyArray<number | null> }>) =>
    weights.reduce((sum, w) => sum + w.shape.reduce<number>((p, d) => p * (d ?? 1), 1), 0);
  const trainableParams = count(model.trainableWeights);
  const nonTrainableParams = count(model.nonTrainableWeights);
  return { layers, totalParams: trainableParams + nonTrainableParams, trainableParams, nonTrainableParams };
}

/** A Keras-style summary table as text. */
export function formatModelSummary(title: string, summary: ModelSummary): string {
  const header = ['Layer (type)', 'Output Shape', 'Param #'];
  const rows = summary.layers.map((l) => [`${l.name} (${l.type})`, l.outputShape, l.params.toLocaleString('en-US')]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)) + 4);
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('').trimEnd();
  const total = widths.reduce((a, b) => a + b, 0);
  const out = [`Model: "${title}"`, '_'.repeat(total), line(header), '='.repeat(total)];
  rows.forEach((r, i) => {
    out.push(line(r));
    out.push(i === rows.length - 1 ? '='.repeat(total) : '_'.repeat(total));
  });
  out.push(`Total params: ${summary.totalParams.toLocaleString('en-US')}`);
  out.push(`Trainable params: ${summary.trainableParams.toLocaleString('en-US')}`);
  out.push(`Non-trainable params: ${summary.nonTrainableParams.toLocaleString('en-US')}`);
  return out.join('\n');
}

function formatOutputShape(shape: unknown): string {
  if (Array.isArray(shape) && Array.isArray(shape[0])) return `[${(shape as Array<Array<number | null>>).map(formatKerasShape).join(', ')}]`;
  return formatKerasShape(shape as Array<number | null>);
}

/** A shape as Keras prints it, a Python tuple: `(None, 784)`, `(None,)`. */
export function formatKerasShape(shape: ReadonlyArray<number | null>): string {
  const dims = shape.map((d) => (d === null ? 'None' : String(d)));
  return dims.length === 1 ? `(${dims[0]},)` : `(${dims.join(', ')})`;
}
