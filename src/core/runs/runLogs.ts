/**
 * history.jsonl and batches.jsonl read with async fs, for the comparison: the file is read without
 * blocking and its lines parsed a slice at a time, with a turn of the event loop between slices, so a
 * long MNIST batch log never holds the reading thread (a worker with other jobs, or the host) for long.
 * Whole lines only, as readHistory reads them (a run may be appending while this reads); a line that
 * is not a record is left out, as readBatchLog leaves it.
 */
import { readFile } from 'fs/promises';
import * as path from 'path';
import { setImmediate as nextTurn } from 'timers/promises';
import type { BatchPoint, MetricValues } from '../../shared/trainingEvents';
import type { EpochRecord } from './runHistory';
import { BATCHES_FILE, HISTORY_FILE } from './runSummary';

/** Lines parsed between two turns of the event loop: about a millisecond of JSON.parse. */
const LINES_PER_SLICE = 2000;

/** A run's per-epoch metrics, in order; none when the file is missing. */
export async function readHistoryAsync(runDir: string): Promise<EpochRecord[]> {
  return parseLines(await readText(path.join(runDir, HISTORY_FILE)), ({ epoch, ...metrics }) =>
    typeof epoch === 'number' ? { epoch, metrics: metricValues(metrics) } : undefined,
  );
}

/** Every batch's own metrics of a run, in order; none when the file is missing. */
export async function readBatchLogAsync(runDir: string): Promise<BatchPoint[]> {
  return parseLines(await readText(path.join(runDir, BATCHES_FILE)), ({ epoch, batch, ...metrics }) =>
    typeof epoch === 'number' && typeof batch === 'number' ? { epoch, batch, metrics: metricValues(metrics) } : undefined,
  );
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return '';
  }
}

async function parseLines<T>(text: string, toRecord: (fields: Record<string, unknown>) => T | undefined): Promise<T[]> {
  // The text after the last newline is a line still being written.
  const lines = text.split('\n').slice(0, -1);
  const records: T[] = [];
  for (let start = 0; start < lines.length; start += LINES_PER_SLICE) {
    if (start > 0) await nextTurn();
    for (const line of lines.slice(start, start + LINES_PER_SLICE)) {
      const fields = parseObject(line);
      const record = fields && toRecord(fields);
      if (record) records.push(record);
    }
  }
  return records;
}

function parseObject(line: string): Record<string, unknown> | undefined {
  if (line.trim() === '') return undefined;
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** JSON writes a diverged NaN loss as null: it reads back as NaN, as readBatchLog reads it. */
function metricValues(fields: Record<string, unknown>): MetricValues {
  const metrics: MetricValues = {};
  for (const [name, value] of Object.entries(fields)) metrics[name] = typeof value === 'number' ? value : NaN;
  return metrics;
}
