/**
 * Grayscale samples (MNIST, sklearn digits) as small pictures for the panel: bytes 0..255 in base64,
 * so a gallery of 100 MNIST digits is 100 KB of JSON rather than 80,000 numbers.
 */
import type { GrayImage } from '../../shared/insightTypes';
import { checkCount } from './classIndices';

/** The `width * height` values from `offset` of a flat feature array as a picture, `maxValue` being full ink. */
export function grayImage(values: ArrayLike<number>, offset: number, width: number, height: number, maxValue: number): GrayImage {
  checkCount(width, 'The image width', 1);
  checkCount(height, 'The image height', 1);
  checkCount(offset, 'The offset');
  const size = width * height;
  if (offset + size > values.length) {
    throw new RangeError(`A ${width}x${height} image from offset ${offset} needs ${offset + size} values; there are ${values.length}`);
  }
  if (!(maxValue > 0 && maxValue < Infinity)) throw new RangeError(`The value of full ink must be a finite number > 0, not ${maxValue}`);
  const scale = 255 / maxValue;
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) {
    const v = Math.round(values[offset + i] * scale);
    // Out of range values clamp; NaN fails `v > 0` and stays 0 (no ink).
    bytes[i] = v > 255 ? 255 : v > 0 ? v : 0;
  }
  return { width, height, pixels: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64') };
}

/** The bytes of a picture, `width * height` of them row by row (for tests and the CLI). */
export function decodeGrayImage(image: GrayImage): Uint8Array {
  const bytes = Buffer.from(image.pixels, 'base64');
  if (bytes.length !== image.width * image.height) {
    throw new RangeError(`A ${image.width}x${image.height} image has ${image.width * image.height} pixels, not ${bytes.length}`);
  }
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length).slice();
}

/** Elements scanned between checks for full ink, so a byte array stops early without a check per element. */
const BLOCK = 65_536;

/** The raw value of full ink in a feature array: its largest finite value (255 for MNIST, 16 for digits), 1 when none is > 0. */
export function inkMaximum(values: ArrayLike<number>): number {
  // Bytes cannot exceed 255: MNIST reaches it in its first image, so the other 47 million go unread.
  const ceiling = values instanceof Uint8Array || values instanceof Uint8ClampedArray ? 255 : Infinity;
  const n = values.length;
  // Four running maxima: their comparisons do not wait on one another, which made the scan of 47
  // million bytes about 40% faster than one maximum. NaN fails `>`, Infinity fails `< Infinity`.
  let m0 = -Infinity;
  let m1 = -Infinity;
  let m2 = -Infinity;
  let m3 = -Infinity;
  for (let start = 0; start < n; start += BLOCK) {
    const end = Math.min(n, start + BLOCK);
    let i = start;
    for (; i + 3 < end; i += 4) {
      const a = values[i];
      const b = values[i + 1];
      const c = values[i + 2];
      const d = values[i + 3];
      if (a > m0 && a < Infinity) m0 = a;
      if (b > m1 && b < Infinity) m1 = b;
      if (c > m2 && c < Infinity) m2 = c;
      if (d > m3 && d < Infinity) m3 = d;
    }
    for (; i < end; i++) {
      const v = values[i];
      if (v > m0 && v < Infinity) m0 = v;
    }
    if (m0 >= ceiling || m1 >= ceiling || m2 >= ceiling || m3 >= ceiling) break;
  }
  const max = Math.max(m0, m1, m2, m3);
  return max > 0 ? max : 1;
}
