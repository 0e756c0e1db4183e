import type { JobResult, WorkerJob, WorkerToHostMessage } from '../shared/workerProtocol';
import type { TrainingEvent } from '../shared/trainingEvents';
import { trainModelFile } from '../core/session/trainModelFile';
import type { TrainingControl } from '../core/train/trainingControl';
import { checkModelFileWithSize } from '../core/session/checkModelFile';
import { evaluateRun, predictRunSamples } from '../core/session/savedRun';
import { predictFromRun } from '../core/session/predictFromRun';
import { readRunSummary } from '../core/runs/runFolder';
import { parseModelText } from '../core/modelFile/parseModelText';
import { outlineModelText } from '../core/editing/outline';
import { completeModelText } from '../core/editing/completions';
import { hoverModelText } from '../core/editing/hover';
import { readCsvHeader } from '../core/editing/csvHeader';
import { BatchThrottle } from './batchThrottle';
import { selectBackend } from '../core/backend/selectBackend';
import { readComparison } from '../core/compare/readComparison';
import { RunInputError } from '../core/session/runInputError';
import { thinnedCurves } from '../shared/thinnedCurves';
import { importAnchors, importKerasScript } from '../core/keras/importKerasScript';
import { exportKerasScriptOfFile } from '../core/keras/exportKerasScript';
import { importKerasModelJson } from '../core/keras/importKerasModelJson';

type Post = (message: WorkerToHostMessage) => void;

/** Batch points per metric and run a comparison page gets. */
const COMPARE_POINTS = 4_000;

/**
 * Runs one job with the core and reports its events through `post`; resolves to the job's result.
 * `control` pauses, resumes and steps a train job.
 */
export async function runJob(id: number, job: WorkerJob, signal: AbortSignal, post: Post, control?: TrainingControl): Promise<JobResult> {
  switch (job.kind) {
    case 'warm': {
      // No model yet, so no layer types: the backend a plain Dense model would get is the one warmed.
      const { name } = await selectBackend(job.backend, { layerTypes: [] });
      return { kind: 'warm', backend: name };
    }
    case 'train': {
      const throttle = new BatchThrottle(job.progressIntervalMs);
      const send = (event: TrainingEvent) => post(event.type === 'epochEnd' ? { type: 'epochEnd', id, event } : { type: 'progress', id, event });
      const outcome = await trainModelFile(job.file, {
        backend: job.backend,
        epochs: job.epochs,
        runsRoot: job.runsRoot,
        signal,
        control,
        onEvent: (event) => throttle.offer(event).forEach(send),
      }).finally(() => throttle.flush().forEach(send));
      const { summary } = outcome;
      return {
        kind: 'train',
        runDir: outcome.runDir,
        status: summary.status,
        epochsCompleted: summary.epochsCompleted,
        finalMetrics: summary.finalMetrics,
        evaluation: summary.evaluation,
        predictions: summary.predictions,
        classNames: summary.classNames,
        insights: outcome.insights,
        durationMs: summary.durationMs,
      };
    }
    case 'evaluate':
      return { kind: 'evaluate', runDir: job.runDir, ...(await evaluateRun(job.runDir, job.backend)) };
    case 'predict': {
      if (job.input === undefined) return { kind: 'predict', runDir: job.runDir, ...(await predictRunSamples(job.runDir, job.backend)) };
      const predictions = await predictFromRun(job.runDir, job.input, job.backend);
      return { kind: 'predict', runDir: job.runDir, predictions, classNames: readRunSummary(job.runDir).classNames };
    }
    case 'check':
      return { kind: 'check', file: job.file, ...(await checkModelFileWithSize(job.file)) };
    case 'parse': {
      const parsed = parseModelText(job.text, job.file);
      return { kind: 'parse', file: job.file, diagnostics: parsed.diagnostics, layers: parsed.spec?.model.length, outline: outlineModelText(job.text) };
    }
    case 'complete':
      return { kind: 'complete', entries: completeModelText(job.text, job.offset, job.file, { csvColumns: job.csvColumns === false ? () => undefined : (csv) => readCsvHeader(job.file, csv) }) };
    case 'compare': {
      let data;
      try {
        data = await readComparison(job.runDirs);
      } catch (err) {
        // A folder that cannot be read is the user's to fix: its message names it and why.
        throw new RunInputError(err instanceof Error ? err.message : String(err));
      }
      // A long MNIST log is 84,000 points a run: the page draws about 1,000, so it gets a few thousand.
      return { kind: 'compare', data: { ...data, runs: data.runs.map((run) => ({ ...run, curves: thinnedCurves(run.curves, COMPARE_POINTS) })) } };
    }
    case 'hover': {
      const hover = hoverModelText(job.text, job.offset);
      return { kind: 'hover', ...(hover ? { hover } : {}) };
    }
    case 'importScript':
      return { kind: 'importScript', outcome: importKerasScript(job.source, job.scriptPath) };
    case 'importAnchors':
      return { kind: 'importAnchors', anchors: importAnchors(job.source) };
    case 'exportScript':
      return { kind: 'exportScript', ...(await exportKerasScriptOfFile(job.file, job.scriptPath)) };
    case 'importModelJson':
      return { kind: 'importModelJson', outcome: importKerasModelJson(job.text, job.jsonPath) };
  }
}
