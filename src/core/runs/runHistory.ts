import * as fs from 'fs';
import * as path from 'path';
import type { MetricValues } from '../../shared/trainingEvents';
import { HISTORY_FILE } from './runSummary';

/** One finished epoch of a run, as history.jsonl holds it. */
export interface EpochRecord {
  epoch: number;
  metrics: MetricValues;
}

/**
 * The per-epoch metrics of a run (history.jsonl), in order; none when the file is missing. Only whole
 * lines count: a run may be appending its next epoch while this reads, and half a line is no epoch.
 */
export function readHistory(runDir: string): EpochRecord[] {
  let text: string;
  try {
    text = fs.readFileSync(path.join(runDir, HISTORY_FILE), 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .slice(0, -1)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const { epoch, ...metrics } = JSON.parse(line) as { epoch: number } & MetricValues;
      return { epoch, metrics };
    });
}
