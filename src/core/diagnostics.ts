/** A 1-based position in a model file, as editors and compilers print it. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** The exact span of a YAML/JSON node a problem is about. */
export interface SourceRange {
  start: SourcePosition;
  end: SourcePosition;
}

export type Severity = 'error' | 'warning' | 'info';

/** One problem in a model file, located precisely enough for a squiggle. */
export interface Diagnostic {
  file: string;
  range: SourceRange;
  severity: Severity;
  message: string;
  /** Stable machine-readable kind, e.g. `unknown-key`, `invalid-value`, `shape-mismatch`. */
  code: string;
}

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
  ) {
    super(message);
    this.name = 'SpecError';
  }
}
