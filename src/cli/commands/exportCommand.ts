import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { exportKerasScriptOfFile } from '../../core/keras/exportKerasScript';
import { MODEL_FILE_PATTERN } from '../../core/modelFile/modelFileName';
import { formatDiagnostic } from '../../core/diagnostics';
import { UsageError } from '../usage';
import { writeLine, type CliIo } from '../io';

/** `nn-trainer export FILE.nn.yaml [--out SCRIPT.py] [--force]`: the model file as a Keras script. */
export async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string' }, force: { type: 'boolean', default: false } },
  });
  if (positionals.length !== 1) throw new UsageError('export takes exactly one model file');
  const modelFile = positionals[0];
  const out = values.out ?? defaultScriptPath(modelFile);
  // Checked before the model file, so that a refusal costs nothing and writes nothing.
  if (!values.force && fs.existsSync(out)) {
    writeLine(io.stderr, `nn-trainer: ${out} already exists: pass --force to overwrite it, or --out to write elsewhere`);
    return 1;
  }
  const result = await exportKerasScriptOfFile(modelFile, out);
  for (const d of result.diagnostics) writeLine(io.stderr, formatDiagnostic(d));
  if (result.text === undefined) return 1;
  fs.writeFileSync(out, result.text);
  writeLine(io.stdout, `Wrote ${out}`);
  return 0;
}

/** `models/xor.nn.yaml` -> `models/xor.py`. */
export function defaultScriptPath(modelFile: string): string {
  const base = path.basename(modelFile).replace(MODEL_FILE_PATTERN, '').replace(/\.(ya?ml|json)$/i, '');
  return path.join(path.dirname(modelFile), `${base || 'model'}.py`);
}
