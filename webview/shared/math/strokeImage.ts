/**
 * A drawing on the `Draw a digit` pad made to look like the images the model was trained on, as the
 * data sets themselves were made (pure, so the unit tests check it without a canvas):
 * - MNIST: the digit's bounding box scaled, aspect ratio kept and anti-aliased, to fit a 20x20 box,
 *   then placed in the 28x28 field so that its centre of mass is at the centre.
 * - scikit-learn's digits (UCI optdigits): the bounding box scaled to fit 32x32, centred, then the
 *   pixels of each 4x4 block averaged into one of 8x8 (UCI counted the 16 "on" pixels of a block).
 */

export type DrawingStyle = 'mnist' | 'digits';

/** A box of pixels: its top-left corner and its size. */
export interface PixelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** MNIST: 28x28 images whose digit fits 20x20 (LeCun et al.'s normalization). */
const MNIST_SIZE = 28;
const MNIST_BOX = 20;
/** optdigits: 32x32 bitmaps in 4x4 blocks. */
const DIGITS_BITMAP = 32;
const DIGITS_BLOCK = 4;

/** The image the model takes (values 0..1, row by row) from the pad's ink (alpha 0..255, row by row); all zeros without ink. */
export function drawingToImage(alpha: ArrayLike<number>, width: number, height: number, style: DrawingStyle): Float32Array {
  const ink = new Float32Array(width * height);
  for (let i = 0; i < ink.length; i++) ink[i] = Math.min(Math.max(alpha[i] / 255, 0), 1);
  const box = inkBounds(ink, width, height);
  if (style === 'mnist') {
    const out = new Float32Array(MNIST_SIZE * MNIST_SIZE);
    if (!box) return out;
    const size = fitted(box, MNIST_BOX);
    const digit = resampleArea(ink, width, box, size.width, size.height);
    const centre = centreOfMass(digit, size.width, size.height) ?? { x: size.width / 2, y: size.height / 2 };
    // A centre of mass near one end (a 7's bar) could push the box off the field: keep all the ink.
    const x = clamp(Math.round(MNIST_SIZE / 2 - centre.x), 0, MNIST_SIZE - size.width);
    const y = clamp(Math.round(MNIST_SIZE / 2 - centre.y), 0, MNIST_SIZE - size.height);
    paste(digit, size.width, size.height, out, MNIST_SIZE, x, y);
    return out;
  }
  const side = DIGITS_BITMAP / DIGITS_BLOCK;
  if (!box) return new Float32Array(side * side);
  const size = fitted(box, DIGITS_BITMAP);
  const bitmap = new Float32Array(DIGITS_BITMAP * DIGITS_BITMAP);
  paste(resampleArea(ink, width, box, size.width, size.height), size.width, size.height, bitmap, DIGITS_BITMAP, Math.floor((DIGITS_BITMAP - size.width) / 2), Math.floor((DIGITS_BITMAP - size.height) / 2));
  return resampleArea(bitmap, DIGITS_BITMAP, { x: 0, y: 0, width: DIGITS_BITMAP, height: DIGITS_BITMAP }, side, side);
}

/** The smallest box holding every pixel with any ink, or undefined when there is none. */
export function inkBounds(image: ArrayLike<number>, width: number, height: number): PixelBox | undefined {
  let left = width;
  let right = -1;
  let top = height;
  let bottom = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (image[y * width + x] <= 0) continue;
      if (x < left) left = x;
      if (x > right) right = x;
      if (y < top) top = y;
      bottom = y;
    }
  }
  return right < 0 ? undefined : { x: left, y: top, width: right - left + 1, height: bottom - top + 1 };
}

/**
 * `box` of `source` (row by row, `sourceWidth` wide) resampled to `width x height`: each pixel the
 * mean of the source area it covers, pixels cut by its edges weighted by how much of them it covers
 * (a box filter: anti-aliased when shrinking, blocky when enlarging).
 */
export function resampleArea(source: ArrayLike<number>, sourceWidth: number, box: PixelBox, width: number, height: number): Float32Array {
  const columns = coverage(box.x, box.width, width);
  const rows = coverage(box.y, box.height, height);
  // Separable: first along each row of the box, then down the columns.
  const across = new Float32Array(box.height * width);
  for (let y = 0; y < box.height; y++) {
    const row = (box.y + y) * sourceWidth;
    for (let i = 0; i < width; i++) {
      let sum = 0;
      for (const [x, w] of columns[i]) sum += w * source[row + x];
      across[y * width + i] = sum;
    }
  }
  const out = new Float32Array(width * height);
  const area = (box.width / width) * (box.height / height);
  for (let j = 0; j < height; j++) {
    for (let i = 0; i < width; i++) {
      let sum = 0;
      for (const [y, w] of rows[j]) sum += w * across[(y - box.y) * width + i];
      out[j * width + i] = sum / area;
    }
  }
  return out;
}

/** The intensity-weighted mean position, pixel centres at i + 0.5; undefined for an empty image. */
export function centreOfMass(image: ArrayLike<number>, width: number, height: number): { x: number; y: number } | undefined {
  let mass = 0;
  let sx = 0;
  let sy = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = image[y * width + x];
      mass += v;
      sx += v * (x + 0.5);
      sy += v * (y + 0.5);
    }
  }
  return mass > 0 ? { x: sx / mass, y: sy / mass } : undefined;
}

/** The box's size scaled so that its longer side is `side`, aspect ratio kept (at least 1 pixel). */
function fitted(box: PixelBox, side: number): { width: number; height: number } {
  const scale = side / Math.max(box.width, box.height);
  return { width: clamp(Math.round(box.width * scale), 1, side), height: clamp(Math.round(box.height * scale), 1, side) };
}

/** For each of `count` target pixels over source pixels start..start+length: the source pixels it covers and by how much. */
function coverage(start: number, length: number, count: number): Array<Array<[number, number]>> {
  const step = length / count;
  return Array.from({ length: count }, (_, i) => {
    const from = start + i * step;
    const to = from + step;
    const covered: Array<[number, number]> = [];
    for (let k = Math.floor(from); k < Math.ceil(to - 1e-9); k++) {
      const w = Math.min(to, k + 1) - Math.max(from, k);
      if (w > 0) covered.push([k, w]);
    }
    return covered;
  });
}

function paste(image: Float32Array, width: number, height: number, into: Float32Array, intoWidth: number, x: number, y: number): void {
  const intoHeight = into.length / intoWidth;
  for (let j = 0; j < height; j++) {
    if (y + j < 0 || y + j >= intoHeight) continue;
    for (let i = 0; i < width; i++) {
      if (x + i < 0 || x + i >= intoWidth) continue;
      into[(y + j) * intoWidth + x + i] = image[j * width + i];
    }
  }
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}
