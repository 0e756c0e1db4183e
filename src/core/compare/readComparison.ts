/**
 * The run comparison (`Compare: <a> vs <b>`), read from the run folders alone: settings from the
 * model-file copy each run keeps, so editing the model file later changes nothing compared.
 *
 * It parses those copies with the model-file parser (yaml and the schema validator), which the
 * extension host's bundle never carries and whose first use compiles the schema for about 300 ms:
 * call it from a worker (or the CLI and tests), not on the extension host thread.
 */
import { readdir } from 'fs/promises';
import * as path from 'path';
import type { CompareData, CompareRun } from '../../shared/compareProtocol';
import { formatDiagnostic } from '../diagnostics';
import { mapWithLimit } from '../mapWithLimit';
import { readModelFile } from '../modelFile/readModelFile';
import { MODEL_FILE_PATTERN } from '../modelFile/modelFileName';
import type { ModelSpec } from '../spec/modelSpec';
import { curvesOf } from '../runs/batchCurves';
import { readBatchLogAsync, readHistoryAsync } from '../runs/runLogs';
import { runLabel } from '../runs/runLabels';
import { readSummaryFile } from '../runs/summaryFile';
import { compareMetrics, compareSettings } from './compareRows';
import { specSettings, type SettingRow } from './specSettings';

/** Runs read at once: each one's batch log may be megabytes. */
const CONCURRENCY = 4;

/**
 * The comparison of these run folders, in the order given. Throws an Error naming the folder and the
 * reason when one cannot be read (no folder, no usable summary.json, no valid model-file copy).
 */
export async function readComparison(runDirs: string[]): Promise<CompareData> {
  const read = await mapWithLimit(runDirs, CONCURRENCY, readComparedRun);
  const runs = read.map((r) => r.run);
  return {
    title: compareTitle(runs),
    runs,
    settings: compareSettings(read.map((r) => r.settings)),
    metrics: compareMetrics(runs.map((r) => r.history)),
  };
}

/** `Compare: xor · 2026-12-01 10:15:02 vs xor · 2026-12-01 10:17:40`, or `Compare: 3 runs`. */
export function compareTitle(runs: ReadonlyArray<Pick<CompareRun, 'label'>>): string {
  if (runs.length === 1) return `Compare: ${runs[0].label}`;
  return runs.length === 2 ? `Compare: ${runs[0].label} vs ${runs[1].label}` : `Compare: ${runs.length} runs`;
}

async function readComparedRun(dir: string): Promise<{ run: CompareRun; settings: SettingRow[] }> {
  const fail = (reason: string) => new Error(`Cannot compare the run in ${dir}: ${reason}`);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw fail(code === 'ENOENT' ? 'the folder does not exist' : code === 'ENOTDIR' ? 'it is not a folder' : err instanceof Error ? err.message : String(err));
  }
  const { summary, unreadable } = await readSummaryFile(dir);
  if (!summary) throw fail(unreadable);
  const spec = await readModelCopy(dir, names, summary.modelFile, fail);
  const [history, batches] = await Promise.all([readHistoryAsync(dir), readBatchLogAsync(dir)]);
  const curves = curvesOf(batches);
  return {
    run: { runDir: dir, label: runLabel(summary.name, summary), modelName: summary.name, startedAt: summary.startedAt, status: summary.status, history, ...(curves ? { curves } : {}) },
    // The seed and epochs a run used are in its summary: `--seed` or `--epochs` may have overridden
    // the file, and a file without a seed has one drawn per run, so the file alone can be wrong.
    settings: specSettings(spec, { seed: summary.seed, epochs: summary.epochsPlanned, backend: summary.backend }),
  };
}

/**
 * The spec of the model-file copy RunFolder.create put in the run folder, under the model file's own
 * name; else any model file the folder holds.
 */
async function readModelCopy(dir: string, names: string[], modelFile: string | undefined, fail: (reason: string) => Error): Promise<ModelSpec> {
  const own = typeof modelFile === 'string' ? path.basename(modelFile) : undefined;
  const copy = own !== undefined && names.includes(own) ? own : names.find((name) => MODEL_FILE_PATTERN.test(name));
  if (copy === undefined) throw fail(`it holds no copy of the model file${own ? ` (${own})` : ''}`);
  const parsed = await readModelFile(path.join(dir, copy));
  if (parsed.spec) return parsed.spec;
  const first = parsed.diagnostics.find((d) => d.severity === 'error');
  throw fail(`its copy of the model file is not valid: ${first ? formatDiagnostic(first) : copy}`);
}
