/**
 * JSON syntax errors with positions, found by jsonc-parser (VS Code's own JSON parser) in strict
 * mode, and reworded for people coming from Python. The YAML parser also reads JSON, but it talks
 * about YAML and accepts what JSON does not (comments, single quotes, trailing commas).
 */
import { ParseErrorCode, visit } from 'jsonc-parser';

export interface JsonSyntaxError {
  offset: number;
  length: number;
  message: string;
}

/** The first JSON syntax error in the text, or undefined when the text is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  if (text.trim() === '') return { offset: 0, length: 0, message: 'the file is empty: expected a JSON object such as { "model": [...] }' };
  let first: JsonSyntaxError | undefined;
  // Open brackets, innermost last. At the end of the text the parser closes what is still open
  // (before reporting it), so those are kept aside to point at the one never closed.
  const open: Bracket[] = [];
  const neverClosed: Bracket[] = [];
  const close = (offset: number, char: string) => {
    const bracket = open.pop();
    if (bracket && text[offset] !== char) neverClosed.push(bracket);
  };
  visit(
    text,
    {
      onObjectBegin: (offset) => void open.push({ offset, bracket: '{' }),
      onArrayBegin: (offset) => void open.push({ offset, bracket: '[' }),
      onObjectEnd: (offset) => close(offset, '}'),
      onArrayEnd: (offset) => close(offset, ']'),
      onError: (code, offset, length) => {
        first ??= explain(text, code, offset, length, neverClosed[0] ?? open.at(-1), open.length);
      },
    },
    { disallowComments: true, allowTrailingComma: false },
  );
  return first;
}

interface Bracket {
  offset: number;
  bracket: '{' | '[';
}

function explain(text: string, code: ParseErrorCode, offset: number, length: number, innermost: Bracket | undefined, depth: number): JsonSyntaxError {
  const at = (message: string, start = offset, size = Math.max(length, 1)): JsonSyntaxError => ({ offset: start, length: size, message });
  const word = /^[A-Za-z_$][\w$]*/.exec(text.slice(offset, offset + 64))?.[0];
  const before = lastNonSpace(text, offset);
  const atEnd = text.slice(offset).trim() === '';

  if (code === ParseErrorCode.InvalidCommentToken) return at('comments are not allowed in JSON', offset, 2);
  if (atEnd && innermost) return at(`unexpected end of file: this \`${innermost.bracket}\` is never closed`, innermost.offset, 1);
  if (before !== undefined && text[before] === ',' && /[}\]]/.test(text[offset] ?? '')) {
    return at(`trailing comma: JSON does not allow a comma before \`${text[offset]}\``, before, 1);
  }
  if (code === ParseErrorCode.CommaExpected && before !== undefined && /[\r\n]/.test(text.slice(before + 1, offset))) {
    return at('missing `,` after this value', before + 1, 0);
  }
  if (text[offset] === "'") return at('JSON strings and property names use double quotes ("), not single quotes');
  // The parser calls trailing text an invalid symbol when it is not valid JSON either.
  if (code === ParseErrorCode.EndOfFileExpected || (depth === 0 && offset > 0)) return at('unexpected text after the end of the JSON document');
  if (SELF_EXPLAINED[code]) return at(SELF_EXPLAINED[code]);
  if (word && code === ParseErrorCode.PropertyNameExpected) return at(`property names must be in double quotes: write "${word}"`, offset, word.length);
  if (word && /^\s*:/.test(text.slice(offset + word.length))) return at(`property names must be in double quotes: write "${word}"`, offset, word.length);
  if (word) return at(unknownWordMessage(word), offset, word.length);
  const found = atEnd ? 'the end of the file' : `\`${text[offset]}\``;
  return at(`${EXPECTED[code] ?? 'invalid JSON'}, found ${found}`);
}

const EXPECTED: Partial<Record<ParseErrorCode, string>> = {
  [ParseErrorCode.ValueExpected]: 'expected a value (a number, a "string", true, false, null, [ or {)',
  [ParseErrorCode.PropertyNameExpected]: 'expected a property name in double quotes',
  [ParseErrorCode.ColonExpected]: 'expected `:` after the property name',
  [ParseErrorCode.CommaExpected]: 'expected `,` between values',
  [ParseErrorCode.CloseBraceExpected]: 'expected `,` or `}`',
  [ParseErrorCode.CloseBracketExpected]: 'expected `,` or `]`',
};

/** Messages that say all there is to say without quoting the character found. */
const SELF_EXPLAINED: Partial<Record<ParseErrorCode, string>> = {
  [ParseErrorCode.InvalidNumberFormat]: 'invalid number: JSON numbers look like 12, -3.5 or 1e-3',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'invalid number: JSON numbers look like 12, -3.5 or 1e-3',
  [ParseErrorCode.UnexpectedEndOfString]: 'unterminated string: missing the closing "',
  [ParseErrorCode.InvalidEscapeCharacter]: 'invalid escape sequence in a string (valid: \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)',
  [ParseErrorCode.InvalidUnicode]: 'invalid unicode escape: \\u needs 4 hexadecimal digits',
  [ParseErrorCode.InvalidCharacter]: 'line breaks and control characters must be escaped in JSON strings (\\n, \\t)',
};

function lastNonSpace(text: string, offset: number): number | undefined {
  for (let i = offset - 1; i >= 0; i--) if (!/\s/.test(text[i])) return i;
  return undefined;
}

function unknownWordMessage(word: string): string {
  const python: Record<string, string> = { True: 'true', False: 'false', None: 'null' };
  if (python[word]) return `\`${word}\` is Python; JSON writes \`${python[word]}\``;
  if (word === 'NaN' || word === 'Infinity') return `\`${word}\` is not a JSON number`;
  return `unexpected \`${word}\`: strings must be in double quotes, and the only JSON literals are true, false and null`;
}
