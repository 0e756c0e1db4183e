/**
 * A canvas drawn at the screen's resolution. Its size on the page is set through the CSSOM
 * (`style.width`): the panel's CSP refuses style attributes, not the CSSOM.
 */
export function sizeCanvas(canvas: HTMLCanvasElement, width: number, height: number): CanvasRenderingContext2D | null {
  const ratio = window.devicePixelRatio || 1;
  const w = Math.round(width * ratio);
  const h = Math.round(height * ratio);
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  const context = canvas.getContext('2d');
  context?.setTransform(ratio, 0, 0, ratio, 0, 0);
  return context;
}

/** The font the page's text uses, at `size` pixels, for labels drawn on a canvas. */
export function canvasFont(size: number): string {
  const family = getComputedStyle(document.body).fontFamily || 'sans-serif';
  return `${size}px ${family}`;
}
