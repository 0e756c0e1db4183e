import { formatDiagnostic, type Diagnostic } from '../diagnostics';

/** The model file has problems; nothing was trained and no run folder was written. */
export class ModelFileInvalidError extends Error {
  override name = 'ModelFileInvalidError';
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
  }
}
