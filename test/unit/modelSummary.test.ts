import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { selectBackend } from '../../src/core/backend/selectBackend';
import { buildCheckedModel, loadModelAndData } from '../../src/core/session/loadModelAndData';
import { formatModelSummary, summarizeModel } from '../../src/core/model/modelSummary';
import { kerasLayerNames, toSnakeCase } from '../../src/core/model/kerasLayerNames';
import { tempDir, writeModelFile } from '../helpers/tempDir';

/** The summary of a digits model (64 pixels, reshaped to 8x8 first) with the given layers. */
async function summaryOf(layers: string) {
  const file = writeModelFile(
    tempDir(),
    'm.nn.yaml',
    `name: summary\ndata:\n  dataset: digits\n  limit: 20\nmodel:\n  - Reshape: { target_shape: [8, 8], input_shape: [64] }\n${layers}\ncompile:\n  optimizer: adam\n  loss: sparse_categorical_crossentropy\n`,
  );
  const loaded = await loadModelAndData(file);
  const { tf } = await selectBackend('cpu', { layerTypes: [] });
  const model = await buildCheckedModel(tf, loaded);
  try {
    return summarizeModel(model);
  } finally {
    model.dispose();
  }
}

test('layers are named as Keras names them, numbered per class from the second one, shapes as tuples', async () => {
  // Built twice: tfjs' own names keep counting across models (dense_Dense3...), Keras' restart.
  for (let i = 0; i < 2; i++) {
    const summary = await summaryOf(`  - Flatten
  - Dense: { units: 32, activation: relu }
  - Dropout: { rate: 0.2 }
  - Dense: { units: 16, activation: relu }
  - Dense: { units: 10, activation: softmax }`);
    assert.deepEqual(
      summary.layers.map((l) => `${l.name} (${l.type}) ${l.outputShape}`),
      ['reshape (Reshape) (None, 8, 8)', 'flatten (Flatten) (None, 64)', 'dense (Dense) (None, 32)', 'dropout (Dropout) (None, 32)', 'dense_1 (Dense) (None, 16)', 'dense_2 (Dense) (None, 10)'],
    );
  }
});

test('a name: from the model file is kept, and generated names do not count it', async () => {
  const summary = await summaryOf(`  - Flatten
  - Dense: { units: 32, activation: relu, name: hidden }
  - Dense: { units: 10, activation: softmax }`);
  assert.deepEqual(summary.layers.map((l) => l.name), ['reshape', 'flatten', 'hidden', 'dense']);
});

test('the table reads like Keras model.summary()', async () => {
  const text = formatModelSummary('summary', await summaryOf(`  - Flatten\n  - Dense: { units: 10, activation: softmax }`));
  assert.match(text, /^Model: "summary"$/m);
  assert.match(text, /^flatten \(Flatten\)\s+\(None, 64\)\s+0$/m);
  assert.match(text, /^dense \(Dense\)\s+\(None, 10\)\s+650$/m);
  assert.match(text, /^Total params: 650$/m);
});

test('snake_case and numbering follow Keras for every layer class', () => {
  assert.deepEqual(
    ['Dense', 'Conv2D', 'MaxPooling2D', 'AveragePooling2D', 'BatchNormalization', 'SimpleRNN', 'LSTM', 'GRU', 'Embedding'].map(toSnakeCase),
    ['dense', 'conv2d', 'max_pooling2d', 'average_pooling2d', 'batch_normalization', 'simple_rnn', 'lstm', 'gru', 'embedding'],
  );
  // A generated name never takes one the file gave.
  const names = kerasLayerNames([
    { name: 'dense_1', className: 'Dense' },
    { name: 'dense_Dense7', className: 'Dense' },
    { name: 'dense_Dense8', className: 'Dense' },
  ]);
  assert.deepEqual(names, ['dense_1', 'dense', 'dense_2']);
});
