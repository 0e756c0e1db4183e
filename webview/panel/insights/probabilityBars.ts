import { el } from '../../shared/dom';
import { formatPercent, topClasses } from '../../shared/math/probabilities';

/** More classes than this are drawn as a column each (a digit's ten), fewer as a labelled row each. */
const MAX_ROWS = 5;

export interface BarMarks {
  /** One line for all classes (a table row), instead of a line each. */
  inline?: boolean;
  /** The class the model chose, drawn in the accent colour. */
  predicted?: number;
  /** The true class, outlined, so a mistake shows where the right answer stood. */
  trueClass?: number;
}

/**
 * Each class's probability as a small bar with its name; the exact value on hover (title) and for
 * screen readers (the list's label). Bar lengths are set through the CSSOM, which the CSP allows.
 */
export function probabilityBars(probabilities: readonly number[], classNames: readonly string[], marks: BarMarks = {}): HTMLElement {
  const columns = probabilities.length > MAX_ROWS;
  const name = (i: number) => classNames[i] ?? String(i);
  const label = topClasses(probabilities, probabilities.length)
    .map((c) => `${name(c.index)} ${formatPercent(c.probability)}`)
    .join(', ');
  const layout = columns ? 'probs-columns' : marks.inline ? 'probs-inline' : 'probs-rows';
  const list = el('ul', { className: `probs ${layout}`, attrs: { 'aria-label': `Probabilities: ${label}` } });
  probabilities.forEach((p, i) => {
    const fill = el('span', { className: 'prob-fill' });
    const share = `${Math.min(Math.max(Number.isFinite(p) ? p : 0, 0), 1) * 100}%`;
    if (columns) fill.style.height = share;
    else fill.style.width = share;
    const item = el('li', { attrs: { title: `${name(i)} ${formatPercent(p)}`, 'aria-hidden': 'true' } }, [
      el('span', { className: 'prob-name', text: name(i) }),
      el('span', { className: 'prob-track' }, [fill]),
    ]);
    if (!columns) item.append(el('span', { className: 'prob-value', text: formatPercent(p) }));
    if (i === marks.predicted) item.classList.add('predicted');
    if (i === marks.trueClass) item.classList.add('true-class');
    list.append(item);
  });
  return list;
}

/** `7 · 99.9%`: the likeliest class and how sure the model is of it. */
export function topText(probabilities: readonly number[], classNames: readonly string[]): string {
  const [top] = topClasses(probabilities, 1);
  if (!top) return '';
  return `${classNames[top.index] ?? String(top.index)} · ${formatPercent(top.probability)}`;
}
