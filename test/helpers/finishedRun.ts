import * as fs from 'fs';
import * as path from 'path';

/** What the tests read of a run's summary.json. */
export interface FinishedRun {
  status: string;
  epochsCompleted: number;
}

/**
 * Waits until a run folder under `<runsDir>/<timestamp>/` has a summary that says the run ended (the
 * extension writes it atomically), and returns it.
 */
export async function waitForFinishedRun(runsDir: string, timeoutMs: number): Promise<FinishedRun> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const run of fs.existsSync(runsDir) ? fs.readdirSync(runsDir) : []) {
      try {
        const summary = JSON.parse(fs.readFileSync(path.join(runsDir, run, 'summary.json'), 'utf8')) as FinishedRun;
        if (summary.status && summary.status !== 'running') return summary;
      } catch {
        // No summary yet.
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no finished run in ${runsDir} within ${timeoutMs / 1000} s`);
}
