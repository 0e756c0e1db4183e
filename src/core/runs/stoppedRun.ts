import * as fs from 'fs';
import * as path from 'path';
import { readRunSummary, writeFileAtomic } from './runFolder';
import { readHistory } from './runHistory';
import { SUMMARY_FILE } from './runSummary';

/**
 * Marks a run stopped after its worker had to be terminated: the worker could not write its final
 * summary, and a run must never keep saying `running` once nothing runs it.
 */
export function markRunStopped(runDir: string, reason: string): void {
  markRunEnded(runDir, 'stopped', reason);
}

/**
 * Ends a run whose worker died without writing its last summary (terminated after Stop: `stopped`;
 * crashed or out of memory: `failed`), keeping its finished epochs. A run already ended is left alone.
 */
export function markRunEnded(runDir: string, status: 'stopped' | 'failed', reason: string): void {
  const file = path.join(runDir, SUMMARY_FILE);
  if (!fs.existsSync(file)) return;
  const summary = readRunSummary(runDir);
  if (summary.status !== 'running') return;
  const epochsCompleted = readHistory(runDir).length;
  writeFileAtomic(file, JSON.stringify({ ...summary, status, epochsCompleted, finishedAt: new Date().toISOString(), error: reason }, null, 2) + '\n');
}
