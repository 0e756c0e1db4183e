import type { GrayImage } from '../../../src/shared/insightTypes';
import { el } from '../../shared/dom';
import { mixRgb, type Rgb } from '../../shared/math/colors';

/** The image's bytes (0 no ink .. 255 full ink) from its base64. */
export function grayBytes(image: GrayImage): Uint8Array {
  const text = atob(image.pixels);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/**
 * Paints intensities (0..1, row by row) onto `canvas` at one pixel each: the page scales it up with
 * `image-rendering: pixelated`, nearest neighbour, so every pixel the model saw stays a square.
 */
export function paintGray(canvas: HTMLCanvasElement, values: ArrayLike<number>, width: number, height: number, ink: Rgb, paper: Rgb): void {
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) return;
  const image = context.createImageData(width, height);
  for (let i = 0; i < width * height; i++) {
    const color = mixRgb(paper, ink, values[i] ?? 0);
    image.data[i * 4] = color.r;
    image.data[i * 4 + 1] = color.g;
    image.data[i * 4 + 2] = color.b;
    image.data[i * 4 + 3] = 255;
  }
  context.putImageData(image, 0, 0);
}

/** A sample's picture as a canvas, `scale` screen pixels per image pixel. */
export function grayCanvas(image: GrayImage, scale: number, label: string, ink: Rgb, paper: Rgb): HTMLCanvasElement {
  const canvas = el('canvas', { className: 'gray-image', attrs: { role: 'img', 'aria-label': label } });
  const bytes = grayBytes(image);
  const values = new Float32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) values[i] = bytes[i] / 255;
  paintGray(canvas, values, image.width, image.height, ink, paper);
  canvas.style.width = `${image.width * scale}px`;
  canvas.style.height = `${image.height * scale}px`;
  return canvas;
}
