import type { Diagnostic, Severity } from '../shared/diagnosticTypes';
import type { Repair } from './modelFile/repairs';
import { escapeInvisible, oneLine } from './modelFile/oneLineMessage';

export type { SourcePosition, SourceRange, Severity, Diagnostic } from '../shared/diagnosticTypes';

/** A path to a node of the model file: keys and list indices from the root. */
export type SpecPath = ReadonlyArray<string | number>;

/**
 * Formats a diagnostic the way compilers do: `FILE:LINE:COLUMN: error: MESSAGE`, always one line
 * (messages are one line at the source; this holds even for one that is not).
 */
export function formatDiagnostic(d: Diagnostic): string {
  return `${escapeInvisible(d.file)}:${d.range.start.line}:${d.range.start.column}: ${d.severity}: ${oneLine(d.message)}`;
}

/**
 * An error a user caused through the content of a model file, thrown by later stages (data loading,
 * shape checks) and located by its spec path so it can become a Diagnostic.
 */
export class SpecError extends Error {
  constructor(
    readonly path: SpecPath,
    message: string,
    readonly code: string = 'invalid-value',
    /** The certain repair, offered as a quick fix. */
    readonly repair?: Repair,
    /** A warning does not stop training; it is shown, as a squiggle and a `warning:` line. */
    readonly severity: Severity = 'error',
  ) {
    super(message);
    this.name = 'SpecError';
  }
}
