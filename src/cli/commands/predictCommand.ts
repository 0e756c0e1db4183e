import { parseArgs } from 'util';
import { isBackendChoice } from '../../core/backend/backendNames';
import { predictFromRun } from '../../core/session/predictFromRun';
import type { NestedNumbers } from '../../core/spec/modelSpec';
import { UsageError } from '../usage';
import { writeLine, type CliIo } from '../io';

/** `nn-trainer predict RUN_DIR --input JSON`: prints one JSON array of predictions. */
export async function predictCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { input: { type: 'string' }, backend: { type: 'string', default: 'auto' } },
  });
  if (positionals.length !== 1) throw new UsageError('predict takes exactly one run folder');
  if (values.input === undefined) throw new UsageError("predict needs --input, e.g. --input '[[0,1]]'");
  if (!isBackendChoice(values.backend)) throw new UsageError(`--backend must be auto, node, wasm or cpu, not ${values.backend}`);
  let input: unknown;
  try {
    input = JSON.parse(values.input);
  } catch {
    throw new UsageError(`--input is not valid JSON: ${values.input}`);
  }
  if (!isNestedNumbers(input)) throw new UsageError('--input must be a number or a (nested) array of numbers');
  const predictions = await predictFromRun(positionals[0], input, values.backend);
  writeLine(io.stdout, JSON.stringify(predictions));
  return 0;
}

function isNestedNumbers(value: unknown): value is NestedNumbers {
  return typeof value === 'number' ? Number.isFinite(value) : Array.isArray(value) && value.length > 0 && value.every(isNestedNumbers);
}
