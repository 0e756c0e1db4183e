/** Parses and validates model file text: the one entry point the editor calls on every keystroke. */
import { parseDocument } from 'yaml';
import type { Diagnostic } from '../diagnostics';
import { crossCheck } from './crossChecks';
import { normalizeSpec } from './normalizeSpec';
import type { ParsedModelFile } from './parsedModelFile';
import { CODES, type Problem } from './problem';
import { isRawMap } from './rawValues';
import { translateSchemaErrors } from './schemaErrors';
import { modelValidator, validateAgainstSchema } from './schemaValidator';
import { LineIndex } from './sourcePositions';
import { defaultModelName } from './modelFileName';
import { SourceTree } from './sourceTree';
import { repairFix, suggestedRepair } from './repairs';
import { jsonSyntaxDiagnostics, yamlSyntaxDiagnostics } from './syntaxDiagnostics';

/** Parses `.json` files as JSON and anything else as YAML; never throws on bad input. */
export function parseModelText(text: string, file: string): ParsedModelFile {
  const lines = new LineIndex(text);
  // The YAML parser reads JSON too, and gives both formats the same node positions.
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const tree = new SourceTree(doc, lines, text);
  const jsonErrors = isJsonFile(file) ? jsonSyntaxDiagnostics(text, file, lines) : [];
  const diagnostics = jsonErrors.length > 0 ? jsonErrors : yamlSyntaxDiagnostics(doc, text, file, lines);
  let spec: ParsedModelFile['spec'];

  // Validating a document the parser could not read would only add confusing follow-up errors.
  if (!diagnostics.some(isError)) {
    const value = toValue(doc, file, diagnostics);
    if (value.ok) {
      const problems = [...translateSchemaErrors(validateAgainstSchema(value.value), value.value, modelValidator()), ...crossCheck(value.value)];
      diagnostics.push(...problems.map((p) => toDiagnostic(p, tree, file, text)));
      if (!diagnostics.some(isError) && isRawMap(value.value)) spec = normalizeSpec(value.value, defaultModelName(file));
    }
  }

  return {
    file,
    text,
    ...(spec ? { spec } : {}),
    diagnostics: sortAndDedupe(diagnostics),
    rangeOf: (path) => tree.rangeOf(path),
    fixOf: (target, repair) => repairFix(tree, text, isJsonFile(file), target, repair),
  };
}

function isJsonFile(file: string): boolean {
  return /\.json$/i.test(file);
}

function isError(d: Diagnostic): boolean {
  return d.severity === 'error';
}

function toValue(doc: ReturnType<typeof parseDocument>, file: string, diagnostics: Diagnostic[]): { ok: true; value: unknown } | { ok: false } {
  try {
    // A cap on alias expansion keeps a "billion laughs" file from freezing the editor.
    return { ok: true, value: doc.toJS({ maxAliasCount: 1000 }) };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    diagnostics.push({
      file,
      range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
      severity: 'error',
      message: `cannot read the document: ${message}`,
      code: CODES.syntax,
    });
    return { ok: false };
  }
}

function toDiagnostic(problem: Problem, tree: SourceTree, file: string, text: string): Diagnostic {
  const range = problem.at === 'key' ? tree.keyRangeOf(problem.path) : tree.rangeOf(problem.path);
  const repair = problem.repair ?? suggestedRepair(problem.message);
  const fix = repair && repairFix(tree, text, isJsonFile(file), problem, repair);
  return { file, range, severity: problem.severity ?? 'error', message: problem.message, code: problem.code, ...(fix ? { fixes: [fix] } : {}) };
}

function sortAndDedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic): string => `${d.range.start.line}:${d.range.start.column}:${d.message}`;
  const unique = [...new Map(diagnostics.map((d) => [key(d), d])).values()];
  return unique.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.column - b.range.start.column ||
      a.range.end.line - b.range.end.line ||
      a.range.end.column - b.range.end.column ||
      a.message.localeCompare(b.message),
  );
}
