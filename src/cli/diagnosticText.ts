import type { Diagnostic, Severity } from '../core/diagnostics';
import { escapeInvisible, oneLine } from '../core/modelFile/oneLineMessage';
import { painter, type Paint, type TerminalStyle } from './terminalStyle';

/**
 * A problem as a compiler prints it: always the `FILE:LINE:COLUMN: error: MESSAGE` line (coloured
 * when allowed), and for a person also the offending source line with carets under the span:
 *
 *     FILE:5:36: error: `relux` is not a valid activation ...
 *       5 |   - Dense: { units: 4, activation: relux }
 *         |                                    ^^^^^
 *
 * The first line is one line whatever the message or file name holds, and the source line shows
 * its control characters instead of letting them move the cursor or start an escape sequence.
 */
export function renderDiagnostic(d: Diagnostic, sourceLines: readonly string[] | undefined, style: TerminalStyle): string {
  const paint = painter(style.color);
  const mark = severityPaint(paint, d.severity);
  const { line, column } = d.range.start;
  const head = `${paint.bold(`${escapeInvisible(d.file)}:${line}:${column}:`)} ${mark(d.severity)}: ${oneLine(d.message)}`;
  const written = sourceLines?.[line - 1];
  const source = written === undefined ? undefined : visible(written);
  if (!style.rich || source === undefined) return head;
  const number = String(line);
  const gutter = (label: string) => paint.blue(`  ${label.padStart(number.length)} |`);
  // The carets copy the line's tabs so that they stay under the span whatever the tab width.
  const indent = source.slice(0, column - 1).replace(/[^\t]/g, ' ');
  const end = d.range.end.line === line ? d.range.end.column : source.length + 1;
  const carets = '^'.repeat(Math.max(1, end - column));
  return [head, `${gutter(number)} ${source}`, `${gutter('')} ${indent}${mark(carets)}`].join('\n');
}

/**
 * A source line as the terminal may print it: each control character as one visible character, so
 * the carets below stay under their columns (tabs are kept: the carets copy them).
 */
function visible(line: string): string {
  // eslint-disable-next-line no-control-regex -- replacing them is the point
  return line.replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, (c) => String.fromCharCode(c === '\u007f' ? 0x2421 : 0x2400 + c.charCodeAt(0))).replace(/[\u0080-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g, '\ufffd');
}

/** The file's lines as editors and the diagnostics count them: LF, CRLF and a lone CR end a line. */
export function sourceLinesOf(text: string): string[] {
  return text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
}

function severityPaint(paint: Record<'red' | 'yellow' | 'cyan', Paint>, severity: Severity): Paint {
  return severity === 'error' ? paint.red : severity === 'warning' ? paint.yellow : paint.cyan;
}
