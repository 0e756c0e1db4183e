/**
 * A problem in a model file as plain data: the core produces it, the CLI prints it, the worker sends
 * it to the host and the host turns it into a squiggle.
 */

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
  /** Edits that repair it (the editor's quick fixes), when the repair is known for sure. */
  fixes?: DiagnosticFix[];
}

/** Replace the text of `range` with `newText` (an empty range inserts). */
export interface SourceEdit {
  range: SourceRange;
  newText: string;
}

/** One quick fix: a title such as "Change to `relu`" and the edits it makes. */
export interface DiagnosticFix {
  title: string;
  edits: SourceEdit[];
}
