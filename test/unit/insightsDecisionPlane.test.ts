/** The decision boundary's plane, the points the model is run over, and the training points kept. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decisionPlane, planeCellCentres, spreadIndices } from '../../src/core/insights/decisionPlane';

test("XOR's plane: 0..1 padded by a tenth on each side, 64 cells each way", () => {
  const plane = decisionPlane([0, 0, 1, 1], Float32Array.from([0, 1, 0, 1]), ['x1', 'x2']);
  assert.deepEqual(plane, { x: { name: 'x1', min: -0.1, max: 1.1 }, y: { name: 'x2', min: -0.1, max: 1.1 }, columns: 64, rows: 64 });
  const centres = planeCellCentres(plane);
  assert.equal(centres.length, 64 * 64 * 2);
  // The first cell is bottom left, the last top right, half a cell (1.2 / 128) in from the corners.
  assert.ok(Math.abs(centres[0] - (-0.1 + 1.2 / 128)) < 1e-6 && Math.abs(centres[1] - (-0.1 + 1.2 / 128)) < 1e-6);
  assert.ok(Math.abs(centres[centres.length - 2] - (1.1 - 1.2 / 128)) < 1e-6 && Math.abs(centres[centres.length - 1] - (1.1 - 1.2 / 128)) < 1e-6);
});

test('each axis has its own range; the cell count is the same both ways', () => {
  const plane = decisionPlane([-5, 5, 0], [100, 200, 300], ['sepal', 'petal'], 10);
  assert.deepEqual(plane.x, { name: 'sepal', min: -6, max: 6 });
  assert.deepEqual(plane.y, { name: 'petal', min: 80, max: 320 });
  assert.equal(plane.columns, 10);
  assert.equal(plane.rows, 10);
});

test('centres of a 2x2 plane, row by row from the bottom', () => {
  // x 0..2 in cells 1 wide, y 10..14 in cells 2 high: centres x 0.5, 1.5 and y 11, 13.
  const centres = planeCellCentres({ x: { name: 'a', min: 0, max: 2 }, y: { name: 'b', min: 10, max: 14 }, columns: 2, rows: 2 });
  assert.deepEqual(Array.from(centres), [0.5, 11, 1.5, 11, 0.5, 13, 1.5, 13]);
});

test('a plane of 3 columns and 2 rows', () => {
  const centres = planeCellCentres({ x: { name: 'a', min: 0, max: 3 }, y: { name: 'b', min: -1, max: 1 }, columns: 3, rows: 2 });
  assert.deepEqual(Array.from(centres), [0.5, -0.5, 1.5, -0.5, 2.5, -0.5, 0.5, 0.5, 1.5, 0.5, 2.5, 0.5]);
});

test('a constant axis gets ±1 around its value; NaN and infinite values are left out; no value gives -1..1', () => {
  const plane = decisionPlane([3, 3, 3], [0, NaN, 10, Infinity], ['c', 'y'], 4);
  assert.deepEqual(plane.x, { name: 'c', min: 2, max: 4 });
  assert.deepEqual(plane.y, { name: 'y', min: -1, max: 11 });
  assert.deepEqual(decisionPlane([], [NaN], ['a', 'b']).x, { name: 'a', min: -1, max: 1 });
  assert.deepEqual(decisionPlane([], [NaN], ['a', 'b']).y, { name: 'b', min: -1, max: 1 });
  assert.throws(() => decisionPlane([0], [0], ['a', 'b'], 0), RangeError);
});

test('spreadIndices: all of them when they fit', () => {
  assert.deepEqual(spreadIndices(5, 500), [0, 1, 2, 3, 4]);
  assert.deepEqual(spreadIndices(3, 3), [0, 1, 2]);
  assert.deepEqual(spreadIndices(0, 500), []);
});

test('spreadIndices: evenly over the whole range, first and last included', () => {
  assert.deepEqual(spreadIndices(7, 3), [0, 3, 6]);
  assert.deepEqual(spreadIndices(10, 4), [0, 3, 6, 9]);
  assert.deepEqual(spreadIndices(10, 3), [0, 5, 9]); // 4.5 rounds up
  assert.deepEqual(spreadIndices(10, 1), [0]);
  assert.deepEqual(spreadIndices(10, 0), []);
  for (const count of [501, 1000, 12_345, 60_000]) {
    const kept = spreadIndices(count, 500);
    assert.equal(kept.length, 500);
    assert.equal(kept[0], 0);
    assert.equal(kept[499], count - 1);
    const step = (count - 1) / 499;
    for (let i = 1; i < kept.length; i++) {
      const gap = kept[i] - kept[i - 1];
      assert.ok(gap >= Math.floor(step) && gap <= Math.ceil(step), `${count}: gap ${gap} at ${i}`);
    }
  }
  assert.throws(() => spreadIndices(-1, 5), RangeError);
  assert.throws(() => spreadIndices(10, 2.5), RangeError);
});
