import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { evaluateResultText, metricsResultText, trainingResultText } from '../../src/core/resultText';

test('the end of training says epochs in the singular and the plural', () => {
  assert.equal(trainingResultText({ name: 'xor', status: 'stopped', epochsCompleted: 1 }), 'xor: stopped after 1 epoch');
  assert.equal(trainingResultText({ name: 'xor', status: 'stopped', epochsCompleted: 2 }), 'xor: stopped after 2 epochs');
  assert.equal(trainingResultText({ name: 'mnist', status: 'completed', epochsCompleted: 1500 }), 'mnist: completed after 1,500 epochs');
});

test('a run without metrics has no dangling separator', () => {
  assert.equal(trainingResultText({ name: 'xor', status: 'stopped', epochsCompleted: 0, finalMetrics: {} }), 'xor: stopped after 0 epochs');
  assert.equal(metricsResultText({}, { split: 'train' }), '');
  assert.equal(metricsResultText(undefined, { split: 'test', samples: 3 }), '');
});

test('an evaluation says whether it is on test or training data, and how many samples, with thousands separators', () => {
  const test10k = { split: 'test' as const, samples: 10000, metrics: { loss: 0.12714, accuracy: 0.96231 } };
  assert.equal(evaluateResultText('mnist-mlp', test10k), 'Evaluate mnist-mlp: accuracy 0.9623 · loss 0.1271 on 10,000 test samples');
  assert.equal(
    trainingResultText({ name: 'xor', status: 'completed', epochsCompleted: 300, evaluation: { split: 'train', samples: 4, metrics: { loss: 0.0123, accuracy: 1 } } }),
    'xor: completed after 300 epochs · accuracy 1.0000 · loss 0.0123 on 4 training samples',
  );
  assert.equal(evaluateResultText('one', { split: 'test', samples: 1, metrics: { loss: 0.5 } }), 'Evaluate one: loss 0.5000 on 1 test sample');
});

test('every metric shows in the file order with the loss last; validation metrics do not', () => {
  const evaluation = { split: 'test' as const, samples: 114, metrics: { loss: 0.06, accuracy: 0.9825, precision: 0.97, recall: 0.98 } };
  assert.equal(
    trainingResultText({ name: 'breast-cancer', status: 'early_stopped', epochsCompleted: 12, evaluation }),
    'breast-cancer: early stopped after 12 epochs · accuracy 0.9825 · precision 0.9700 · recall 0.9800 · loss 0.0600 on 114 test samples',
  );
});

test("a stopped run's last-epoch metrics are on the training data", () => {
  const finalMetrics = { loss: 0.5, accuracy: 0.75, val_loss: 0.7, val_accuracy: 0.5 };
  assert.equal(
    trainingResultText({ name: 'xor', status: 'stopped', epochsCompleted: 12, finalMetrics, trainSamples: 54000 }),
    'xor: stopped after 12 epochs · accuracy 0.7500 · loss 0.5000 on 54,000 training samples',
  );
  assert.equal(trainingResultText({ name: 'xor', status: 'stopped', epochsCompleted: 12, finalMetrics }), 'xor: stopped after 12 epochs · accuracy 0.7500 · loss 0.5000 on training data');
});
