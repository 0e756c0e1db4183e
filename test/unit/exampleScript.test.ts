/**
 * examples/mnist_tutorial.py, the walkthrough's script to import: the importer translates every
 * statement of it and the model file it writes is valid, the tutorial MLP on MNIST.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../helpers/tempDir';
import { importAnchors, importKerasScript } from '../../src/core/keras/importKerasScript';
import { parseModelText } from '../../src/core/modelFile';

const script = path.join(repoRoot, 'examples', 'mnist_tutorial.py');
const source = readFileSync(script, 'utf8');

test('examples/mnist_tutorial.py imports with nothing left untranslated, as a valid MNIST model file', () => {
  const result = importKerasScript(source, script);
  assert.equal(result.error, undefined);
  assert.deepEqual(result.warnings, []);
  assert.ok(result.text);
  const parsed = parseModelText(result.text, path.join(repoRoot, 'examples', 'mnist_tutorial.nn.yaml'));
  assert.deepEqual(parsed.diagnostics.filter((d) => d.severity === 'error'), []);
  assert.match(result.text, /^name: mnist_tutorial$/m);
  assert.match(result.text, /dataset: mnist/);
  assert.deepEqual(parsed.spec?.model.map((layer) => layer.type), ['Flatten', 'Dense', 'Dropout', 'Dense']);
});

test('its Import as model file lens goes above `keras.Sequential([`', () => {
  const line = source.split('\n').findIndex((l) => l.includes('keras.Sequential([')) + 1;
  assert.deepEqual(importAnchors(source).map((a) => a.line), [line]);
});
