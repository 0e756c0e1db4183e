/** Syntax problems of YAML and JSON model files, as diagnostics at the offending characters. */
import { isAlias, isCollection, isPair, visit, type Document, type YAMLError } from 'yaml';
import type { Diagnostic, Severity } from '../diagnostics';
import { findJsonSyntaxError } from './jsonSyntax';
import { quoted } from './oneLineMessage';
import { CODES } from './problem';
import type { OffsetRanges } from './sourcePositions';

/** The JSON syntax error of a `.nn.json` text, if any (JSON parsers stop at the first one). */
export function jsonSyntaxDiagnostics(text: string, file: string, lines: OffsetRanges): Diagnostic[] {
  const error = findJsonSyntaxError(text);
  if (!error) return [];
  return [syntaxDiagnostic(file, lines.range(error.offset, error.offset + error.length), error.message, 'error')];
}

/** Every error and warning the YAML parser reported, plus aliases to anchors that do not exist and keys that are lists or maps. */
export function yamlSyntaxDiagnostics(doc: Document.Parsed, text: string, file: string, lines: OffsetRanges): Diagnostic[] {
  const fromParser = (severity: Severity) => (e: YAMLError): Diagnostic => {
    // The parser marks only the first character of a duplicate key; underline all of it.
    const end = e.code === 'DUPLICATE_KEY' ? e.pos[0] + (keyAt(text, e.pos[0])?.length ?? 1) : e.pos[1];
    return syntaxDiagnostic(file, lines.range(e.pos[0], end), yamlMessage(e, text), severity);
  };
  const diagnostics = [...doc.errors.map(fromParser('error')), ...doc.warnings.map(fromParser('warning'))];
  // The parser accepts `*name` without an anchor and only fails when converting; report it here.
  visit(doc, {
    Alias(_key, node) {
      if (isAlias(node) && node.resolve(doc) === undefined) {
        const [start, end] = node.range ?? [0, 0];
        diagnostics.push(syntaxDiagnostic(file, lines.range(start, end), `alias ${quoted(`*${node.source}`)} refers to no anchor ${quoted(`&${node.source}`)} defined before it`, 'error'));
      }
    },
  });
  return [...diagnostics, ...collectionKeyDiagnostics(doc, text, file, lines)];
}

/**
 * `? [a, b]` makes a list the key of a pair. A model file's keys are names, and converting such a
 * key to a JS object key would stringify it (and the YAML library would warn on the console).
 * The pairs are reported here and removed from the document, so nothing else reports them again.
 */
function collectionKeyDiagnostics(doc: Document.Parsed, text: string, file: string, lines: OffsetRanges): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  visit(doc, {
    Pair(_key, pair) {
      if (!isPair(pair) || !isCollection(pair.key)) return undefined;
      const [start, end] = pair.key.range ?? [0, 0];
      const written = text.slice(start, end).trim().split('\n')[0].slice(0, 40);
      const what = pair.key.items.length > 0 && isPair(pair.key.items[0]) ? 'a map' : 'a list';
      diagnostics.push(
        syntaxDiagnostic(file, lines.range(start, end), `a key must be a name: ${quoted(written)} makes ${what} the key, which a model file cannot use. Write a name before the \`:\``, 'error'),
      );
      return visit.REMOVE;
    },
  });
  return diagnostics;
}

function syntaxDiagnostic(file: string, range: Diagnostic['range'], message: string, severity: Severity): Diagnostic {
  return { file, range, severity, message, code: CODES.syntax };
}

/** The parser's message, reworded where it speaks of parser internals rather than the file. */
export function yamlMessage(error: YAMLError, text: string): string {
  // What was found, as far as its first line: a token can span lines (a multi-line plain scalar).
  const found = text.slice(error.pos[0], error.pos[1]).trim().split(/\r?\n/)[0].trim().slice(0, 40);
  switch (error.code) {
    case 'DUPLICATE_KEY': {
      const key = keyAt(text, error.pos[0]);
      return `duplicate key${key ? ` ${quoted(key.replace(/^["']|["']$/g, ''))}` : ''}: each key may appear only once in a map`;
    }
    case 'MULTIPLE_DOCS':
      return 'a model file holds a single YAML document: remove this `---` and what follows, or merge the documents';
    case 'TAB_AS_INDENT':
      return 'tabs are not allowed for indentation in YAML: indent with spaces';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'a value cannot start a nested map on the same line: check the indentation, or quote a value that contains `: `';
    case 'UNEXPECTED_TOKEN':
      return `unexpected ${found ? quoted(found) : 'text'} here: check the indentation and the \`:\`, \`-\` and brackets around it`;
    case 'BAD_INDENT':
      if (/flow map/i.test(error.message)) return 'a `{ ... }` map is not closed: add the missing `}` (or indent its continuation lines)';
      if (/flow seq/i.test(error.message)) return 'a `[ ... ]` list is not closed: add the missing `]` (or indent its continuation lines)';
      if (/same column/i.test(error.message)) return 'bad indentation: the keys of a map must all start at the same column';
      break;
    case 'MISSING_CHAR':
      if (/implicit map keys/i.test(error.message)) return 'a key must be followed by `:` and its value';
      break;
    default:
      break;
  }
  const message = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return message.charAt(0).toLowerCase() + message.slice(1);
}

/** The key written at an offset, quotes included: `epochs`, `"epochs"`. */
function keyAt(text: string, offset: number): string | undefined {
  const rest = text.slice(offset, offset + 200);
  return (/^"(?:[^"\\\n]|\\.)*"/.exec(rest) ?? /^'[^'\n]*'/.exec(rest) ?? /^[^:,{}\s]+/.exec(rest))?.[0];
}
