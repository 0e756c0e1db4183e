import { parser } from '@lezer/python';

/**
 * Where the editor offers `Import as model file` (1-based): each `Sequential(` call, and the first
 * `model.add(` after one. Empty when the script builds no Sequential model.
 */
export function importAnchors(source: string): Array<{ line: number; column: number }> {
  const offsets: number[] = [];
  let sawSequential = false;
  let sawAdd = false;
  parser.parse(source).iterate({
    enter(node) {
      if (node.name !== 'CallExpression') return;
      const callee = node.node.firstChild;
      if (!callee) return;
      const text = source.slice(callee.from, callee.to);
      if (/(^|\.)Sequential$/.test(text)) {
        sawSequential = true;
        offsets.push(callee.from);
      } else if (sawSequential && !sawAdd && callee.name === 'MemberExpression' && /\.add$/.test(text)) {
        sawAdd = true;
        offsets.push(callee.from);
      }
    },
  });
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') lineStarts.push(i + 1);
  return offsets.map((offset) => {
    let line = 0;
    while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset) line++;
    return { line: line + 1, column: offset - lineStarts[line] + 1 };
  });
}
