import type { LayersModel, Sequential } from '@tensorflow/tfjs';
import type { LayerSpec, LayerType, ModelSpec, RegularizerSpec } from '../spec/modelSpec';
import { SpecError } from '../diagnostics';
import type { Tf } from '../backend/tfTypes';
import { createOptimizer } from './optimizers';
import { metricFunction } from './metricFunctions';
import { logitsActivation, logitsLoss } from './logits';

type LayerFactory = (tf: Tf, config: Record<string, unknown>) => Parameters<Sequential['add']>[0];

// The tfjs layer factories take loosely typed configs; the schema has already checked the keys.
/* eslint-disable @typescript-eslint/no-explicit-any */
const LAYER_FACTORIES: Record<LayerType, LayerFactory> = {
  Dense: (tf, c) => tf.layers.dense(c as any),
  Flatten: (tf, c) => tf.layers.flatten(c as any),
  Dropout: (tf, c) => tf.layers.dropout(c as any),
  Activation: (tf, c) => tf.layers.activation(c as any),
  BatchNormalization: (tf, c) => tf.layers.batchNormalization(c as any),
  Reshape: (tf, c) => tf.layers.reshape(c as any),
  Conv2D: (tf, c) => tf.layers.conv2d(c as any),
  MaxPooling2D: (tf, c) => tf.layers.maxPooling2d(c as any),
  AveragePooling2D: (tf, c) => tf.layers.averagePooling2d(c as any),
  SimpleRNN: (tf, c) => tf.layers.simpleRNN(c as any),
  LSTM: (tf, c) => tf.layers.lstm(c as any),
  GRU: (tf, c) => tf.layers.gru(c as any),
  Embedding: (tf, c) => tf.layers.embedding(c as any),
};
/* eslint-enable @typescript-eslint/no-explicit-any */

const REGULARIZER_KEYS = [
  'kernelRegularizer',
  'biasRegularizer',
  'activityRegularizer',
  'recurrentRegularizer',
  'betaRegularizer',
  'gammaRegularizer',
  'embeddingsRegularizer',
];

/**
 * Builds the Sequential model of a spec, layer by layer, so that a layer tfjs rejects (a shape it
 * cannot take) is reported at that layer of the file. `inputShape` comes from the data when the
 * first layer does not give one.
 */
export function buildModel(tf: Tf, spec: ModelSpec, featureShape: readonly number[]): Sequential {
  const model = tf.sequential({ name: safeModelName(spec.name) });
  spec.model.forEach((layer, index) => {
    const config = tfjsLayerConfig(tf, layer, index === 0 ? featureShape : undefined);
    try {
      model.add(LAYER_FACTORIES[layer.type](tf, config));
    } catch (err) {
      // The first layer's input is its own input_shape when it gives one, else the data's.
      const input = (config.inputShape as number[] | undefined) ?? featureShape;
      const previous = index === 0 ? `the input (shape ${formatShape([null, ...input])})` : `the previous layer (output shape ${formatShape(model.outputs[0].shape)})`;
      throw new SpecError(['model', index], `${layer.type} cannot follow ${previous}: ${tfjsMessage(err)}`, 'shape-mismatch');
    }
  });
  return model;
}

/** Compiles a built model with the spec's optimizer, loss and metrics. */
export function compileModel(tf: Tf, model: LayersModel, spec: ModelSpec): void {
  const logits = logitsActivation(spec.compile.loss, spec.compile.fromLogits);
  model.compile({
    optimizer: createOptimizer(tf, spec.compile.optimizer),
    loss: logits ? logitsLoss(tf, spec.compile.loss) : spec.compile.loss,
    metrics: spec.compile.metrics.map((m) => metricFunction(tf, m, logits)),
  });
}

function tfjsLayerConfig(tf: Tf, layer: LayerSpec, inferredInputShape?: readonly number[]): Record<string, unknown> {
  const config: Record<string, unknown> = { ...layer.config };
  for (const key of REGULARIZER_KEYS) {
    const reg = config[key] as RegularizerSpec | undefined;
    if (reg) config[key] = tf.regularizers.l1l2({ l1: reg.l1 ?? 0, l2: reg.l2 ?? 0 });
  }
  if (inferredInputShape && config.inputShape === undefined && config.batchInputShape === undefined) {
    config.inputShape = [...inferredInputShape];
  }
  return config;
}

/** tfjs model names must be valid scope names. */
function safeModelName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_.-]/g, '_');
  return /^[A-Za-z]/.test(cleaned) ? cleaned : `m_${cleaned}`;
}

export function formatShape(shape: ReadonlyArray<number | null>): string {
  return `[${shape.map((d) => (d === null ? 'None' : String(d))).join(', ')}]`;
}

function tfjsMessage(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n')[0];
}
