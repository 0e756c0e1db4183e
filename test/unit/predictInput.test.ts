/** What a user may type into Predict's input box. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePredictInput } from '../../src/host/commands/predictInput';

test('a JSON list is one sample, a list of lists several', () => {
  assert.deepEqual(parsePredictInput('[0, 1]'), { input: [0, 1] });
  assert.deepEqual(parsePredictInput(' [[0, 0], [1, 1]] '), { input: [[0, 0], [1, 1]] });
});

test('plain comma-separated numbers are one sample', () => {
  assert.deepEqual(parsePredictInput('5.1, 3.5, 1.4, 0.2'), { input: [5.1, 3.5, 1.4, 0.2] });
});

test('empty means the model file\'s predict section', () => {
  assert.deepEqual(parsePredictInput('   '), { input: undefined });
});

test('anything else is refused with what is valid', () => {
  for (const bad of ['[0, "a"]', '[1, 2', 'true', '[]', '[NaN]']) {
    const parsed = parsePredictInput(bad);
    assert.ok('error' in parsed, bad);
    assert.match(parsed.error, /\[/, bad);
  }
});
