import * as fs from 'fs';
import type { Diagnostic } from '../../core/diagnostics';
import { parseArgs } from 'util';
import { checkModelFile } from '../../core/session/checkModelFile';
import { renderDiagnostic, sourceLinesOf } from '../diagnosticText';
import { terminalStyle } from '../terminalStyle';
import { UsageError } from '../usage';
import { writeLine, type CliIo } from '../io';

/** `nn-trainer validate FILE... [--color]`: 0 when every file is valid, else the problems and 1. */
export async function validateCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { color: { type: 'boolean', default: false } } });
  if (positionals.length === 0) throw new UsageError('validate needs at least one model file');
  const style = terminalStyle(io.stderr, values.color);
  let failed = false;
  for (const file of positionals) {
    const diagnostics = await checkModelFile(file);
    const lines = style.rich && diagnostics.length > 0 ? sourceLines(file) : undefined;
    for (const d of diagnostics) writeLine(io.stderr, renderDiagnostic(d, lines, style));
    const code = exitCodeOf(diagnostics);
    if (code !== 0) failed = true;
    else writeLine(io.stdout, `${file}: valid`);
  }
  return failed ? 1 : 0;
}

/** 1 when a file has an error (warnings alone leave it valid), else 0. */
export function exitCodeOf(diagnostics: readonly Diagnostic[]): number {
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

/** The file's lines for the source excerpts; none when it cannot be read (that is a problem already). */
function sourceLines(file: string): string[] | undefined {
  try {
    return sourceLinesOf(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}
