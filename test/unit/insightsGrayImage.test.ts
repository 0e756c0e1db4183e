/** Grayscale samples as pictures: bytes in base64, clamped, from anywhere in a flat feature array. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeGrayImage, grayImage, inkMaximum } from '../../src/core/insights/grayImage';

test('MNIST bytes round-trip through base64', () => {
  const image = grayImage(Uint8Array.from([0, 255, 128, 64]), 0, 2, 2, 255);
  assert.deepEqual(image, { width: 2, height: 2, pixels: 'AP+AQA==' });
  assert.deepEqual(decodeGrayImage(image), Uint8Array.from([0, 255, 128, 64]));
});

test('values map 0..maxValue to 0..255, rounded and clamped; NaN is no ink', () => {
  // sklearn digits: 16 is full ink, 8 is 127.5 and rounds to 128.
  const image = grayImage([-5, 300, NaN, Infinity, -Infinity, 8, 16, 1], 0, 4, 2, 16);
  assert.deepEqual(Array.from(decodeGrayImage(image)), [0, 255, 0, 255, 0, 128, 255, 16]);
  // Floats normalized to 0..1.
  assert.deepEqual(Array.from(decodeGrayImage(grayImage(Float32Array.from([0, 0.5, 1, 1.5]), 0, 4, 1, 1))), [0, 128, 255, 255]);
});

test('the sample at an offset of a flat feature array', () => {
  const features = Float32Array.from([1, 2, 3, 4, 10, 20, 30, 40, 5, 6, 7, 8]);
  assert.deepEqual(Array.from(decodeGrayImage(grayImage(features, 4, 2, 2, 40))), [64, 128, 191, 255]);
  assert.deepEqual(Array.from(decodeGrayImage(grayImage(features, 8, 4, 1, 255))), [5, 6, 7, 8]);
});

test('an image past the end of the array, or no full ink, is a RangeError', () => {
  assert.throws(() => grayImage(new Uint8Array(8), 5, 2, 2, 255), { name: 'RangeError', message: /needs 9 values; there are 8/ });
  assert.throws(() => grayImage(new Uint8Array(4), 0, 2, 2, 0), { name: 'RangeError', message: /full ink/ });
  assert.throws(() => grayImage(new Uint8Array(4), 0, 2, 2, NaN), RangeError);
  assert.throws(() => grayImage(new Uint8Array(4), -1, 2, 2, 255), RangeError);
  assert.throws(() => decodeGrayImage({ width: 3, height: 3, pixels: 'AP+AQA==' }), { name: 'RangeError', message: /9 pixels, not 4/ });
});

test('inkMaximum: the largest finite value, 1 when none is above 0', () => {
  assert.equal(inkMaximum(Uint8Array.from([0, 12, 255, 3])), 255);
  assert.equal(inkMaximum([0, 16, 3, 9]), 16);
  assert.equal(inkMaximum(Float32Array.from([0.25, NaN, Infinity, 0.75, -Infinity])), 0.75);
  assert.equal(inkMaximum([]), 1);
  assert.equal(inkMaximum(new Uint8Array(10)), 1);
  assert.equal(inkMaximum([-3, -1]), 1);
  assert.equal(inkMaximum([NaN]), 1);
});

// Its speed is measured by `npm run bench`, not here: a timed test fails on a busy machine.
test("inkMaximum reads MNIST's 47 million training bytes to the end when 255 never comes", () => {
  const bytes = new Uint8Array(60_000 * 784);
  for (let i = 0; i < bytes.length; i += 97) bytes[i] = i % 200;
  bytes[bytes.length - 1] = 254;
  assert.equal(inkMaximum(bytes), 254);
  bytes[1000] = 255;
  assert.equal(inkMaximum(bytes), 255, 'full ink found early ends the scan');
});
