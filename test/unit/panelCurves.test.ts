/** How batch points join a run's curves: the host's live state and the panel apply the same function. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withPoints } from '../../src/shared/panelCurves';

test('points append as columns; a metric missing from a point is a gap; non-finite values become null', () => {
  let curves = withPoints(undefined, [{ x: 0.5, metrics: { loss: 1, accuracy: 0.5 } }]);
  curves = withPoints(curves, [{ x: 1, metrics: { loss: NaN } }, { x: 1.5, metrics: { loss: 0.5, accuracy: 0.75 } }]);
  assert.deepEqual(curves, { x: [0.5, 1, 1.5], values: { loss: [1, null, 0.5], accuracy: [0.5, null, 0.75] } });
});

test('replayed points (at or before the last x) are ignored, so applying a message twice changes nothing', () => {
  const once = withPoints(undefined, [{ x: 1, metrics: { loss: 1 } }, { x: 2, metrics: { loss: 0.5 } }]);
  const twice = withPoints(once, [{ x: 2, metrics: { loss: 9 } }]);
  assert.equal(twice, once, 'nothing new: the same object');
  assert.deepEqual(withPoints(once, [{ x: 2, metrics: { loss: 9 } }, { x: 3, metrics: { loss: 0.25 } }])?.values.loss, [1, 0.5, 0.25]);
});

test("the input curves are never changed (the page's saved state and the host's snapshot stay as they were)", () => {
  const before = withPoints(undefined, [{ x: 1, metrics: { loss: 1 } }]);
  const copy = structuredClone(before);
  withPoints(before, [{ x: 2, metrics: { loss: 0.5 } }]);
  assert.deepEqual(before, copy);
});
