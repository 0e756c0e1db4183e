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
import { modelValidator, validateAgainstSchema } from './schemaValidator';

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
 * Parses one recovery may spend: 40 for a small file, fewer as it grows (about 1 MB of text parsed
 * in all), so a hopeless file costs the validation worker a few tens of milliseconds at most.
 */
function triesFor(length: number): number {
  return Math.max(5, Math.min(40, Math.floor(1_000_000 / Math.max(1, length))));
}
/** Root causes searched for; those past the ones shown are only counted. */
export const MAX_ROOT_CAUSES = 10;

export type LineRepair =
  /** Re-indent the line, and with `block` > 1 the lines after it that belong to it (its siblings and their children). */
  | { kind: 'indent'; from: number; to: number; tabs: boolean; block: number }
  | { kind: 'remove' }
  /** Join the line with the next one: a line break typed in the middle of a line. */
  | { kind: 'join'; space: boolean }
  /** `csv:data.csv` is one plain scalar; `csv: data.csv` a key and its value. */
  | { kind: 'colonSpace'; offset: number }
  /** `!Dense:` is a YAML tag swallowing the layer's key: model files use no tags. */
  | { kind: 'dropTag'; start: number; end: number }
  | { kind: 'close'; brackets: string; openOffset: number }
  | { kind: 'dropClosers'; offsets: number[]; brackets: string }
  /** Brackets opened by mistake (`[csv: data.csv`). */
  | { kind: 'dropOpeners'; offsets: number[]; brackets: string }
  /** `data: x` followed by an indented block: the key has both a value and a block. */
  | { kind: 'dropValue'; start: number; end: number }
  /** Layers listed with no `model:` line above them. */
  | { kind: 'insertHeader'; key: string; indent: number; before: number };

/** One root cause: the first error of a cascade and the repair of one line that explains it. */
export interface RootCause {
  error: YAMLError;
  /** The text the repair was made to (the error's offsets are in it). */
  text: EditedText;
  /** Index (0-based) of the repaired line in that text. */
  line: number;
  repair: LineRepair;
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
  ({ doc, text: current } = dropTags(doc, current, causes));
  let tries = triesFor(current.text.length);
  while (causes.length < maxCauses && tries > 0) {
    const errors = structuralErrors(doc);
    if (errors.length === 0) break;
    const search = bestRepair(current, errors, tries);
    tries -= search.tries;
    if (!search.best) break;
    causes.push({ error: errors[0], text: current, line: search.best.line, repair: search.best.repair });
    current = search.best.text;
    doc = search.best.doc;
  }
  return { doc, text: current, causes };
}

/**
 * Model files use no YAML tags, and an unknown one changes what follows it: `- !Dense: {...}`
 * tags the options map with `!Dense:`, and the layer loses its name. Each is a root cause; the
 * document is parsed again without them.
 */
function dropTags(doc: Document.Parsed, text: EditedText, causes: RootCause[]): { doc: Document.Parsed; text: EditedText } {
  const tags = [...doc.errors, ...doc.warnings].filter((e) => e.code === 'TAG_RESOLVE_FAILED').sort((a, b) => b.pos[0] - a.pos[0]);
  if (tags.length === 0) return { doc, text };
  const lines = linesOf(text.text);
  let edited = text;
  for (const tag of tags) {
    const [start, end] = tag.pos;
    const written = text.text.slice(start, end);
    // A tag that ends in `:` took the key it was written before: drop the `!` and keep the key.
    const drop = written.endsWith(':') ? (/^!+/.exec(written)?.[0].length ?? 1) : end - start + (/^[ \t]*/.exec(text.text.slice(end))?.[0].length ?? 0);
    causes.push({ error: tag, text, line: lineIndexAt(lines, start), repair: { kind: 'dropTag', start, end } });
    edited = edited.replace(start, start + drop, '');
  }
  causes.sort((a, b) => a.error.pos[0] - b.error.pos[0]);
  return { doc: parseDocument(edited.text, YAML_OPTIONS), text: edited };
}

/** The structural errors of a document, first first. */
export function structuralErrors(doc: Document.Parsed): YAMLError[] {
  return doc.errors.filter(isStructural).sort((a, b) => a.pos[0] - b.pos[0]);
}

interface Line {
  start: number;
  /** End of the line's text, before its `\n`. */
  end: number;
  text: string;
  indent: number;
}

interface Option {
  line: number;
  repair: LineRepair;
  /** How likely the repair is before trying it; lower first. */
  prior: number[];
}

interface Tried extends Option {
  text: EditedText;
  doc: Document.Parsed;
  errors: number;
  /** What the schema finds wrong with the repaired document (only when no syntax error is left). */
  schemaErrors: number;
}

/**
 * Tries the repairs of the error's line and of the content line above it, likeliest first, and
 * keeps the one that leaves the fewest syntax errors, then the fewest schema errors, then the
 * likeliest. One that leaves nothing wrong at all ends the search.
 */
function bestRepair(text: EditedText, errors: YAMLError[], budget: number): { best?: Tried; tries: number } {
  const lines = linesOf(text.text);
  const errorLine = lineIndexAt(lines, errors[0].pos[0]);
  const indentCounts = countIndents(lines);
  const unit = indentUnitOf(lines);
  const nearby = nearbyContentLines(lines, errorLine);
  const options: Option[] = nearby.flatMap((index, distance) =>
    repairsOf(lines, index, errors[0], unit).map((repair) => ({ line: index, repair, prior: priorOf(repair, lines[index], distance, indentCounts) })),
  );
  // A line break typed in the middle of a line: join each nearby line to the line before it.
  for (const [distance, index] of nearby.entries()) {
    const previous = index - 1;
    if (previous < 0 || !isContent(lines[previous]) || options.some((o) => o.repair.kind === 'join' && o.line === previous)) continue;
    const space = !(/\w$/.test(lines[previous].text) && /^\s*\w/.test(lines[index].text));
    const repair: LineRepair = { kind: 'join', space };
    options.push({ line: previous, repair, prior: priorOf(repair, lines[previous], distance, indentCounts) });
  }
  options.sort((a, b) => compare(a.prior, b.prior));
  let best: Tried | undefined;
  let tries = 0;
  for (const option of options) {
    if (tries >= budget) break;
    tries++;
    const edited = apply(text, lines, option.line, option.repair);
    const doc = parseDocument(edited.text, YAML_OPTIONS);
    const remaining = structuralErrors(doc).length;
    if (remaining >= errors.length) continue;
    const tried: Tried = { ...option, text: edited, doc, errors: remaining, schemaErrors: remaining === 0 ? schemaErrorCount(doc) : Number.MAX_SAFE_INTEGER };
    if (!best || compare([tried.errors, tried.schemaErrors, ...tried.prior], [best.errors, best.schemaErrors, ...best.prior]) < 0) best = tried;
    if (tried.errors === 0 && tried.schemaErrors === 0) break;
    // A bracket on the error's own line that leaves it free of errors is as certain as a repair gets.
    if (tried.line === errorLine && BRACKETS.has(option.repair.kind) && structuralErrors(doc).every((e) => e.pos[0] > lines[errorLine].end)) break;
  }
  return { best, tries };
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

const BRACKETS = new Set<LineRepair['kind']>(['dropOpeners', 'close', 'dropClosers']);

const KIND_RANK: Record<LineRepair['kind'], number> = {
  dropOpeners: 0,
  close: 0,
  dropClosers: 0,
  colonSpace: 0,
  dropTag: 0,
  dropValue: 0,
  insertHeader: 0,
  indent: 1,
  join: 1,
  remove: 2,
};

/**
 * How likely a repair is: a bracket before an indentation before a deleted line; a tab fixed
 * first; a line whose indentation is rare in the file before one whose indentation many lines
 * share; one line before a block; nearer the error; the smallest change.
 */
function priorOf(repair: LineRepair, line: Line, distance: number, indentCounts: Map<number, number>): number[] {
  if (repair.kind !== 'indent') return [KIND_RANK[repair.kind], 1, 0, 0, distance, 0];
  return [KIND_RANK.indent, repair.tabs ? 0 : 1, indentCounts.get(line.indent) ?? 0, repair.block > 1 ? 1 : 0, distance, Math.abs(repair.to - repair.from)];
}

/** How much the schema finds wrong in a repaired document: the likelier repair leaves less. */
function schemaErrorCount(doc: Document.Parsed): number {
  try {
    return validateAgainstSchema(doc.toJS({ maxAliasCount: 1000 })).length;
  } catch {
    return Number.MAX_SAFE_INTEGER;
  }
}

function repairsOf(lines: Line[], index: number, error: YAMLError, unit: number): LineRepair[] {
  const line = lines[index];
  const leading = /^[ \t]*/.exec(line.text)?.[0] ?? '';
  const tabs = leading.includes('\t');
  const repairs: LineRepair[] = [];
  const brackets = unclosedBrackets(line);
  if (brackets.open.length > 0) {
    repairs.push({ kind: 'dropOpeners', offsets: brackets.open.map((b) => b.offset), brackets: brackets.open.map((b) => line.text[b.offset - line.start]).join('') });
    repairs.push({ kind: 'close', brackets: brackets.open.map((b) => b.closer).reverse().join(''), openOffset: brackets.open[0].offset });
  }
  if (brackets.unmatched.length > 0) repairs.push({ kind: 'dropClosers', offsets: brackets.unmatched.map((u) => u.offset), brackets: brackets.unmatched.map((u) => u.char).join('') });
  const next = nextContentLine(lines, index);
  const hasBlock = next !== undefined && lines[next].indent > line.indent;
  const colon = /^(\s*(?:-\s+)?)[A-Za-z_][\w.-]*:(?=[^\s:/])/.exec(line.text);
  if (colon && !hasBlock) repairs.push({ kind: 'colonSpace', offset: line.start + colon[0].length });
  const keyWithValue = /^(\s*(?:-\s+)?[A-Za-z_][\w.-]*:)\s*\S/.exec(line.text);
  if (keyWithValue && hasBlock && !/^\s*(?:-\s+)?[A-Za-z_][\w.-]*:\s*[|>]/.test(line.text)) {
    repairs.push({ kind: 'dropValue', start: line.start + keyWithValue[1].length, end: contentEnd(line) });
  }
  const header = missingHeaderOf(lines, index);
  if (header) repairs.push({ kind: 'insertHeader', key: header, indent: Math.max(0, line.indent - unit), before: firstSiblingOf(lines, index) });
  const targets = indentTargets(lines, index, unit).filter((to) => tabs || to !== line.indent);
  for (const to of targets) repairs.push({ kind: 'indent', from: leading.length, to, tabs, block: 1 });
  const block = tabs ? 1 : blockSize(lines, index);
  if (block > 1) for (const to of targets.slice(0, 2)) repairs.push({ kind: 'indent', from: leading.length, to, tabs, block });
  // Only a line that cannot be read where it stands is worth blanking; a tab is fixed by indenting.
  if (!(tabs && error.code === 'TAB_AS_INDENT')) repairs.push({ kind: 'remove' });
  return repairs;
}

/** The indentations a line plausibly meant: its neighbours', one step into the line above or its parent or its item, or none. */
function indentTargets(lines: Line[], index: number, unit: number): number[] {
  const previous = previousContentLine(lines, index);
  const next = nextContentLine(lines, index);
  const own = lines[index].indent;
  let parent: number | undefined;
  for (let i = index - 1; i >= 0; i--) {
    if (isContent(lines[i]) && lines[i].indent < own) {
      parent = lines[i].indent;
      break;
    }
  }
  // Inside a `- item`, a continuation goes under the item's content, past the `- `.
  const itemContent = previous === undefined ? undefined : /^\s*-\s+/.exec(lines[previous].text)?.[0].length;
  const candidates = [
    previous === undefined ? undefined : lines[previous].indent,
    next === undefined ? undefined : lines[next].indent,
    previous === undefined ? undefined : lines[previous].indent + unit,
    parent === undefined ? undefined : parent + unit,
    itemContent === undefined ? undefined : itemContent + unit,
    0,
  ];
  return [...new Set(candidates.filter((c): c is number => c !== undefined))].sort((a, b) => Math.abs(a - own) - Math.abs(b - own) || a - b).slice(0, 5);
}

/** The line and the lines after it up to the first less indented one: its siblings and their children. */
function blockSize(lines: Line[], index: number): number {
  const own = lines[index].indent;
  let last = index;
  for (let i = index + 1; i < lines.length; i++) {
    if (!isContent(lines[i])) continue;
    if (lines[i].indent < own || /^ *\t/.test(lines[i].text)) break;
    last = i;
  }
  return last - index + 1;
}

function apply(text: EditedText, lines: Line[], index: number, repair: LineRepair): EditedText {
  const line = lines[index];
  switch (repair.kind) {
    case 'indent': {
      if (repair.block === 1) return text.replace(line.start, line.start + repair.from, ' '.repeat(repair.to));
      const shift = repair.to - repair.from;
      let edited = text;
      // Last first, so the offsets of the earlier lines stay valid.
      for (let i = index + repair.block - 1; i >= index; i--) {
        if (!isContent(lines[i])) continue;
        edited = edited.replace(lines[i].start, lines[i].start + lines[i].indent, ' '.repeat(Math.max(0, lines[i].indent + shift)));
      }
      return edited;
    }
    case 'remove':
      // Blanked rather than deleted, so the lines below keep their offsets.
      return text.replace(line.start, line.end, ' '.repeat(line.end - line.start));
    case 'join': {
      const next = lines[index + 1];
      return text.replace(line.end, next.start + (/^\s*/.exec(next.text)?.[0].length ?? 0), repair.space ? ' ' : '');
    }
    case 'colonSpace':
      return text.replace(repair.offset, repair.offset, ' ');
    case 'dropTag':
      return text.replace(repair.start, repair.end, '');
    case 'close': {
      const end = contentEnd(line);
      return text.replace(end, end, repair.brackets);
    }
    case 'dropClosers':
    case 'dropOpeners':
      // Last first, so the earlier offsets stay valid.
      return [...repair.offsets].reverse().reduce((edited, offset) => edited.replace(offset, offset + 1, ''), text);
    case 'dropValue':
      return text.replace(repair.start, repair.end, '');
    case 'insertHeader': {
      const at = lines[repair.before].start;
      return text.replace(at, at, `${' '.repeat(repair.indent)}${repair.key}:\n`);
    }
  }
}

/**
 * The section whose header line seems to be missing above an indented line: `model` for a
 * `- Layer` item, the section that a key belongs to (`inline:` belongs to data) when the file has
 * no such header.
 */
function missingHeaderOf(lines: Line[], index: number): string | undefined {
  const line = lines[index];
  if (line.indent === 0) return undefined;
  const written = (section: string) => lines.some((l) => new RegExp(`^${section}\\s*:`).test(l.text));
  if (/^\s*-\s+[A-Z]\w*\s*(:|$)/.test(line.text)) return written('model') ? undefined : 'model';
  const key = /^\s*([A-Za-z_]\w*)\s*:/.exec(line.text)?.[1];
  if (key === undefined) return undefined;
  const { schema } = modelValidator();
  const sections = ['data', 'compile', 'fit', 'predict'].filter((s) => Object.keys(schema.definitions?.[s]?.properties ?? {}).includes(key));
  return sections.length === 1 && !written(sections[0]) ? sections[0] : undefined;
}

/** The first line of the block a line belongs to: the lines above it at its indentation, of its kind (keys or `- items`). */
function firstSiblingOf(lines: Line[], index: number): number {
  const item = /^\s*-(\s|$)/.test(lines[index].text);
  let first = index;
  for (let i = index - 1; i >= 0; i--) {
    if (!isContent(lines[i]) || lines[i].indent > lines[index].indent) continue;
    if (lines[i].indent < lines[index].indent || /^\s*-(\s|$)/.test(lines[i].text) !== item) break;
    first = i;
  }
  return first;
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

/**
 * The error's line (or the content line before it, when the error sits on a blank one), the
 * content line above it (a stray or mis-indented line often makes the parser fail on the next)
 * and the one below (the continuation of a `{ ... }` split over two lines).
 */
function nearbyContentLines(lines: Line[], errorLine: number): number[] {
  const index = isContent(lines[errorLine]) ? errorLine : (previousContentLine(lines, errorLine) ?? errorLine);
  const nearby = [index, previousContentLine(lines, index), nextContentLine(lines, index)];
  return nearby.filter((i): i is number => i !== undefined && isContent(lines[i]));
}

function previousContentLine(lines: Line[], index: number): number | undefined {
  for (let i = index - 1; i >= 0; i--) if (isContent(lines[i])) return i;
  return undefined;
}

function nextContentLine(lines: Line[], index: number): number | undefined {
  for (let i = index + 1; i < lines.length; i++) if (isContent(lines[i])) return i;
  return undefined;
}

/**
 * The indentation step the file uses: its smallest indentation that two lines share (one line
 * indented by 1 is more likely the mistake being looked for), else its smallest, else 2.
 */
export function indentUnitOf(lines: readonly Line[]): number {
  const counts = new Map<number, number>();
  for (const line of lines) if (line.indent > 0 && isContent(line)) counts.set(line.indent, (counts.get(line.indent) ?? 0) + 1);
  const indents = [...counts.keys()].sort((a, b) => a - b);
  return indents.find((i) => (counts.get(i) ?? 0) >= 2) ?? indents[0] ?? 2;
}

/** How many content lines start at each indentation. */
function countIndents(lines: Line[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const line of lines) {
    if (isContent(line) && !/^ *\t/.test(line.text)) counts.set(line.indent, (counts.get(line.indent) ?? 0) + 1);
  }
  return counts;
}
