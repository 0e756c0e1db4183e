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

type Post = (message: WorkerToHostMessage) => void;

/**
 * Runs one job with the core and reports its events through `post`; resolves to the job's result.
 * `control` pauses, resumes and steps a train job.
 */
export async function runJob(id: number, job: WorkerJob, signal: AbortSignal, post: Post, control?: TrainingControl): Promise<JobResult> {
  switch (job.kind) {
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
        durationMs: summary.durationMs,
      };
    }
    case 'evaluate':
      return { kind: 'evaluate', runDir: job.runDir, evaluation: await evaluateRun(job.runDir, job.backend) };
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
      return { kind: 'complete', entries: completeModelText(job.text, job.offset, job.file, { csvColumns: (csv) => readCsvHeader(job.file, csv) }) };
    case 'hover': {
      const hover = hoverModelText(job.text, job.offset);
      return { kind: 'hover', ...(hover ? { hover } : {}) };
    }
  }
}
