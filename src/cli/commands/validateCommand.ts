import { parseArgs } from 'util';
import { formatDiagnostic } from '../../core/diagnostics';
import { checkModelFile } from '../../core/session/checkModelFile';
import { UsageError } from '../usage';
import { writeLine, type CliIo } from '../io';

/** `nn-trainer validate FILE...`: 0 when every file is valid, else the problems and 1. */
export async function validateCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length === 0) throw new UsageError('validate needs at least one model file');
  let problems = 0;
  for (const file of positionals) {
    const diagnostics = await checkModelFile(file);
    for (const d of diagnostics) writeLine(io.stderr, formatDiagnostic(d));
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    problems += errors;
    if (errors === 0) writeLine(io.stdout, `${file}: valid`);
  }
  return problems === 0 ? 0 : 1;
}
