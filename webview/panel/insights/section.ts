import { el } from '../../shared/dom';

/** One of the panel's sections about what the model learned: an h2 heading and a body, hidden until it has something to show. */
export function insightSection(key: string, title: string): { element: HTMLElement; body: HTMLElement } {
  const body = el('div', { className: 'section-body' });
  const element = el('section', { className: `insight ${key}-section`, attrs: { 'data-section': key, 'aria-labelledby': `${key}-heading`, hidden: '' } }, [
    el('h2', { text: title, attrs: { id: `${key}-heading` } }),
    body,
  ]);
  return { element, body };
}

