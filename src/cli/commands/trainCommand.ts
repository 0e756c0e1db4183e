import { parseArgs } from 'util';
import { isBackendChoice } from '../../core/backend/backendNames';
import { trainModelFile, type TrainOutcome } from '../../core/session/trainModelFile';
import { UsageError } from '../usage';
import { ProgressReporter } from '../progressReporter';
import { formatPrediction } from '../predictionText';
import { countOf, evaluationResultText, restoredWeightsText } from '../../core/resultText';
import { formatCount } from '../../core/data/sizes';
import { writeLine, type CliIo } from '../io';

/** Exit code of a run stopped with Ctrl-C, as shells report SIGINT. */
export const EXIT_STOPPED = 130;

/** `nn-trainer train FILE [--epochs N] [--seed N] [--backend B] [--out DIR] [--json] [--verbose]`. */
export async function trainCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      epochs: { type: 'string' },
      seed: { type: 'string' },
      backend: { type: 'string', default: 'auto' },
      out: { type: 'string' },
      json: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1) throw new UsageError('train takes exactly one model file');
  if (!isBackendChoice(values.backend)) throw new UsageError(`--backend must be auto, node, wasm or cpu, not ${values.backend}`);
  const epochs = optionalInteger('--epochs', values.epochs, 1);
  const seed = optionalInteger('--seed', values.seed, 0);

  const reporter = new ProgressReporter(io.stderr, { verbose: values.verbose });
  const stop = new AbortController();
  const onSigint = () => {
    if (stop.signal.aborted) process.exit(EXIT_STOPPED);
    reporter.endBar();
    writeLine(io.stderr, 'Stopping after the current batch (Ctrl-C again to quit at once)...');
    stop.abort();
  };
  process.on('SIGINT', onSigint);
  try {
    const outcome = await trainModelFile(positionals[0], {
      backend: values.backend,
      epochs,
      seed,
      runsRoot: values.out,
      signal: stop.signal,
      onEvent: (event) => reporter.handle(event),
    });
    reporter.endBar();
    if (values.json) writeLine(io.stdout, JSON.stringify(jsonResult(outcome)));
    else printResult(outcome, io);
    return outcome.summary.status === 'stopped' ? EXIT_STOPPED : 0;
  } finally {
    process.off('SIGINT', onSigint);
  }
}

/** The one JSON object `--json` prints. */
export function jsonResult(outcome: TrainOutcome): Record<string, unknown> {
  const { summary } = outcome;
  return {
    status: summary.status,
    backend: summary.backend,
    epochs: summary.epochsCompleted,
    ...(summary.restoredWeights ? { restoredWeights: summary.restoredWeights } : {}),
    history: outcome.history,
    evaluation: summary.evaluation?.metrics,
    predictions: summary.predictions,
    durationMs: Math.round(summary.durationMs ?? 0),
    samplesPerSecond: Math.round(summary.samplesPerSecond ?? 0),
    runDir: outcome.runDir,
  };
}

function printResult(outcome: TrainOutcome, io: CliIo): void {
  const { summary } = outcome;
  if (summary.status === 'stopped') writeLine(io.stdout, `Stopped after ${formatCount(summary.epochsCompleted)} of ${countOf(summary.epochsPlanned, 'epoch')}.`);
  if (summary.status === 'early_stopped') writeLine(io.stdout, `Early stopping after ${countOf(summary.epochsCompleted, 'epoch')}.`);
  if (summary.restoredWeights) writeLine(io.stdout, restoredWeightsText(summary.restoredWeights, summary.epochsCompleted));
  if (summary.evaluation) {
    const e = summary.evaluation;
    writeLine(io.stdout, `Evaluation: ${evaluationResultText(e)}`);
  }
  if (summary.predictions?.length) {
    writeLine(io.stdout, 'Predictions:');
    summary.predictions.forEach((p, i) => writeLine(io.stdout, `  ${formatPrediction(p, i)}`));
  }
  writeLine(io.stdout, `Run folder: ${outcome.runDir}`);
}

function optionalInteger(flag: string, raw: string | undefined, min: number): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new UsageError(`${flag} must be an integer >= ${min}, not ${raw}`);
  return value;
}
