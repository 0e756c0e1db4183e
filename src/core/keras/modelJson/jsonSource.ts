/** A model JSON parsed with the offsets of its nodes, so every note points at a line and column of the file. */
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { SourceNote } from '../importTypes';

/** A path into the JSON: keys and list indices from the root. */
export type JsonPath = ReadonlyArray<string | number>;

export class JsonSource {
  private constructor(
    private readonly text: string,
    private readonly root: Node,
    readonly value: unknown,
  ) {}

  /** The parsed file, or the note of its first syntax error. */
  static parse(text: string): JsonSource | SourceNote {
    const errors: ParseError[] = [];
    const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
    const source = root ? new JsonSource(text, root, getNodeValue(root)) : undefined;
    if (errors.length > 0 || !source || !root) {
      const first = errors[0];
      const at = first ? positionIn(text, first.offset) : { line: 1, column: 1 };
      const what = first ? syntaxWords(printParseErrorCode(first.error)) : 'an empty file';
      return { ...at, message: `not a readable JSON file: ${what}` };
    }
    return source;
  }

  /** A note at the node of `path`, or at its nearest ancestor that exists. */
  note(path: JsonPath, message: string): SourceNote {
    for (let n = path.length; n >= 0; n--) {
      const node = findNodeAtLocation(this.root, [...path.slice(0, n)]);
      if (node) {
        // A property's key is where a reader looks for it; its value node starts after the colon.
        const key = n === path.length && node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
        return { ...positionIn(this.text, (key ?? node).offset), message };
      }
    }
    return { line: 1, column: 1, message };
  }
}

function positionIn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

function syntaxWords(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
