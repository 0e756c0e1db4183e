/**
 * Characters a model file may not contain. YAML allows only printable characters (tab, line breaks
 * and NEL aside), JSON no raw controls in strings; the YAML library accepts a NUL anyway, which
 * would end up in a run folder's name. Each one is dropped from the text that is checked further,
 * so the rest of the file is still validated as if it were not there.
 */
import type { Diagnostic } from '../diagnostics';
import type { EditedText } from './editedText';
import { codePointName } from './oneLineMessage';
import { CODES } from './problem';
import type { LineIndex } from './sourcePositions';

// C0 controls but tab, LF and CR; DEL; C1 controls but NEL; a BOM past the start; lone surrogates.
// eslint-disable-next-line no-control-regex -- finding them is the point
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u0080-\u0084\u0086-\u009f\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** More than this many, and the file is most likely not text at all. */
const MAX_DROPPED = 100;

/**
 * The text without its forbidden characters, and one error at the first of them; `binary` when
 * there are so many that checking further would only list the damage.
 */
export function dropControlCharacters(text: EditedText, file: string, lines: LineIndex): { text: EditedText; diagnostics: Diagnostic[]; binary: boolean } {
  const found = [...text.text.matchAll(FORBIDDEN)];
  if (found.length === 0) return { text, diagnostics: [], binary: false };
  const first = found[0];
  const offset = text.toOriginal(first.index ?? 0);
  const others = found.length - 1;
  const more = others === 0 ? '' : ` (the file has ${others} more: delete ${others === 1 ? 'it' : 'them'} too)`;
  const binary = found.length > MAX_DROPPED;
  const diagnostic: Diagnostic = {
    file,
    range: lines.range(offset, offset + first[0].length),
    severity: 'error',
    message: binary
      ? `the file holds ${found.length} control characters (the first is ${codePointName(first[0])}): a model file is YAML or JSON text`
      : `the control character ${codePointName(first[0])} is not allowed in a model file: delete it${more}`,
    code: CODES.syntax,
  };
  if (binary) return { text, diagnostics: [diagnostic], binary };
  let cleaned = text;
  // Last first, so the offsets of the earlier ones stay valid.
  for (const match of found.reverse()) cleaned = cleaned.replace(match.index ?? 0, (match.index ?? 0) + match[0].length, '');
  return { text: cleaned, diagnostics: [diagnostic], binary };
}
