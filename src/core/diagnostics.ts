import type { Diagnostic } from '../shared/diagnosticTypes';
import type { Repair } from './modelFile/repairs';

export type { SourcePosition, SourceRange, Severity, Diagnostic } from '../shared/diagnosticTypes';

/** A path to a node of the model file: keys and list indices from the root. */
export type SpecPath = ReadonlyArray<string | number>;

/** Formats a diagnostic the way compilers do: `FILE:LINE:COLUMN: error: MESSAGE`. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.range.start.line}:${d.range.start.column}: ${d.severity}: ${d.message}`;
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
  ) {
    super(message);
    this.name = 'SpecError';
  }
}
