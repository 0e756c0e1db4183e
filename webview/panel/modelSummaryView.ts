import type { PanelModelSummary } from '../../src/shared/panelProtocol';
import { el } from '../shared/dom';
import { createTable, tableRow } from '../shared/table';

const count = (n: number) => n.toLocaleString('en-US');

/** Keras' model.summary() as a table: `dense (Dense)`, `(None, 128)`, params, then the totals. */
export function modelSummaryView(summary: PanelModelSummary): HTMLElement {
  const { table, body } = createTable('Model summary', ['Layer (type)', 'Output Shape', 'Param #']);
  for (const layer of summary.layers) {
    body.append(tableRow([`${layer.name} (${layer.type})`, layer.outputShape, { text: count(layer.params), className: 'number' }]));
  }
  return el('div', { className: 'model-summary' }, [
    table,
    el('p', { className: 'totals' }, [
      el('span', { text: `Total params: ${count(summary.totalParams)}` }),
      el('span', { text: `Trainable params: ${count(summary.trainableParams)}` }),
      el('span', { text: `Non-trainable params: ${count(summary.nonTrainableParams)}` }),
    ]),
  ]);
}
