import type { ClassificationReport, ClassMetrics } from '../../../src/shared/insightTypes';
import { el } from '../../shared/dom';

/**
 * scikit-learn's `classification_report` as a table, with its rows and its two decimals: one row a
 * class, then accuracy, macro avg and weighted avg. The exact value is on hover.
 */
export function classificationReportTable(report: ClassificationReport): HTMLElement {
  const value = (v: number | undefined) => el('td', { className: 'number', text: v === undefined ? '' : v.toFixed(2), attrs: v === undefined ? {} : { title: String(v) } });
  const count = (n: number) => el('td', { className: 'number', text: n.toLocaleString('en-US') });
  const row = (name: string, m: ClassMetrics, className = '') => el('tr', { className }, [el('th', { text: name, attrs: { scope: 'row', title: name } }), value(m.precision), value(m.recall), value(m.f1), count(m.support)]);
  const total = report.macro.support;
  return el('table', { className: 'report', attrs: { 'aria-label': 'Classification report' } }, [
    el('thead', {}, [el('tr', {}, ['', 'precision', 'recall', 'f1-score', 'support'].map((h) => el('th', { text: h, attrs: { scope: 'col' } })))]),
    el('tbody', {}, [
      ...report.perClass.map((m, i) => row(report.classNames[i] ?? String(i), m)),
      el('tr', { className: 'first-summary' }, [el('th', { text: 'accuracy', attrs: { scope: 'row' } }), value(undefined), value(undefined), value(report.accuracy), count(total)]),
      row('macro avg', report.macro),
      row('weighted avg', report.weighted),
    ]),
  ]);
}
