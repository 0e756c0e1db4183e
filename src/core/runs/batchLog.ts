import * as fs from 'fs';
import * as path from 'path';
import type { BatchPoint, MetricValues } from '../../shared/trainingEvents';
import { BATCHES_FILE } from './runSummary';

/** `{"epoch":1,"batch":1,"loss":0.69,"accuracy":0.5}` and a newline: one batch of batches.jsonl. */
export function batchLogLines(points: readonly BatchPoint[]): string {
  return points.map((p) => JSON.stringify({ epoch: p.epoch, batch: p.batch, ...p.metrics }) + '\n').join('');
}

/**
 * Every batch's own metrics of a run, in order. A run without the file has none; a run that died while
 * appending may end in half a line, which is left out.
 */
export function readBatchLog(runDir: string): BatchPoint[] {
  let text: string;
  try {
    text = fs.readFileSync(path.join(runDir, BATCHES_FILE), 'utf8');
  } catch {
    return [];
  }
  const points: BatchPoint[] = [];
  for (const line of text.split('\n')) {
    const point = parseBatchLine(line);
    if (point) points.push(point);
  }
  return points;
}

function parseBatchLine(line: string): BatchPoint | undefined {
  if (line.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { epoch, batch, ...rest } = value as Record<string, unknown>;
  if (typeof epoch !== 'number' || typeof batch !== 'number') return undefined;
  // JSON writes a diverged NaN loss as null.
  const metrics: MetricValues = {};
  for (const [name, v] of Object.entries(rest)) metrics[name] = typeof v === 'number' ? v : NaN;
  return { epoch, batch, metrics };
}
