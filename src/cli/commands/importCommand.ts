import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { importKerasScript } from '../../core/keras/importKerasScript';
import { importKerasModelJson } from '../../core/keras/importKerasModelJson';
import type { ImportResult } from '../../core/keras/importTypes';
import { UsageError } from '../usage';
import { writeLine, type CliIo } from '../io';

/**
 * `nn-trainer import SCRIPT.py [--out FILE.nn.yaml] [--force]`: a Keras script (or, ending in `.json`,
 * a Keras or TensorFlow.js model JSON) as a model file, beside it by default. Warnings and errors are
 * located in the input, as compilers write them.
 */
export async function importCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string' }, force: { type: 'boolean', default: false } },
  });
  if (positionals.length !== 1) throw new UsageError('import takes exactly one Keras script (SCRIPT.py) or model JSON (MODEL.json)');
  const script = positionals[0];
  let source: string;
  try {
    source = fs.readFileSync(script, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    writeLine(io.stderr, `nn-trainer: cannot read ${script}: ${code === 'ENOENT' ? 'no such file' : String((err as Error).message)}`);
    return 1;
  }
  const out = values.out ?? path.join(path.dirname(script), `${path.basename(script).replace(/\.[^.]*$/, '')}.nn.yaml`);
  if (fs.existsSync(out) && !values.force) {
    writeLine(io.stderr, `nn-trainer: ${out} already exists: add --force to overwrite it, or choose another file with --out`);
    return 1;
  }
  const result: ImportResult = /\.json$/i.test(script) ? importKerasModelJson(source, script) : importKerasScript(source, script);
  for (const w of result.warnings) writeLine(io.stderr, `${script}:${w.line}:${w.column}: warning: ${w.message}`);
  if (result.error || result.text === undefined) {
    const e = result.error ?? { line: 1, column: 1, message: 'nothing could be imported' };
    writeLine(io.stderr, `${script}:${e.line}:${e.column}: error: ${e.message}`);
    return 1;
  }
  fs.writeFileSync(out, result.text);
  writeLine(io.stdout, `Wrote ${out}`);
  for (const file of result.dataFiles ?? []) {
    const target = path.join(path.dirname(out), file.name);
    if (fs.existsSync(target)) continue;
    fs.copyFileSync(file.from, target);
    writeLine(io.stdout, `Copied ${file.name} beside it (the data the script loads)`);
  }
  writeLine(io.stdout, `Train it: nn-trainer train ${out}`);
  return 0;
}
