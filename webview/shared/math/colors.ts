/**
 * Colours as numbers, for pictures drawn pixel by pixel (heatmaps, shades): the theme gives CSS
 * strings, an ImageData takes bytes.
 */

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/** `#rgb`, `#rrggbb`, `#rrggbbaa` (alpha dropped) or `rgb()/rgba()`; undefined for anything else. */
export function parseColor(text: string): Rgb | undefined {
  const value = text.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3,8})$/.exec(value);
  if (hex) {
    const digits = hex[1];
    if (digits.length === 3 || digits.length === 4) {
      const [r, g, b] = [...digits].map((d) => parseInt(d + d, 16));
      return { r, g, b };
    }
    if (digits.length === 6 || digits.length === 8) {
      return { r: parseInt(digits.slice(0, 2), 16), g: parseInt(digits.slice(2, 4), 16), b: parseInt(digits.slice(4, 6), 16) };
    }
    return undefined;
  }
  const rgb = /^rgba?\(([^)]+)\)$/.exec(value);
  if (!rgb) return undefined;
  const parts = rgb[1].split(/[\s,/]+/).filter(Boolean).slice(0, 3).map(Number);
  if (parts.length < 3 || parts.some((p) => !Number.isFinite(p))) return undefined;
  const [r, g, b] = parts.map((p) => Math.round(Math.min(Math.max(p, 0), 255)));
  return { r, g, b };
}

/** `from` moved towards `to` by `t` (0 = from, 1 = to), rounded to bytes. */
export function mixRgb(from: Rgb, to: Rgb, t: number): Rgb {
  const k = Math.min(Math.max(t, 0), 1);
  return { r: Math.round(from.r + (to.r - from.r) * k), g: Math.round(from.g + (to.g - from.g) * k), b: Math.round(from.b + (to.b - from.b) * k) };
}

export function cssRgb(color: Rgb, alpha = 1): string {
  return alpha >= 1 ? `rgb(${color.r}, ${color.g}, ${color.b})` : `rgba(${color.r}, ${color.g}, ${color.b}, ${alpha})`;
}

/** WCAG's relative luminance (0 black .. 1 white), to pick ink that reads on a colour. */
export function luminance(color: Rgb): number {
  const channel = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b);
}
