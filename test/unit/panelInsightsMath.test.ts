/** The panel's drawing math, checked without a browser: drawings made into model inputs, heatmap bytes, histogram bars, shades. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { centreOfMass, drawingToImage, inkBounds, resampleArea } from '../../webview/shared/math/strokeImage';
import { boundaryPixels, HEAT_STRENGTH, pointColor, type BoundaryGrid, type BoundaryPalette } from '../../webview/shared/math/boundaryPixels';
import { mixRgb, parseColor } from '../../webview/shared/math/colors';
import { histogramBars, valueToX } from '../../webview/shared/math/histogramBars';
import { confusionShade, confusionShades, MISTAKE_SHADE } from '../../webview/shared/math/confusionShade';
import { classProbabilities, formatPercent, topClasses } from '../../webview/shared/math/probabilities';
import { linearScale, niceTicks, paddedExtent } from '../../webview/shared/math/scales';

const PAD = 280;

/** The pad's alpha with a filled rectangle of ink, as a canvas' getImageData gives it (one byte per pixel here). */
function padWithRectangle(x: number, y: number, width: number, height: number, value = 255): Uint8ClampedArray {
  const alpha = new Uint8ClampedArray(PAD * PAD);
  for (let j = y; j < y + height; j++) for (let i = x; i < x + width; i++) alpha[j * PAD + i] = value;
  return alpha;
}

function inkedColumnsAndRows(image: ArrayLike<number>, side: number): { columns: number[]; rows: number[] } {
  const columns = new Set<number>();
  const rows = new Set<number>();
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      if (image[y * side + x] <= 0) continue;
      columns.add(x);
      rows.add(y);
    }
  }
  return { columns: [...columns].sort((a, b) => a - b), rows: [...rows].sort((a, b) => a - b) };
}

test('MNIST: an off-centre rectangle comes out scaled to fit 20x20, aspect ratio kept, its centre of mass at the centre', () => {
  // 100 x 200 pixels in the top-left part of the pad: scaled by 0.1 to 10 x 20.
  const image = drawingToImage(padWithRectangle(20, 30, 100, 200), PAD, PAD, 'mnist');
  assert.equal(image.length, 28 * 28);
  const { columns, rows } = inkedColumnsAndRows(image, 28);
  assert.deepEqual(columns, Array.from({ length: 10 }, (_, i) => 9 + i));
  assert.deepEqual(rows, Array.from({ length: 20 }, (_, i) => 4 + i));
  assert.ok(image.every((v) => v === 0 || Math.abs(v - 1) < 1e-6), 'full ink stays full ink');
  const centre = centreOfMass(image, 28, 28);
  assert.deepEqual(centre, { x: 14, y: 14 });
});

test('MNIST: the centre of mass, not the box, is centred; values stay within 0..1', () => {
  // A thick bar on the left and a thin one on the right: the mass sits left of the box's centre.
  const alpha = padWithRectangle(200, 40, 40, 200);
  for (let j = 40; j < 240; j++) for (let i = 230; i < 240; i++) alpha[j * PAD + i] = 255;
  for (let j = 40; j < 240; j++) for (let i = 150; i < 160; i++) alpha[j * PAD + i] = 255;
  const image = drawingToImage(alpha, PAD, PAD, 'mnist');
  const centre = centreOfMass(image, 28, 28);
  assert.ok(centre && Math.abs(centre.x - 14) <= 0.5 && Math.abs(centre.y - 14) <= 0.5, JSON.stringify(centre));
  assert.ok(image.every((v) => v >= 0 && v <= 1 + 1e-6));
  const box = inkBounds(image, 28, 28);
  assert.equal(box?.height, 20, 'the longer side is 20');
});

test('MNIST: pixels the scaled edges cut through are anti-aliased, not thresholded, and the ink\'s area is kept', () => {
  // A 30 x 30 square with a gap of 5 columns: scaled by 2/3, the gap's edges fall inside output pixels.
  const alpha = padWithRectangle(100, 100, 30, 30);
  for (let j = 100; j < 130; j++) for (let i = 110; i < 115; i++) alpha[j * PAD + i] = 0;
  const image = drawingToImage(alpha, PAD, PAD, 'mnist');
  assert.ok(image.some((v) => v > 0.05 && v < 0.95), 'some pixels are partly inked');
  const total = image.reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(total - 25 * 30 * (20 / 30) ** 2) < 1e-3, String(total));
});

test('digits: the box is scaled to fit 32x32, centred, and 4x4 blocks averaged into 8x8', () => {
  // 100 x 200 -> 16 x 32 in the bitmap, columns 8..23, which are the blocks 2..5, every row.
  const image = drawingToImage(padWithRectangle(150, 50, 100, 200), PAD, PAD, 'digits');
  assert.equal(image.length, 64);
  for (let y = 0; y < 8; y++) {
    assert.deepEqual([...image.slice(y * 8, y * 8 + 8)].map((v) => Number(v.toFixed(6))), [0, 0, 1, 1, 1, 1, 0, 0], `row ${y}`);
  }
  // A faint stroke gives block means below 1 (the caller multiplies by the data's 16).
  const faint = drawingToImage(padWithRectangle(150, 50, 100, 200, 51), PAD, PAD, 'digits');
  assert.ok(Math.abs(Math.max(...faint) - 0.2) < 1e-6);
});

test('no ink gives all zeros of the model\'s size', () => {
  const empty = new Uint8ClampedArray(PAD * PAD);
  assert.deepEqual([...drawingToImage(empty, PAD, PAD, 'mnist')], new Array(784).fill(0));
  assert.deepEqual([...drawingToImage(empty, PAD, PAD, 'digits')], new Array(64).fill(0));
  assert.equal(inkBounds(empty, PAD, PAD), undefined);
});

test('area resampling weighs each source pixel by how much of it a target pixel covers', () => {
  // [1, 0, 0] into 2 pixels of 1.5 source pixels each: (1 + 0.5 * 0) / 1.5 and 0.
  const out = resampleArea([1, 0, 0], 3, { x: 0, y: 0, width: 3, height: 1 }, 2, 1);
  assert.ok(Math.abs(out[0] - 2 / 3) < 1e-6 && out[1] === 0, String([...out]));
  // Enlarging repeats pixels (nearest neighbour where a target lies inside one source pixel).
  assert.deepEqual([...resampleArea([0.25, 1], 2, { x: 0, y: 0, width: 2, height: 1 }, 4, 1)], [0.25, 0.25, 1, 1]);
});

const palette: BoundaryPalette = { background: { r: 0, g: 0, b: 0 }, negative: { r: 255, g: 0, b: 0 }, positive: { r: 0, g: 0, b: 255 }, classes: [{ r: 0, g: 255, b: 0 }, { r: 255, g: 255, b: 0 }] };
const pixel = (bytes: Uint8ClampedArray, columns: number, x: number, y: number) => [...bytes.slice((y * columns + x) * 4, (y * columns + x) * 4 + 4)];

test('heatmap: row 0 of the values is the bottom of the picture; 0 and 1 diverge from the background, 0.5 and NaN are the background', () => {
  // Sent as JSON: NaN arrives as null.
  const grid: BoundaryGrid = { kind: 'binary', columns: 2, rows: 2, values: [0, 1, 0.5, null as unknown as number] };
  const bytes = boundaryPixels(grid, palette);
  assert.equal(bytes.length, 2 * 2 * 4);
  const full = Math.round(255 * HEAT_STRENGTH);
  assert.deepEqual(pixel(bytes, 2, 0, 1), [full, 0, 0, 255], 'bottom left: output 0');
  assert.deepEqual(pixel(bytes, 2, 1, 1), [0, 0, full, 255], 'bottom right: output 1');
  assert.deepEqual(pixel(bytes, 2, 0, 0), [0, 0, 0, 255], 'top left: undecided');
  assert.deepEqual(pixel(bytes, 2, 1, 0), [0, 0, 0, 255], 'top right: NaN');
  const quarter = boundaryPixels({ ...grid, columns: 1, rows: 1, values: [0.75] }, palette);
  assert.deepEqual([...quarter], [0, 0, Math.round(255 * 0.5 * HEAT_STRENGTH), 255]);
});

test('heatmap: classes take their colour, faded by how sure the model is; regression values diverge around the middle of their range', () => {
  const classes: BoundaryGrid = { kind: 'classes', columns: 3, rows: 1, values: [0, 1, 1], confidence: [0.5, 1, 0.75], classNames: ['a', 'b'] };
  const bytes = boundaryPixels(classes, palette);
  assert.deepEqual(pixel(bytes, 3, 0, 0), [0, 0, 0, 255], 'at chance: the background');
  assert.deepEqual(pixel(bytes, 3, 1, 0).slice(0, 3), Object.values(mixRgb(palette.background, palette.classes[1], HEAT_STRENGTH)));
  assert.deepEqual(pixel(bytes, 3, 2, 0).slice(0, 3), Object.values(mixRgb(palette.background, palette.classes[1], 0.5 * HEAT_STRENGTH)));
  const value: BoundaryGrid = { kind: 'value', columns: 3, rows: 1, values: [0, 5, 10], range: [0, 10] };
  const v = boundaryPixels(value, palette);
  const full = Math.round(255 * HEAT_STRENGTH);
  assert.deepEqual([pixel(v, 3, 0, 0), pixel(v, 3, 1, 0), pixel(v, 3, 2, 0)], [[full, 0, 0, 255], [0, 0, 0, 255], [0, 0, full, 255]]);
  assert.deepEqual(pointColor(classes, 0, palette), palette.classes[0]);
  assert.deepEqual(pointColor({ ...classes, kind: 'binary' }, 1, palette), palette.positive);
});

test('colours: hex and rgb() from the theme parse to bytes', () => {
  assert.deepEqual(parseColor('#3794ff'), { r: 0x37, g: 0x94, b: 0xff });
  assert.deepEqual(parseColor(' #cccccc80 '), { r: 204, g: 204, b: 204 });
  assert.deepEqual(parseColor('#fff'), { r: 255, g: 255, b: 255 });
  assert.deepEqual(parseColor('rgba(1, 2, 3, 0.5)'), { r: 1, g: 2, b: 3 });
  assert.equal(parseColor('var(--x)'), undefined);
});

test('histogram bars: heights in proportion to the tallest bin, a bin with any value at least a pixel tall', () => {
  const bars = histogramBars([0, 5, 10], 30, 20);
  assert.deepEqual(bars.map((b) => [b.x, b.y, b.width, b.height]), [[0, 20, 9, 0], [10, 10, 9, 10], [20, 0, 9, 20]]);
  const outlier = histogramBars([1, 1000], 10, 50);
  assert.equal(outlier[0].height, 1);
  assert.deepEqual(histogramBars([], 10, 10), []);
  assert.equal(histogramBars(new Array(100).fill(1), 100, 10)[0].width, 1, 'no gap between bars a pixel wide');
  assert.equal(valueToX(0, -1, 1, 200), 100);
  assert.equal(valueToX(3, 3, 3, 200), 100);
});

test('confusion shades grow with the count, a few mistakes beside many right answers still visible', () => {
  assert.equal(confusionShade(0, 1000), 0);
  assert.equal(confusionShade(1000, 1000), 1);
  assert.ok(Math.abs(confusionShade(10, 1000) - 0.1) < 1e-12);
  assert.equal(confusionShade(3, 0), 0);
  assert.ok(confusionShade(2, 10) < confusionShade(3, 10));
});

test('right answers and mistakes are shaded on scales of their own, so where the mistakes gather shows', () => {
  // MNIST-like: 980 right a class, 8 and 2 wrong.
  const shades = confusionShades([
    [980, 8],
    [2, 900],
  ]);
  assert.equal(shades[0][0], 1);
  assert.ok(Math.abs(shades[1][1] - Math.sqrt(900 / 980)) < 1e-12);
  assert.equal(shades[0][1], MISTAKE_SHADE, 'the largest mistake gets the strongest red');
  assert.ok(Math.abs(shades[1][0] - MISTAKE_SHADE * 0.5) < 1e-12, 'a quarter of the mistakes: half the shade');
  assert.deepEqual(confusionShades([[5, 0], [0, 5]]), [[1, 0], [0, 1]], 'no mistakes: none shaded');
});

test('probabilities: a sigmoid output is read as two classes; the likeliest first; percents do not round to certainty (as the host prints them)', () => {
  assert.deepEqual(classProbabilities([0.964]).map((p) => Number(p.toFixed(3))), [0.036, 0.964]);
  assert.deepEqual(classProbabilities([0.1, 0.7, 0.2]), [0.1, 0.7, 0.2]);
  assert.deepEqual(topClasses([0.1, 0.7, 0.2, 0.0], 3), [{ index: 1, probability: 0.7 }, { index: 2, probability: 0.2 }, { index: 0, probability: 0.1 }]);
  assert.equal(formatPercent(0.999), '99.9%');
  assert.equal(formatPercent(0.964), '96.4%');
  assert.equal(formatPercent(0.99996), '99.9%');
  assert.equal(formatPercent(0.00001), '<0.1%');
  assert.equal(formatPercent(0), '0.0%');
  assert.equal(formatPercent(1), '100%');
  assert.equal(formatPercent(NaN), 'NaN');
});

test('plot scales: padded extents, round ticks, y axes that grow upwards', () => {
  assert.deepEqual(paddedExtent([0, 10], 0.1), [-1, 11]);
  assert.deepEqual(paddedExtent([], 0.1), [0, 1]);
  assert.deepEqual(paddedExtent([2, 2]), [1.5, 2.5]);
  assert.deepEqual(niceTicks(0, 1, 5), [0, 0.2, 0.4, 0.6, 0.8, 1]);
  assert.deepEqual(niceTicks(-0.13, 1.13, 5), [0, 0.5, 1]);
  assert.deepEqual(niceTicks(4.3, 7.9, 4), [5, 6, 7]);
  const y = linearScale([0, 10], [100, 0]);
  assert.equal(y(0), 100);
  assert.equal(y(2.5), 75);
});
