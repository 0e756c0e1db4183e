/** Parses and validates model file text: the one entry point the editor calls on every keystroke. */
import { parseDocument, type Document } from 'yaml';
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
import { rootCauseDiagnostic } from './rootCauses';
import { translateSchemaErrors } from './schemaErrors';
import { modelValidator, validateAgainstSchema } from './schemaValidator';
import { LineIndex, type OffsetRanges } from './sourcePositions';
import { defaultModelName } from './modelFileName';
import { SourceTree } from './sourceTree';
import { repairFix, suggestedRepair } from './repairs';
import { jsonSyntaxDiagnostics, yamlSyntaxDiagnostics } from './syntaxDiagnostics';
import { linesOf, recoverYaml, structuralErrors, YAML_OPTIONS, type RootCause } from './syntaxRecovery';

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
    diagnostics.push(...causes.map((c) => rootCauseDiagnostic(c, file, lines)), ...yamlSyntaxDiagnostics(doc, checked.text, file, mapped(checked, lines)));
    readable = structuralErrors(doc).length === 0;
  }
  const tree = new SourceTree(doc, mapped(checked, lines), checked.text);
  let spec: ParsedModelFile['spec'];

  // Checking a document the parser could not read would only add confusing follow-up errors; once
  // its root causes are repaired, the rest of it is checked as the user will have it.
  if (readable && !hasUnresolvedAlias(diagnostics)) {
    const value = toValue(doc, file, diagnostics);
    if (value.ok) {
      const { schema } = modelValidator();
      const found = [...translateSchemaErrors(validateAgainstSchema(value.value), value.value, modelValidator()), ...crossCheck(value.value)];
      const keyLines = { lineOf: (path: Problem['path']) => tree.keyRangeOf(path).start.line };
      const problems = withoutEchoesOfRepairs(explainMisplacedSections(found, value.value, schema, keyLines, indentUnit(checked.text)), causes);
      diagnostics.push(...problems.map((p) => toDiagnostic(p, tree, file, checked.text)));
      if (!diagnostics.some(isError) && isRawMap(value.value)) spec = normalizeSpec(value.value, defaultModelName(file));
    }
  }

  return {
    file,
    text: source,
    ...(spec ? { spec } : {}),
    diagnostics: capDiagnostics(sortAndDedupe(diagnostics.map(withOneLineMessage))),
    rangeOf: (path) => tree.rangeOf(path),
    fixOf: (target, repair) => repairFix(tree, checked.text, json, target, repair),
  };
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
 * A blanked line's key is missing from the repaired document; "missing required key `loss`" would
 * echo the root cause already reported on that line.
 */
function withoutEchoesOfRepairs(problems: Problem[], causes: readonly RootCause[]): Problem[] {
  const blankedKeys = causes
    .filter((c) => c.repair.kind === 'remove')
    .map((c) => /^\s*(?:-\s+)?["']?([^\s"':#][^"':#]*?)["']?\s*:/.exec(linesOf(c.text.text)[c.line].text)?.[1])
    .filter((k): k is string => k !== undefined);
  if (blankedKeys.length === 0) return problems;
  return problems.filter((p) => !(p.code === CODES.missingKey && blankedKeys.some((k) => p.message.includes(`\`${k}\``))));
}

/** The indentation step the file uses (2 when it shows none). */
function indentUnit(text: string): number {
  const indents = linesOf(text)
    .filter((l) => /^ +\S/.test(l.text) && !/^\s*#/.test(l.text))
    .map((l) => l.indent);
  return indents.length > 0 ? Math.min(...indents) : 2;
}

function hasUnresolvedAlias(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.code === CODES.syntax && /^alias `/.test(d.message));
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
