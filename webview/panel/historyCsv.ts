import type { PanelRun } from '../../src/shared/panelProtocol';

/** The per-epoch history as CSV: `epoch,loss,accuracy,val_loss,...`, full precision, empty where a value is missing. */
export function historyCsv(history: PanelRun['history']): string {
  const columns: string[] = [];
  for (const row of history) for (const name of Object.keys(row.metrics)) if (!columns.includes(name)) columns.push(name);
  const cell = (value: number | null | undefined) => (value === undefined ? '' : value === null ? 'NaN' : String(value));
  const lines = [['epoch', ...columns].join(','), ...history.map((row) => [String(row.epoch), ...columns.map((c) => cell(row.metrics[c]))].join(','))];
  return lines.join('\n') + '\n';
}
