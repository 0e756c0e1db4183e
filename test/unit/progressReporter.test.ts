import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { Writable } from 'stream';
import { ProgressReporter } from '../../src/cli/progressReporter';

function capture(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}

const batch = (n: number) => ({ type: 'batchEnd' as const, epoch: 1, epochs: 2, batch: n, batchesPerEpoch: 4, metrics: { loss: 0.5, accuracy: 0.75 }, elapsedMs: 1500 });
const epochEnd = { type: 'epochEnd' as const, epoch: 1, epochs: 2, metrics: { loss: 0.4, accuracy: 0.8, val_loss: 0.45, val_accuracy: 0.78 }, epochMs: 2100 };

test('on a terminal: Keras verbose=1, a header, then a bar redrawn in place that ends with the epoch metrics', () => {
  const out = capture();
  const reporter = new ProgressReporter(out.stream, true);
  reporter.handle(batch(1));
  reporter.handle(batch(4));
  reporter.handle(epochEnd);
  const text = out.text();
  assert.match(text, /^Epoch 1\/2\n/);
  assert.match(text, /\r1\/4 \[======>\.{23}\] - 2s - loss: 0\.5000 - accuracy: 0\.7500/);
  assert.match(text, /\r4\/4 \[={30}\]/);
  // eslint-disable-next-line no-control-regex -- the escape that clears the rest of the line is what is tested
  assert.match(text, /\r4\/4 \[={30}\] - 2s - loss: 0\.4000 - accuracy: 0\.8000 - val_loss: 0\.4500 - val_accuracy: 0\.7800\x1b\[K\n$/);
});

test('not on a terminal: one plain line per epoch and no bar (Keras verbose=2)', () => {
  const out = capture();
  const reporter = new ProgressReporter(out.stream, false);
  reporter.handle(batch(1));
  reporter.handle(epochEnd);
  assert.equal(out.text(), 'Epoch 1/2 - 2s - loss: 0.4000 - accuracy: 0.8000 - val_loss: 0.4500 - val_accuracy: 0.7800\n');
});
