import type { Evaluation, Prediction } from '../../src/shared/runResults';
import { el } from '../shared/dom';
import { formatInput, formatLabel, formatNumber, formatOutput, isCorrect } from '../shared/format';
import { classProbabilities, formatPercent } from '../../src/shared/classProbabilities';
import { createTable, tableRow, type Cell } from '../shared/table';

/** More rows than this slow the panel down and are better read in the run folder's summary. */
export const MAX_PREDICTION_ROWS = 50;

export function evaluationView(evaluation: Evaluation): HTMLElement {
  const where = evaluation.split === 'test' ? 'the test split' : 'the training data (there is no test split)';
  const names = Object.keys(evaluation.metrics);
  const { table, body } = createTable('Evaluation metrics', names);
  body.append(tableRow(names.map((n) => formatNumber(evaluation.metrics[n]))));
  return el('div', { className: 'evaluation' }, [
    el('p', { text: `On ${where}, ${evaluation.samples.toLocaleString('en-US')} samples.` }),
    table,
  ]);
}

export function predictionsView(predictions: Prediction[]): HTMLElement {
  if (predictions.length === 0) return el('p', { className: 'note', text: 'No predictions.' });
  const shown = predictions.slice(0, MAX_PREDICTION_ROWS);
  // Columns only for what these predictions have: images have no input, regression has no label.
  const columns: Array<{ title: string; cell: (p: Prediction, i: number) => string | Cell }> = [{ title: '#', cell: (_p, i) => String(i + 1) }];
  if (shown.some((p) => p.input !== undefined)) columns.push({ title: 'input', cell: (p) => formatInput(p.input) });
  columns.push({ title: 'prediction', cell: predictionCell });
  if (shown.some((p) => p.expected !== undefined)) columns.push({ title: 'expected', cell: (p) => formatLabel(p.expected) });
  if (shown.some((p) => isCorrect(p) !== undefined)) columns.push({ title: 'result', cell: resultCell });

  const { table, body } = createTable('Predictions', columns.map((c) => c.title));
  body.append(...shown.map((p, i) => tableRow(columns.map((c) => c.cell(p, i)))));
  const children: Node[] = [];
  const judged = shown.filter((p) => isCorrect(p) !== undefined);
  if (judged.length > 0) {
    const right = judged.filter((p) => isCorrect(p)).length;
    children.push(el('p', { className: 'summary', text: `${right} of ${judged.length} right.` }));
  }
  children.push(table);
  if (predictions.length > shown.length) {
    children.push(el('p', { className: 'note', text: `Showing the first ${shown.length} of ${predictions.length} predictions.` }));
  }
  return el('div', { className: 'predictions' }, children);
}

/**
 * `9 · 98.2%` for a classifier (its class and its confidence, `benign · 96.4%` rather than a bare
 * 0.036), the output itself for regression; the raw output on hover.
 */
function predictionCell(p: Prediction): Cell {
  if (p.label === undefined) return { text: formatOutput(p.output) };
  const confidence = Math.max(...classProbabilities(p.output));
  return { text: `${formatLabel(p.label)} · ${formatPercent(confidence)}`, title: `output ${formatOutput(p.output)}` };
}

function resultCell(p: Prediction): Cell {
  const correct = isCorrect(p);
  if (correct === undefined) return { text: '' };
  return correct ? { text: '✓', className: 'right', label: 'right' } : { text: '✗', className: 'wrong', label: 'wrong' };
}
