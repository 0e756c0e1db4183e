import { SERIES_COLORS, themeColor, type ChartColor } from '../../shared/themeColors';
import { parseColor, type Rgb } from '../../shared/math/colors';
import type { BoundaryPalette } from '../../shared/math/boundaryPixels';

let probe: CanvasRenderingContext2D | null | undefined;

/** A theme colour as bytes, for pictures drawn pixel by pixel; a colour the parser does not know is normalized by a canvas. */
export function themeRgb(color: ChartColor): Rgb {
  const text = themeColor(color);
  const parsed = parseColor(text);
  if (parsed) return parsed;
  probe ??= document.createElement('canvas').getContext('2d');
  if (probe) {
    probe.fillStyle = '#888888';
    probe.fillStyle = text;
    const normalized = parseColor(String(probe.fillStyle));
    if (normalized) return normalized;
  }
  return { r: 136, g: 136, b: 136 };
}

/**
 * The boundary's colours: class 0 orange and class 1 blue as in the TensorFlow Playground, the
 * series colours for more classes, all from --vscode-charts-*.
 */
export function boundaryPalette(): BoundaryPalette {
  return { background: themeRgb('background'), negative: themeRgb('orange'), positive: themeRgb('blue'), classes: SERIES_COLORS.map((c) => themeRgb(c)) };
}
