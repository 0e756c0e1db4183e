/**
 * The nesting limit of a model file. The YAML composer, JSON parser, schema validator and checks all
 * recurse into lists and maps, so thousands of `[` would overflow the stack and surface as an
 * unlocated "Maximum call stack size exceeded". The depth is measured first, on the YAML parser's
 * concrete syntax tree, which is built without recursion and reads JSON too.
 */
import { Parser, type CST } from 'yaml';

/**
 * Lists and maps may nest this deep. The deepest a model file needs is inline image data:
 * top-level map, `data`, `inline`, `x`, a sample, a row, a pixel's channels: 7 levels.
 */
export const MAX_NESTING_DEPTH = 100;

/** Offset of the first list or map nested deeper than MAX_NESTING_DEPTH, if any. */
export function firstTooDeep(text: string): number | undefined {
  if (!mayNestTooDeep(text)) return undefined;
  const stack: Array<{ token: CST.Token; depth: number }> = [];
  for (const token of new Parser().parse(text)) stack.push({ token, depth: 0 });
  while (stack.length > 0) {
    const { token, depth } = stack.pop() as { token: CST.Token; depth: number };
    const children = childrenOf(token);
    if (children === undefined) continue;
    const level = token.type === 'document' ? depth : depth + 1;
    if (level > MAX_NESTING_DEPTH) return token.type === 'flow-collection' ? token.start.offset : token.offset;
    for (const child of children) stack.push({ token: child, depth: level });
  }
  return undefined;
}

/**
 * A quick upper bound, so ordinary files skip building the syntax tree a second time: each level
 * of a block collection needs one more column of indentation or one more `- ` on the line, and a
 * flow collection a bracket (brackets inside strings only make the bound looser).
 */
function mayNestTooDeep(text: string): boolean {
  let brackets = 0;
  let deepestBrackets = 0;
  let deepestLine = 0;
  for (const line of text.split('\n')) {
    const prefix = /^[ \t]*(?:[-?:][ \t]+)*/.exec(line)?.[0] ?? '';
    deepestLine = Math.max(deepestLine, prefix.length);
    for (let i = prefix.length; i < line.length; i++) {
      const c = line.charCodeAt(i);
      if (c === 91 || c === 123) deepestBrackets = Math.max(deepestBrackets, ++brackets);
      else if (c === 93 || c === 125) brackets = Math.max(0, brackets - 1);
    }
  }
  return deepestLine + deepestBrackets + 1 > MAX_NESTING_DEPTH;
}

/** The tokens inside a document or collection; undefined for anything else. */
function childrenOf(token: CST.Token): CST.Token[] | undefined {
  switch (token.type) {
    case 'document':
      return token.value ? [token.value] : [];
    case 'block-map':
    case 'block-seq':
    case 'flow-collection': {
      const children: CST.Token[] = [];
      for (const item of token.items) {
        if ('key' in item && item.key) children.push(item.key);
        if (item.value) children.push(item.value);
      }
      return children;
    }
    default:
      return undefined;
  }
}

/** The message of a file nested too deep. */
export function tooDeepMessage(): string {
  return (
    `lists and maps nested more than ${MAX_NESTING_DEPTH} levels deep, the limit of a model file ` +
    '(inline image data, the deepest it needs, takes 7): check for a `[` or `{` written too many times'
  );
}
