/** Parses and validates model file text: the one entry point the editor calls on every keystroke. */
import { parseDocument, Scalar, visit, type Document } from 'yaml';
import type { Diagnostic } from '../diagnostics';
import { dropControlCharacters } from './controlCharacters';
import { crossCheck } from './crossChecks';
import { capDiagnostics } from './diagnosticCap';
import { EditedText } from './editedText';
import { explainMisplacedSections } from './misplacedSections';
import { firstTooDeep, tooDeepMessage } from './nestingDepth';
import { normalizeSpec } from './normalizeSpec';
import { withOneLineMessage } from './oneLineMessage';
import type { ParsedModelFile } from './parsedModelFile';
import { CODES, type Problem } from './problem';
import { isRawMap } from './rawValues';
import { linesTouched, rootCauseDiagnostic } from './rootCauses';
import { translateSchemaErrors } from './schemaErrors';
import { modelValidator, validateAgainstSchema } from './schemaValidator';
import { LineIndex, type OffsetRanges } from './sourcePositions';
import { defaultModelName } from './modelFileName';
import { SourceTree } from './sourceTree';
import { repairFix, suggestedRepair } from './repairs';
import { jsonSyntaxDiagnostics, yamlSyntaxDiagnostics } from './syntaxDiagnostics';
import { indentUnitOf, linesOf, recoverYaml, structuralErrors, YAML_OPTIONS, type RootCause } from './syntaxRecovery';

/** Parses `.json` files as JSON and anything else as YAML; never throws on bad input. */
export function parseModelText(text: string, file: string): ParsedModelFile {
  // Editors hide a byte order mark and count columns without it; so do the positions here.
  const source = text.startsWith('\ufeff') ? text.slice(1) : text;
  // An editor shows a lone CR as a line break, the YAML parser would not: same length, same offsets.
  const normalized = source.replace(/\r(?!\n)/g, '\n');
  const lines = new LineIndex(normalized);
  const json = isJsonFile(file);
  const tooDeep = firstTooDeep(normalized);
  if (tooDeep !== undefined) {
    const d: Diagnostic = { file, range: lines.range(tooDeep, tooDeep + 1), severity: 'error', message: tooDeepMessage(), code: CODES.tooDeep };
    return unreadable(file, source, normalized, lines, d);
  }

  const controls = dropControlCharacters(EditedText.of(normalized), file, lines);
  if (controls.binary) return unreadable(file, source, normalized, lines, controls.diagnostics[0]);
  const diagnostics: Diagnostic[] = [...controls.diagnostics];
  let checked = controls.text;
  let doc: Document.Parsed;
  let causes: RootCause[] = [];
  let readable: boolean;
  if (json) {
    // The YAML parser reads JSON too, and gives both formats the same node positions.
    doc = parseDocument(checked.text, YAML_OPTIONS);
    const jsonErrors = jsonSyntaxDiagnostics(checked.text, file, mapped(checked, lines));
    diagnostics.push(...(jsonErrors.length > 0 ? jsonErrors : yamlSyntaxDiagnostics(doc, checked.text, file, mapped(checked, lines))));
    readable = jsonErrors.length === 0 && structuralErrors(doc).length === 0;
  } else {
    const recovered = recoverYaml(checked);
    ({ doc, causes } = recovered);
    checked = recovered.text;
    diagnostics.push(...yamlSyntaxDiagnostics(doc, checked.text, file, mapped(checked, lines)));
    readable = structuralErrors(doc).length === 0;
  }
  const tree = new SourceTree(doc, mapped(checked, lines), checked.text);
  let spec: ParsedModelFile['spec'];

  // Checking a document the parser could not read would only add confusing follow-up errors; once
  // its root causes are repaired, the rest of it is checked as the user will have it.
  // An alias to no anchor is reported already; it reads as an empty value so the rest is checked.
  const aliasLines = readable ? emptyUnresolvedAliases(doc).map((offset) => mapped(checked, lines).range(offset, offset).start.line) : [];
  const value = readable ? toValue(doc, file, diagnostics) : { ok: false as const };
  const problems: Diagnostic[] = [];
  if (value.ok) {
    const { schema } = modelValidator();
    const found = [...translateSchemaErrors(validateAgainstSchema(value.value), value.value, modelValidator()), ...crossCheck(value.value)];
    const keyLines = { lineOf: (path: Problem['path']) => tree.keyRangeOf(path).start.line };
    const explained = explainMisplacedSections(found, value.value, schema, keyLines, indentUnitOf(linesOf(checked.text))).map((p) => ({ problem: p, diagnostic: toDiagnostic(p, tree, file, checked.text) }));
    const repaired = new Set([...causes.flatMap((c) => linesTouched(c, lines)), ...aliasLines]);
    const echoes = (p: Problem, d: Diagnostic) => isEchoOfRepairs(p, d, repaired, keyLines, normalized);
    problems.push(...explained.filter(({ problem, diagnostic }) => repaired.size === 0 || !echoes(problem, diagnostic)).map(({ diagnostic }) => diagnostic));
  }
  diagnostics.push(...problems, ...rootCauseDiagnostics(causes, problems, file, lines));
  if (value.ok && !diagnostics.some(isError) && isRawMap(value.value)) spec = normalizeSpec(value.value, defaultModelName(file));

  return {
    file,
    text: source,
    ...(spec ? { spec } : {}),
    diagnostics: capDiagnostics(sortAndDedupe(diagnostics.map(withOneLineMessage))),
    rangeOf: (path) => tree.rangeOf(path),
    fixOf: (target, repair) => repairFix(tree, checked.text, json, target, repair),
  };
}

/**
 * The diagnostics of the root causes. A re-indentation that made keys land where a missing or
 * misplaced section header explains them says less than that explanation, on the same line.
 */
function rootCauseDiagnostics(causes: readonly RootCause[], others: readonly Diagnostic[], file: string, lines: LineIndex): Diagnostic[] {
  const sectionLines = new Set(others.filter((d) => d.code === CODES.misplacedSection).map((d) => d.range.start.line));
  return causes
    .map((cause) => ({ cause, diagnostic: rootCauseDiagnostic(cause, file, lines) }))
    .filter(({ cause, diagnostic }) => !(cause.repair.kind === 'indent' && !cause.repair.tabs && sectionLines.has(diagnostic.range.start.line)))
    .map(({ diagnostic }) => diagnostic);
}

/** A file that cannot be parsed at all: its one diagnostic, and nothing to point into. */
function unreadable(file: string, source: string, normalized: string, lines: LineIndex, diagnostic: Diagnostic): ParsedModelFile {
  const tree = new SourceTree(undefined, lines, normalized);
  return {
    file,
    text: source,
    diagnostics: [withOneLineMessage(diagnostic)],
    rangeOf: (path) => tree.rangeOf(path),
    fixOf: () => undefined,
  };
}

/** Ranges of the checked text, at the places of the file as written. */
function mapped(text: EditedText, lines: LineIndex): OffsetRanges {
  if (!text.edited) return lines;
  return { range: (start, end) => lines.range(text.toOriginal(start), text.toOriginal(end, 'end')) };
}

/**
 * Whether a problem of the repaired document may only echo a repair: it is on a repaired line, or
 * in a section whose key is (the repair reinterpreted what follows), or it says a key is missing
 * that the file does write (a blanked line, a block the repair moved). The root cause is reported
 * already; the rest of the file is checked as the user will have it once that is fixed.
 */
function isEchoOfRepairs(problem: Problem, diagnostic: Diagnostic, repaired: ReadonlySet<number>, keys: { lineOf(path: Problem['path']): number }, text: string): boolean {
  if (problem.code === CODES.misplacedSection) return false;
  if (problem.code === CODES.missingKey) {
    const key = /`([^`]+)`/.exec(problem.message)?.[1];
    if (key !== undefined && new RegExp(`^\\s*(?:-\\s+)?["']?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*:`, 'm').test(text)) return true;
  }
  if (repaired.has(diagnostic.range.start.line)) return true;
  return problem.path.length > 0 && repaired.has(keys.lineOf(problem.path.slice(0, 1)));
}

/** Replaces each alias to no anchor with an empty value; returns their offsets. */
function emptyUnresolvedAliases(doc: Document.Parsed): number[] {
  const offsets: number[] = [];
  visit(doc, {
    Alias(_key, node) {
      if (node.resolve(doc) !== undefined) return undefined;
      offsets.push(node.range?.[0] ?? 0);
      const empty = new Scalar(null);
      empty.range = node.range;
      return empty;
    },
  });
  return offsets;
}

function isJsonFile(file: string): boolean {
  return /\.json$/i.test(file);
}

function isError(d: Diagnostic): boolean {
  return d.severity === 'error';
}

function toValue(doc: Document.Parsed, file: string, diagnostics: Diagnostic[]): { ok: true; value: unknown } | { ok: false } {
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
