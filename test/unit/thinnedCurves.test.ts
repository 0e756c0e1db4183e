/** The curves a page saves with setState: thinned, yet the same picture (issue 8). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PanelCurves } from '../../src/shared/panelProtocol';
import { SAVED_POINTS, thinnedCurves } from '../../src/shared/thinnedCurves';

/** A falling loss with a spike and a dip, and an accuracy column, `count` batch points long. */
const longCurves = (count: number): PanelCurves => {
  const x = Array.from({ length: count }, (_, i) => (i + 1) / 100);
  const loss = x.map((_, i) => 1 + 0.5 * Math.sin(i / 7) - i / count);
  const accuracy = x.map((_, i) => (i % 13) / 13);
  loss[4321] = 50;
  loss[7777] = -3;
  return { x, values: { loss, accuracy } };
};

// The budget is per metric (each bucket keeps each column's lowest and highest), plus the first and last point.
const budget = (curves: PanelCurves, maxPoints: number) => maxPoints * Object.keys(curves.values).length + 2;

test('one metric: thinned to its budget of points', () => {
  const curves = longCurves(20_000);
  const lossOnly: PanelCurves = { x: curves.x, values: { loss: curves.values.loss } };
  const thinned = thinnedCurves(lossOnly, 400);
  assert.ok(thinned);
  assert.ok(thinned.x.length <= 402, `${thinned.x.length} points`);
  assert.ok(thinned.x.length >= 300, `${thinned.x.length} points: the picture needs them`);
});

test('a long series keeps its first and last points and its extremes, within the budget', () => {
  const curves = longCurves(20_000);
  const thinned = thinnedCurves(curves, 400);
  assert.ok(thinned);
  assert.ok(thinned.x.length <= budget(curves, 400), `${thinned.x.length} points`);
  assert.ok(thinned.x.length < curves.x.length);
  assert.equal(thinned.x[0], curves.x[0]);
  assert.equal(thinned.x.at(-1), curves.x.at(-1));
  assert.ok(thinned.values.loss.includes(50), 'the spike survives');
  assert.ok(thinned.values.loss.includes(-3), 'the dip survives');
  // Every kept point is a real point: x with its own values, in x order.
  for (let i = 0; i < thinned.x.length; i++) {
    const j = curves.x.indexOf(thinned.x[i]);
    assert.equal(thinned.values.loss[i], curves.values.loss[j]);
    assert.equal(thinned.values.accuracy[i], curves.values.accuracy[j]);
    if (i > 0) assert.ok(thinned.x[i] > thinned.x[i - 1]);
  }
});

test('the default budget is SAVED_POINTS per metric', () => {
  const curves = longCurves(100_000);
  const thinned = thinnedCurves(curves);
  assert.ok(thinned);
  assert.ok(thinned.x.length <= budget(curves, SAVED_POINTS), `${thinned.x.length} points`);
  assert.equal(thinned.values.loss.length, thinned.x.length);
  assert.ok(thinned.values.loss.includes(50));
});

test('a short series passes unchanged', () => {
  const curves: PanelCurves = { x: [0.5, 1, 1.5], values: { loss: [0.9, null, 0.7] } };
  assert.deepEqual(thinnedCurves(curves, 400), curves);
  const atBudget = longCurves(400);
  assert.deepEqual(thinnedCurves(atBudget, 400), atBudget);
  assert.equal(thinnedCurves(undefined), undefined);
});
