/**
 * The cap on what one file reports. Root causes are found and their echoes dropped before this;
 * what a cascade still leaves (brackets that no single repair explains) ends in one located
 * `… and N more` line instead of filling the terminal or the Problems panel.
 */
import type { Diagnostic } from '../diagnostics';
import { CODES } from './problem';

/** Syntax errors shown; the rest are counted in one `… and N more syntax errors` at the first of them. */
export const MAX_SYNTAX_ERRORS = 3;
/** Errors of any kind shown for one file, likewise. */
export const MAX_ERRORS = 20;

/** Diagnostics sorted by position, capped. */
export function capDiagnostics(sorted: readonly Diagnostic[]): Diagnostic[] {
  const isSyntaxError = (d: Diagnostic) => d.severity === 'error' && d.code === CODES.syntax;
  const syntax = cap(sorted, isSyntaxError, MAX_SYNTAX_ERRORS, (n) => `… and ${n} more syntax errors from here on: they often follow from the ones before, so fix those first`);
  return cap(syntax, (d) => d.severity === 'error', MAX_ERRORS, (n) => `… and ${n} more problems from here on`);
}

function cap(sorted: readonly Diagnostic[], counted: (d: Diagnostic) => boolean, max: number, message: (omitted: number) => string): Diagnostic[] {
  const matching = sorted.filter(counted);
  // Replacing a single diagnostic with "1 more" would hide it for nothing.
  if (matching.length <= max + 1) return [...sorted];
  const omitted = new Set(matching.slice(max));
  const first = matching[max];
  const more: Diagnostic = { file: first.file, range: first.range, severity: 'error', message: message(omitted.size), code: first.code === CODES.syntax ? CODES.syntax : CODES.more };
  const kept = sorted.filter((d) => !omitted.has(d));
  kept.splice(kept.findIndex((d) => d === matching[max - 1]) + 1, 0, more);
  return kept;
}
