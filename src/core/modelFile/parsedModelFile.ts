import type { Diagnostic, SourceRange, SpecPath } from '../diagnostics';
import type { ModelSpec } from '../spec/modelSpec';
import type { DiagnosticFix } from '../../shared/diagnosticTypes';
import type { Repair, RepairTarget } from './repairs';

/** A model file after parsing and validation: its spec when valid, and every problem found. */
export interface ParsedModelFile {
  /** The file name as given. */
  file: string;
  text: string;
  /** Present only when there is no error diagnostic. */
  spec?: ModelSpec;
  /** All problems, sorted by position. */
  diagnostics: Diagnostic[];
  /** Range of the node at path, or of its nearest existing ancestor (1:1 when nothing). */
  rangeOf(path: SpecPath): SourceRange;
  /** The quick fix of a repair at target, when the source has the shape it needs. */
  fixOf(target: RepairTarget, repair: Repair): DiagnosticFix | undefined;
}
