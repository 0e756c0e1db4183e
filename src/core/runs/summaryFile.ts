import { readFile } from 'fs/promises';
import * as path from 'path';
import { effectiveStatus } from './interruptedRuns';
import { SUMMARY_FILE, type RunStatus, type RunSummary } from './runSummary';

/** A run folder's summary, or why it has none a reader can use. */
export type SummaryRead = { summary: RunSummary; unreadable?: undefined } | { summary?: undefined; unreadable: string };

/** A Record, so adding a status to RunStatus fails to compile until it is known here too. */
const STATUSES: Record<RunStatus, true> = { running: true, completed: true, early_stopped: true, stopped: true, interrupted: true, failed: true };

export const NO_SUMMARY = `no ${SUMMARY_FILE} (the run never started or was cut off while starting)`;

/**
 * Reads summary.json with async fs, with its effective status as readRunSummary gives it (a `running`
 * run whose process died is `interrupted`). Never throws: a broken folder is something to show, with
 * the reason, not a reason to show nothing.
 */
export async function readSummaryFile(runDir: string): Promise<SummaryRead> {
  let text: string;
  try {
    text = await readFile(path.join(runDir, SUMMARY_FILE), 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { unreadable: code === 'ENOENT' ? NO_SUMMARY : `cannot read ${SUMMARY_FILE}: ${err instanceof Error ? err.message : String(err)}` };
  }
  return parseSummaryText(text);
}

/** The summary a summary.json text holds, or what is wrong with it. */
export function parseSummaryText(text: string): SummaryRead {
  if (text.trim() === '') return { unreadable: `${SUMMARY_FILE} is empty` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { unreadable: `${SUMMARY_FILE} is not valid JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
  const problem = summaryProblem(value);
  if (problem) return { unreadable: `${SUMMARY_FILE} is not a run summary: ${problem}` };
  const summary = value as RunSummary;
  return { summary: { ...summary, status: effectiveStatus(summary) } };
}

/** What the labels and the comparison rely on; the rest of a summary is optional to them. */
function summaryProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'it is not an object';
  const summary = value as Record<string, unknown>;
  if (typeof summary.status !== 'string' || !Object.hasOwn(STATUSES, summary.status)) {
    return `its status ${JSON.stringify(summary.status)} is not one of ${Object.keys(STATUSES).join(', ')}`;
  }
  for (const key of ['epochsCompleted', 'epochsPlanned'] as const) {
    if (typeof summary[key] !== 'number') return `its ${key} is not a number`;
  }
  return undefined;
}
