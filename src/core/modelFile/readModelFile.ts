import { readFile } from 'fs/promises';
import type { Diagnostic, SpecError } from '../diagnostics';
import { parseModelText } from './parseModelText';
import type { ParsedModelFile } from './parsedModelFile';
import { CODES } from './problem';
import { FIRST_CHARACTER } from './sourcePositions';
import { suggestedRepair } from './repairs';
import { oneLine } from './oneLineMessage';
import { inOurWords } from '../check/layerRejection';

/** Reads and parses a model file; an unreadable file becomes one diagnostic at 1:1. */
export async function readModelFile(file: string): Promise<ParsedModelFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : err instanceof Error ? err.message : String(err);
    return {
      file,
      text: '',
      diagnostics: [{ file, range: FIRST_CHARACTER, severity: 'error', message: oneLine(`cannot read the model file: ${reason}`), code: CODES.unreadable }],
      rangeOf: () => FIRST_CHARACTER,
      fixOf: () => undefined,
    };
  }
  return parseModelText(text, file);
}

/**
 * Locates an error found by a later stage (data loading, shape checks) in the parsed file. Its
 * message is made one line here, and any TensorFlow.js wording that reached it is put in ours.
 */
export function diagnosticFromSpecError(parsed: ParsedModelFile, err: SpecError): Diagnostic {
  const repair = err.repair ?? suggestedRepair(err.message);
  const fix = repair && parsed.fixOf({ path: err.path, at: 'value' }, repair);
  const message = oneLine(inOurWords(err.message));
  return { file: parsed.file, range: parsed.rangeOf(err.path), severity: err.severity, message, code: err.code, ...(fix ? { fixes: [fix] } : {}) };
}
