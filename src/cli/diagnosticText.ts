import type { Diagnostic, Severity } from '../core/diagnostics';
import { painter, type Paint, type TerminalStyle } from './terminalStyle';

/**
 * A problem as a compiler prints it: always the `FILE:LINE:COLUMN: error: MESSAGE` line (coloured
 * when allowed), and for a person also the offending source line with carets under the span:
 *
 *     FILE:5:36: error: `relux` is not a valid activation ...
 *       5 |   - Dense: { units: 4, activation: relux }
 *         |                                    ^^^^^
 */
export function renderDiagnostic(d: Diagnostic, sourceLines: readonly string[] | undefined, style: TerminalStyle): string {
  const paint = painter(style.color);
  const mark = severityPaint(paint, d.severity);
  const { line, column } = d.range.start;
  const head = `${paint.bold(`${d.file}:${line}:${column}:`)} ${mark(d.severity)}: ${d.message}`;
  const source = sourceLines?.[line - 1];
  if (!style.rich || source === undefined) return head;
  const number = String(line);
  const gutter = (label: string) => paint.blue(`  ${label.padStart(number.length)} |`);
  // The carets copy the line's tabs so that they stay under the span whatever the tab width.
  const indent = source.slice(0, column - 1).replace(/[^\t]/g, ' ');
  const end = d.range.end.line === line ? d.range.end.column : source.length + 1;
  const carets = '^'.repeat(Math.max(1, end - column));
  return [head, `${gutter(number)} ${source}`, `${gutter('')} ${indent}${mark(carets)}`].join('\n');
}

function severityPaint(paint: Record<'red' | 'yellow' | 'cyan', Paint>, severity: Severity): Paint {
  return severity === 'error' ? paint.red : severity === 'warning' ? paint.yellow : paint.cyan;
}
