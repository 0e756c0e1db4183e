import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { Writable } from 'stream';
import { ProgressReporter } from '../../src/cli/progressReporter';
import type { RunStartedEvent } from '../../src/shared/trainingEvents';

function capture(columns?: number): { stream: Writable & { columns?: number }; text: () => string } {
  let text = '';
  const stream: Writable & { columns?: number } = new Writable({
    write(chunk: Buffer, _enc, done) {
      text += chunk.toString();
      done();
    },
  });
  stream.columns = columns;
  return { stream, text: () => text };
}

const batch = (n: number, epoch = 1) => ({ type: 'batchEnd' as const, epoch, epochs: 2, batch: n, batchesPerEpoch: 4, metrics: { loss: 0.5, accuracy: 0.75 }, elapsedMs: 1500 * n });
const epochEnd = (epoch = 1) => ({ type: 'epochEnd' as const, epoch, epochs: 2, metrics: { loss: 0.4, accuracy: 0.8, val_loss: 0.45, val_accuracy: 0.78 }, epochMs: 6100 });

test('on a terminal: one line per epoch, redrawn in place with an ETA, finalised with the epoch metrics', () => {
  const out = capture();
  const reporter = new ProgressReporter(out.stream, { interactive: true });
  for (const epoch of [1, 2]) {
    for (const n of [1, 2, 3, 4]) reporter.handle(batch(n, epoch));
    reporter.handle(epochEnd(epoch));
  }
  const text = out.text();
  // Two epochs, two lines: every redraw returns to the start of the line and clears it.
  assert.equal(text.split('\n').length - 1, 2, JSON.stringify(text));
  // eslint-disable-next-line no-control-regex -- the escape that clears the rest of the line is what is tested
  assert.match(text, /^\rEpoch 1\/2 - 1\/4 \[======>\.{23}\] - ETA: 5s - loss: 0\.5000 - accuracy: 0\.7500\x1b\[K/);
  // eslint-disable-next-line no-control-regex -- the escape that clears the rest of the line is what is tested
  const finished = /\rEpoch (\d)\/2 - 4\/4 \[={30}\] - 6s - loss: 0\.4000 - accuracy: 0\.8000 - val_loss: 0\.4500 - val_accuracy: 0\.7800\x1b\[K\n/g;
  assert.deepEqual([...text.matchAll(finished)].map((m) => m[1]), ['1', '2']);
  assert.doesNotMatch(text, /\nEpoch/, 'no header line of its own');
});

test('on a narrow terminal the live line is cut to fit, so the carriage return can overwrite it', () => {
  const out = capture(40);
  const reporter = new ProgressReporter(out.stream, { interactive: true });
  reporter.handle(batch(1));
  // eslint-disable-next-line no-control-regex -- the escape that clears the rest of the line is part of the line
  const live = out.text().replace(/^\r/, '').replace(/\x1b\[K$/, '');
  assert.equal(live.length, 39);
});

test('not on a terminal: one plain line per epoch and no bar (Keras verbose=2)', () => {
  const out = capture();
  const reporter = new ProgressReporter(out.stream, { interactive: false });
  reporter.handle(batch(1));
  reporter.handle(epochEnd());
  assert.equal(out.text(), 'Epoch 1/2 - 6s - loss: 0.4000 - accuracy: 0.8000 - val_loss: 0.4500 - val_accuracy: 0.7800\n');
});

const runStarted = (backend: string, backendReason: string): RunStartedEvent => ({
  type: 'runStarted',
  runDir: '/runs/xor/1',
  backend,
  backendReason,
  epochs: 1,
  batchesPerEpoch: 1,
  trainSamples: 4,
  validationSamples: 0,
  seed: 7,
  notes: [],
});
const nodeMissing = "tfjs-node not available: Cannot find module '@tensorflow/tfjs-node'; wasm (SIMD) runs every layer of this model";

test('the backend line says what the backend is and how to get a faster one, not why a module failed to load', () => {
  const headline = (backend: string, reason: string) => {
    const out = capture();
    new ProgressReporter(out.stream, { interactive: false }).handle(runStarted(backend, reason));
    return out.text().split('\n')[0];
  };
  assert.equal(headline('wasm', nodeMissing), 'Backend: wasm (WebAssembly, SIMD). Install @tensorflow/tfjs-node for native speed.');
  assert.equal(headline('wasm', 'requested'), 'Backend: wasm (WebAssembly, SIMD).');
  assert.equal(headline('node', 'tfjs-node (native TensorFlow) loaded'), 'Backend: node (native TensorFlow, through @tensorflow/tfjs-node).');
  assert.equal(
    headline('cpu', "tfjs-node not available: Cannot find module 'x'; wasm lacks Conv2DBackpropFilter for this model's layers; using the pure-JavaScript cpu backend"),
    'Backend: cpu (plain JavaScript, the slowest). Install @tensorflow/tfjs-node for native speed.',
  );
  assert.equal(headline('cpu', 'requested'), 'Backend: cpu (plain JavaScript, the slowest).');
  // auto's pick for a tiny model: cpu for speed, so neither "the slowest" nor the tfjs-node hint.
  assert.equal(
    headline('cpu', `${nodeMissing}; a model this small (260 multiply-adds a batch) trains faster on the pure-JavaScript cpu backend than on wasm`),
    'Backend: cpu (plain JavaScript, the fastest for a model this small).',
  );
});

test('--verbose adds the full reason for the backend under its line', () => {
  const out = capture();
  new ProgressReporter(out.stream, { interactive: false, verbose: true }).handle(runStarted('wasm', nodeMissing));
  assert.equal(out.text().split('\n')[1], `Backend details: ${nodeMissing}`);
});
