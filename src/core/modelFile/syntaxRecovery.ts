/**
 * Finding the one mistake behind a cascade of YAML syntax errors. A stray line above `name:` makes
 * the parser reject every token after it; a mis-indented key makes it misread its siblings. Instead
 * of reporting each echo, the first error's likely repairs (re-indent a nearby line, blank it,
 * close its bracket) are tried on a copy of the text, and the one that explains the most errors
 * wins: that is the root cause, the errors it explains are dropped, and once nothing is left the
 * repaired document is checked like any other, so a tab does not hide a wrong activation.
 */
import { parseDocument, type Document, type YAMLError } from 'yaml';
import type { EditedText } from './editedText';
import { validateAgainstSchema } from './schemaValidator';

/** How the model file is parsed: one document, unique keys, and nothing written to the console. */
export const YAML_OPTIONS = { prettyErrors: false, uniqueKeys: true, logLevel: 'error' } as const;

/**
 * Parser errors after which the document still holds what the user wrote, so it can be checked
 * further. A duplicate key, an unknown tag or a bad escape spoil one value, not the structure.
 */
const READABLE_ERRORS = new Set(['DUPLICATE_KEY', 'TAG_RESOLVE_FAILED', 'BAD_DQ_ESCAPE', 'KEY_OVER_1024_CHARS', 'MULTIPLE_ANCHORS', 'MULTIPLE_TAGS']);

/** Larger texts are not searched for repairs: each try parses the whole text again. */
const MAX_RECOVERY_CHARS = 100_000;
/**
 * Parses one recovery may spend: 150 for a small file, fewer as it grows (about 3 MB of text
 * parsed in all), so a hopeless file costs the validation worker tens of milliseconds at most.
 */
function triesFor(length: number): number {
  return Math.max(10, Math.min(150, Math.floor(3_000_000 / Math.max(1, length))));
}
/** Root causes searched for; those past the ones shown are only counted. */
export const MAX_ROOT_CAUSES = 10;

export type LineRepair =
  | { kind: 'indent'; from: number; to: number; tabs: boolean }
  | { kind: 'remove' }
  | { kind: 'close'; brackets: string; openOffset: number }
  | { kind: 'dropClosers'; offsets: number[]; brackets: string };

/** One root cause: the first error of a cascade and the repair of one line that explains it. */
export interface RootCause {
  error: YAMLError;
  /** The error's span in the text the repair was tried on. */
  text: EditedText;
  /** Index (0-based) of the repaired line in that text. */
  line: number;
  repair: LineRepair;
  /** How many parser errors the repair made disappear, the error itself included. */
  explained: number;
}

export interface RecoveredYaml {
  doc: Document.Parsed;
  text: EditedText;
  causes: RootCause[];
}

/** Whether an error leaves the document unreadable (a repair is needed before checking further). */
export function isStructural(error: YAMLError): boolean {
  return !READABLE_ERRORS.has(error.code);
}

/** Parses `text`, repairing up to `maxCauses` root causes of structural errors, first to last. */
export function recoverYaml(text: EditedText, maxCauses = MAX_ROOT_CAUSES): RecoveredYaml {
  let current = text;
  let doc: Document.Parsed = parseDocument(current.text, YAML_OPTIONS);
  const causes: RootCause[] = [];
  if (current.text.length > MAX_RECOVERY_CHARS) return { doc, text: current, causes };
  let tries = triesFor(current.text.length);
  while (causes.length < maxCauses && tries > 0) {
    const errors = structuralErrors(doc);
    if (errors.length === 0) break;
    const search = bestRepair(current, errors, tries);
    tries -= search.tries;
    if (!search.best) break;
    const { candidate, line } = search.best;
    causes.push({ error: errors[0], text: current, line, repair: candidate.repair, explained: errors.length - structuralErrors(candidate.doc).length });
    current = candidate.text;
    doc = candidate.doc;
  }
  return { doc, text: current, causes };
}

/** The structural errors of a document, first first. */
export function structuralErrors(doc: Document.Parsed): YAMLError[] {
  return doc.errors.filter(isStructural).sort((a, b) => a.pos[0] - b.pos[0]);
}

interface Candidate {
  repair: LineRepair;
  text: EditedText;
  doc: Document.Parsed;
  errors: number;
  /** Lower is likelier when two repairs explain as much. */
  rank: number[];
}

interface Line {
  start: number;
  /** End of the line's text, before its `\n`. */
  end: number;
  text: string;
  indent: number;
}

function bestRepair(text: EditedText, errors: YAMLError[], budget: number): { best?: { candidate: Candidate; line: number }; tries: number } {
  const lines = linesOf(text.text);
  const errorLine = lineIndexAt(lines, errors[0].pos[0]);
  const indentCounts = countIndents(lines);
  let best: { candidate: Candidate; line: number } | undefined;
  let tries = 0;
  // The error's own line, then the content lines above it: a stray or mis-indented line is often
  // the one before the error the parser reports.
  for (const [distance, index] of nearbyContentLines(lines, errorLine).entries()) {
    for (const repair of repairsOf(lines, index, errors[0], indentCounts)) {
      if (tries >= budget) return { best, tries };
      tries++;
      const edited = apply(text, lines[index], repair);
      const doc = parseDocument(edited.text, YAML_OPTIONS);
      const remaining = structuralErrors(doc).length;
      if (remaining >= errors.length) continue;
      const rank = [KIND_RANK[repair.kind], remaining === 0 ? schemaErrorCount(doc) : 0, ...rankOf(repair, lines[index], distance, indentCounts)];
      const candidate: Candidate = { repair, text: edited, doc, errors: remaining, rank };
      if (!best || better(candidate, best.candidate)) best = { candidate, line: index };
      // A bracket on the error's own line that explains it is as certain as a repair gets.
      if (distance === 0 && KIND_RANK[repair.kind] === 0) return { best: { candidate, line: index }, tries };
    }
  }
  return { best, tries };
}

function better(a: Candidate, b: Candidate): boolean {
  if (a.errors !== b.errors) return a.errors < b.errors;
  for (let i = 0; i < Math.max(a.rank.length, b.rank.length); i++) {
    const diff = (a.rank[i] ?? 0) - (b.rank[i] ?? 0);
    if (diff !== 0) return diff < 0;
  }
  return false;
}

const KIND_RANK: Record<LineRepair['kind'], number> = { close: 0, dropClosers: 0, indent: 1, remove: 2 };

/**
 * Among repairs that explain as many errors: a bracket before an indentation before a deleted line;
 * then the one whose document the schema finds less wrong with; a line whose indentation is rare
 * in the file before one whose indentation many lines share; nearer the error; the smallest change.
 */
function rankOf(repair: LineRepair, line: Line, distance: number, indentCounts: Map<number, number>): number[] {
  const tabs = repair.kind === 'indent' && repair.tabs ? 0 : 1;
  const rarity = repair.kind === 'indent' ? (indentCounts.get(line.indent) ?? 0) : 0;
  const change = repair.kind === 'indent' ? Math.abs(repair.to - repair.from) : 0;
  return [tabs, rarity, distance, change];
}

/** How much the schema finds wrong in a repaired document: the likelier repair leaves less. */
function schemaErrorCount(doc: Document.Parsed): number {
  try {
    return validateAgainstSchema(doc.toJS({ maxAliasCount: 1000 })).length;
  } catch {
    return Number.MAX_SAFE_INTEGER;
  }
}

function repairsOf(lines: Line[], index: number, error: YAMLError, indentCounts: Map<number, number>): LineRepair[] {
  const line = lines[index];
  const leading = /^[ \t]*/.exec(line.text)?.[0] ?? '';
  const tabs = leading.includes('\t');
  const repairs: LineRepair[] = [];
  const brackets = unclosedBrackets(line);
  if (brackets.open.length > 0) repairs.push({ kind: 'close', brackets: brackets.open.map((b) => b.closer).reverse().join(''), openOffset: brackets.open[0].offset });
  if (brackets.unmatched.length > 0) repairs.push({ kind: 'dropClosers', offsets: brackets.unmatched.map((u) => u.offset), brackets: brackets.unmatched.map((u) => u.char).join('') });
  const previous = previousContentLine(lines, index);
  const targets = new Set<number>([...indentCounts.keys(), ...(previous === undefined ? [] : [lines[previous].indent + 2])]);
  const sorted = [...targets].filter((to) => tabs || to !== line.indent).sort((a, b) => Math.abs(a - line.indent) - Math.abs(b - line.indent) || a - b);
  for (const to of sorted.slice(0, 6)) repairs.push({ kind: 'indent', from: leading.length, to, tabs });
  // Only a line that cannot be read where it stands is worth blanking; a tab is fixed by indenting.
  if (!tabs || error.code !== 'TAB_AS_INDENT') repairs.push({ kind: 'remove' });
  return repairs;
}

function apply(text: EditedText, line: Line, repair: LineRepair): EditedText {
  switch (repair.kind) {
    case 'indent':
      return text.replace(line.start, line.start + repair.from, ' '.repeat(repair.to));
    case 'remove':
      // Blanked rather than deleted, so the lines below keep their offsets.
      return text.replace(line.start, line.end, ' '.repeat(line.end - line.start));
    case 'close': {
      const end = contentEnd(line);
      return text.replace(end, end, repair.brackets);
    }
    case 'dropClosers':
      // Last first, so the earlier offsets stay valid.
      return [...repair.offsets].reverse().reduce((edited, offset) => edited.replace(offset, offset + 1, ''), text);
  }
}

/** The end of a line's content, before a trailing comment and spaces. */
export function contentEnd(line: { start: number; text: string }): number {
  const comment = commentStart(line.text);
  const content = line.text.slice(0, comment).replace(/\s+$/, '');
  return line.start + content.length;
}

/** Where a line's `#` comment starts (outside quotes), else its length. */
function commentStart(text: string): number {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"') i++;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) return i;
  }
  return text.length;
}

const CLOSER: Record<string, string> = { '[': ']', '{': '}' };

/** Brackets opened on a line and not closed on it, and closers with nothing open (outside quotes and comments). */
function unclosedBrackets(line: Line): { open: Array<{ offset: number; closer: string }>; unmatched: Array<{ offset: number; char: string }> } {
  const open: Array<{ offset: number; closer: string }> = [];
  const unmatched: Array<{ offset: number; char: string }> = [];
  const end = commentStart(line.text);
  let quote: string | undefined;
  for (let i = 0; i < end; i++) {
    const c = line.text[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"') i++;
    } else if (c === '"' || c === "'") quote = c;
    else if (CLOSER[c]) open.push({ offset: line.start + i, closer: CLOSER[c] });
    else if (c === ']' || c === '}') {
      if (open.length > 0 && open[open.length - 1].closer === c) open.pop();
      else unmatched.push({ offset: line.start + i, char: c });
    }
  }
  return { open, unmatched };
}

/** The lines of a text, split at `\n` (a lone CR is a line break too, but was made `\n` before). */
export function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const raw of text.split('\n')) {
    const lineText = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    lines.push({ start, end: start + lineText.length, text: lineText, indent: /^ */.exec(lineText)?.[0].length ?? 0 });
    start += raw.length + 1;
  }
  return lines;
}

export function lineIndexAt(lines: readonly Line[], offset: number): number {
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lines[mid].start <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** A line with something on it besides spaces and a comment. */
export function isContent(line: { text: string }): boolean {
  return !/^\s*(#.*)?$/.test(line.text);
}

/** The error's line (or the content line before it, when the error sits on a blank one) and the two content lines above. */
function nearbyContentLines(lines: Line[], errorLine: number): number[] {
  const nearby: number[] = [];
  let index = errorLine;
  if (!isContent(lines[index])) index = previousContentLine(lines, index) ?? index;
  while (index !== undefined && nearby.length < 3) {
    if (isContent(lines[index])) nearby.push(index);
    const previous: number | undefined = previousContentLine(lines, index);
    if (previous === undefined) break;
    index = previous;
  }
  return nearby;
}

function previousContentLine(lines: Line[], index: number): number | undefined {
  for (let i = index - 1; i >= 0; i--) if (isContent(lines[i])) return i;
  return undefined;
}

/** How many content lines start at each indentation. */
function countIndents(lines: Line[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const line of lines) {
    if (isContent(line) && !/^ *\t/.test(line.text)) counts.set(line.indent, (counts.get(line.indent) ?? 0) + 1);
  }
  return counts;
}
