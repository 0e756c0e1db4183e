/**
 * A strict JSON syntax check with positions. The YAML parser also reads JSON (and gives the node
 * positions), but its messages talk about YAML and it accepts things JSON does not (comments,
 * single quotes, trailing commas); `.nn.json` files get JSON's rules and JSON's words instead.
 */

export interface JsonSyntaxError {
  offset: number;
  length: number;
  message: string;
}

const MAX_DEPTH = 512;

class Stop extends Error {
  constructor(readonly problem: JsonSyntaxError) {
    super(problem.message);
  }
}

/** The first JSON syntax error in the text, or undefined when the text is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const scanner = new JsonScanner(text);
  try {
    scanner.document();
    return undefined;
  } catch (err) {
    if (err instanceof Stop) return err.problem;
    throw err;
  }
}

class JsonScanner {
  private pos = 0;
  private depth = 0;

  constructor(private readonly text: string) {
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  document(): void {
    this.skipWhitespace();
    if (this.atEnd()) this.fail(this.pos, 0, 'the file is empty: expected a JSON object such as { "model": [...] }');
    this.value();
    this.skipWhitespace();
    if (!this.atEnd()) this.fail(this.pos, 1, 'unexpected text after the end of the JSON document');
  }

  /** Where the last value ended, so a comma missing at the end of a line is reported there. */
  private valueEnd = 0;

  private value(): void {
    this.parseValue();
    this.valueEnd = this.pos;
  }

  private parseValue(): void {
    const c = this.text[this.pos];
    if (c === '{') return this.nested(() => this.object());
    if (c === '[') return this.nested(() => this.array());
    if (c === '"') return this.string();
    if (c === '-' || (c >= '0' && c <= '9')) return this.number();
    const word = /^[A-Za-z_$][\w$]*/.exec(this.text.slice(this.pos, this.pos + 64))?.[0];
    if (word === 'true' || word === 'false' || word === 'null') {
      this.pos += word.length;
      return;
    }
    if (this.atEnd()) this.fail(this.pos, 0, 'unexpected end of file: expected a value');
    if (word) this.fail(this.pos, word.length, unknownWordMessage(word));
    if (c === "'") this.fail(this.pos, 1, 'JSON strings use double quotes ("), not single quotes');
    this.fail(this.pos, 1, `expected a value (a number, a "string", true, false, null, [ or {), found \`${c}\``);
  }

  private nested(parse: () => void): void {
    if (++this.depth > MAX_DEPTH) this.fail(this.pos, 1, `nesting deeper than ${MAX_DEPTH} levels`);
    parse();
    this.depth--;
  }

  private object(): void {
    const open = this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return;
    }
    for (;;) {
      this.skipWhitespace();
      this.propertyName(open);
      this.skipWhitespace();
      if (this.text[this.pos] !== ':') this.failHere('expected `:` after the property name');
      this.pos++;
      this.skipWhitespace();
      this.value();
      this.skipWhitespace();
      const c = this.text[this.pos];
      if (c === '}') {
        this.pos++;
        return;
      }
      if (c !== ',') this.missingSeparator(open, '{', 'expected `,` or `}` after the property value');
      const comma = this.pos++;
      this.skipWhitespace();
      if (this.text[this.pos] === '}') this.fail(comma, 1, 'trailing comma: JSON does not allow a comma before `}`');
    }
  }

  private propertyName(open: number): void {
    const c = this.text[this.pos];
    if (c === '"') return this.string();
    if (this.atEnd()) this.unclosedOrUnexpected(open, '{', '');
    if (c === "'") this.fail(this.pos, 1, 'property names must be in double quotes ("), not single quotes');
    const word = /^[A-Za-z_$][\w$]*/.exec(this.text.slice(this.pos, this.pos + 64))?.[0];
    if (word) this.fail(this.pos, word.length, `property names must be in double quotes: write "${word}"`);
    this.failHere('expected a property name in double quotes');
  }

  private array(): void {
    const open = this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.atEnd()) this.unclosedOrUnexpected(open, '[', '');
      this.value();
      this.skipWhitespace();
      const c = this.text[this.pos];
      if (c === ']') {
        this.pos++;
        return;
      }
      if (c !== ',') this.missingSeparator(open, '[', 'expected `,` or `]` after the list item');
      const comma = this.pos++;
      this.skipWhitespace();
      if (this.text[this.pos] === ']') this.fail(comma, 1, 'trailing comma: JSON does not allow a comma before `]`');
    }
  }

  private string(): void {
    const start = this.pos++;
    for (;;) {
      if (this.atEnd()) this.fail(start, 1, 'unterminated string: missing the closing "');
      const code = this.text.charCodeAt(this.pos);
      if (code === 0x22) {
        this.pos++;
        return;
      }
      if (code < 0x20) this.fail(this.pos, 1, 'line breaks and control characters must be escaped in JSON strings (\\n, \\t)');
      if (code === 0x5c) {
        const escape = this.text[this.pos + 1] ?? '';
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6))) {
            this.fail(this.pos, 2, 'invalid unicode escape: \\u needs 4 hexadecimal digits');
          }
          this.pos += 6;
          continue;
        }
        if (!'"\\/bfnrt'.includes(escape) || escape === '') this.fail(this.pos, 2, `invalid escape sequence \`\\${escape}\` in a JSON string`);
        this.pos += 2;
        continue;
      }
      this.pos++;
    }
  }

  private number(): void {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.pos, this.pos + 400));
    const token = /^[-+\w.]+/.exec(this.text.slice(this.pos, this.pos + 400))?.[0] ?? '';
    if (!match || match[0].length < token.length) this.fail(this.pos, Math.max(1, token.length), `invalid number \`${token}\``);
    this.pos += match[0].length;
  }

  private skipWhitespace(): void {
    for (;;) {
      const c = this.text[this.pos];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') this.pos++;
      else if (c === '/' && (this.text[this.pos + 1] === '/' || this.text[this.pos + 1] === '*')) {
        this.fail(this.pos, 2, 'comments are not allowed in JSON');
      } else return;
    }
  }

  /** A line break after the value and no comma: the comma was forgotten at the end of that line. */
  private missingSeparator(open: number, bracket: string, message: string): never {
    if (!this.atEnd() && /[\r\n]/.test(this.text.slice(this.valueEnd, this.pos))) {
      this.fail(this.valueEnd, 0, 'missing `,` after this value');
    }
    this.unclosedOrUnexpected(open, bracket, message);
  }

  /** At the end of the text a missing bracket is the problem; otherwise the unexpected character is. */
  private unclosedOrUnexpected(open: number, bracket: string, message: string): never {
    if (this.atEnd()) this.fail(open, 1, `unexpected end of file: this \`${bracket}\` is never closed`);
    this.failHere(message);
  }

  private failHere(message: string): never {
    if (this.atEnd()) this.fail(this.pos, 0, `unexpected end of file: ${message}`);
    this.fail(this.pos, 1, `${message}, found \`${this.text[this.pos]}\``);
  }

  private fail(offset: number, length: number, message: string): never {
    throw new Stop({ offset, length, message });
  }

  private atEnd(): boolean {
    return this.pos >= this.text.length;
  }
}

function unknownWordMessage(word: string): string {
  const python: Record<string, string> = { True: 'true', False: 'false', None: 'null' };
  if (python[word]) return `\`${word}\` is Python; JSON writes \`${python[word]}\``;
  if (word === 'NaN' || word === 'Infinity') return `\`${word}\` is not a JSON number`;
  return `unexpected \`${word}\`: strings must be in double quotes, and the only JSON literals are true, false and null`;
}
