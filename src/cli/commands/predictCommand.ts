import { parseArgs } from 'util';
import { isBackendChoice } from '../../core/backend/backendNames';
import { predictFromRun } from '../../core/session/predictFromRun';
import { predictRunSamples } from '../../core/session/savedRun';
import { resolveRunFolder } from '../../core/session/resolveRunFolder';
import type { NestedNumbers } from '../../core/spec/modelSpec';
import { formatPrediction } from '../predictionText';
import { UsageError } from '../usage';
import { writeLine, type CliIo } from '../io';

/**
 * `nn-trainer predict RUN_DIR|RUNS_DIR|MODEL_FILE [--input JSON] [--backend B] [--json]`: one line
 * per sample, or one JSON object. Without --input, the samples the model file's `predict:` names.
 */
export async function predictCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { input: { type: 'string' }, backend: { type: 'string', default: 'auto' }, json: { type: 'boolean', default: false } },
  });
  if (positionals.length !== 1) throw new UsageError('predict takes exactly one run folder, runs folder or model file');
  if (!isBackendChoice(values.backend)) throw new UsageError(`--backend must be auto, node, wasm or cpu, not ${values.backend}`);
  const input = values.input === undefined ? undefined : parseInput(values.input);
  const { runDir, picked } = resolveRunFolder(positionals[0]);
  // Which run answered matters once it was picked for the user; stderr keeps stdout to the results.
  if (picked && !values.json) writeLine(io.stderr, `Run: ${runDir}`);
  const predictions = input === undefined ? (await predictRunSamples(runDir, values.backend)).predictions : await predictFromRun(runDir, input, values.backend);
  if (values.json) writeLine(io.stdout, JSON.stringify({ runDir, predictions }));
  else predictions.forEach((p, i) => writeLine(io.stdout, formatPrediction(p, i)));
  return 0;
}

function parseInput(text: string): NestedNumbers {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    throw new UsageError(`--input is not valid JSON: ${text}`);
  }
  if (!isNestedNumbers(input)) throw new UsageError('--input must be a number or a (nested) array of numbers');
  return input;
}

function isNestedNumbers(value: unknown): value is NestedNumbers {
  return typeof value === 'number' ? Number.isFinite(value) : Array.isArray(value) && value.length > 0 && value.every(isNestedNumbers);
}
