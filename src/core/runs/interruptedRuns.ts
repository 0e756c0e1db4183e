import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeFileAtomic } from './atomicFile';
import { HISTORY_FILE, SUMMARY_FILE, type RunStatus, type RunSummary } from './runSummary';

/**
 * A run's status as it stands: a `running` summary written by a process of this host that no longer
 * exists is `interrupted` (VS Code closed, the CLI killed, the machine restarted), since nothing will
 * ever finish it. A pid of another host cannot be checked, so such a run stays `running`.
 */
export function effectiveStatus(summary: RunSummary): RunStatus {
  if (summary.status !== 'running' || summary.pid === undefined || summary.hostname !== os.hostname()) return summary.status;
  return processExists(summary.pid) ? 'running' : 'interrupted';
}

/**
 * Rewrites the summary of a run whose process died as `interrupted`, keeping its finished epochs and
 * history; true when it did. Atomic, like every summary write.
 */
export function markInterruptedIfDead(runDir: string): boolean {
  const file = path.join(runDir, SUMMARY_FILE);
  let summary: RunSummary;
  try {
    summary = JSON.parse(fs.readFileSync(file, 'utf8')) as RunSummary;
  } catch {
    return false;
  }
  if (summary.status !== 'running' || effectiveStatus(summary) !== 'interrupted') return false;
  const epochsCompleted = Math.max(summary.epochsCompleted, historyLines(runDir));
  writeFileAtomic(file, JSON.stringify({ ...summary, status: 'interrupted', epochsCompleted }, null, 2) + '\n');
  return true;
}

/** Whether a process exists: signal 0 checks without sending anything; EPERM means it exists but is not ours. */
function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** Whole lines of history.jsonl (the last epoch may have ended after the summary was last written; a half-written line is no epoch). */
function historyLines(runDir: string): number {
  try {
    return fs.readFileSync(path.join(runDir, HISTORY_FILE), 'utf8').split('\n').slice(0, -1).filter((line) => line.trim() !== '').length;
  } catch {
    return 0;
  }
}
