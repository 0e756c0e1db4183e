import { parser } from '@lezer/python';
import type { SyntaxNode } from '@lezer/common';

/**
 * A small Python syntax tree built from @lezer/python's concrete tree: just the expressions tutorials
 * write, each with its source range, so the importer reads values instead of walking tokens.
 * Anything else is `other` (kept with its text for the warnings).
 */
export type Expr =
  | { kind: 'number'; value: number; from: number; to: number }
  | { kind: 'string'; value: string; from: number; to: number }
  | { kind: 'bool'; value: boolean; from: number; to: number }
  | { kind: 'none'; from: number; to: number }
  | { kind: 'ellipsis'; from: number; to: number }
  | { kind: 'name'; name: string; from: number; to: number }
  | { kind: 'attr'; object: Expr; name: string; from: number; to: number }
  | { kind: 'call'; callee: Expr; args: Expr[]; kwargs: Kwarg[]; splat: boolean; from: number; to: number }
  | { kind: 'list' | 'tuple'; items: Expr[]; from: number; to: number }
  | { kind: 'subscript'; object: Expr; index: string; from: number; to: number }
  | { kind: 'binary'; op: string; left: Expr; right: Expr; from: number; to: number }
  | { kind: 'unary'; op: string; operand: Expr; from: number; to: number }
  | { kind: 'other'; from: number; to: number };

export interface Kwarg {
  name: string;
  value: Expr;
  from: number;
}

export type Stmt =
  | { kind: 'import'; module?: string; names: Array<{ name: string; alias?: string }>; star: boolean; from: number; to: number }
  | { kind: 'assign'; targets: Expr[]; value: Expr; from: number; to: number }
  | { kind: 'update'; target: Expr; op: string; value: Expr; from: number; to: number }
  | { kind: 'expr'; expr: Expr; from: number; to: number }
  | { kind: 'class'; name: string; bases: Expr[]; from: number; to: number }
  | { kind: 'function'; name: string; params: string; body: Stmt[]; from: number; to: number }
  | { kind: 'return'; value?: Expr; from: number; to: number }
  | { kind: 'mainGuard'; body: Stmt[]; from: number; to: number }
  | { kind: 'for'; target: Expr; iterable: Expr; body: Stmt[]; from: number; to: number }
  | { kind: 'pass'; from: number; to: number }
  | { kind: 'other'; node: string; from: number; to: number };

/** Parses a script into its statements; a syntax error leaves the rest readable (lezer recovers). */
export function parsePython(source: string): Stmt[] {
  const tree = parser.parse(source);
  return statementsOf(tree.topNode, source);
}

function statementsOf(parent: SyntaxNode, source: string): Stmt[] {
  const out: Stmt[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.name === 'StatementGroup') out.push(...statementsOf(node, source));
    else if (node.name !== 'Comment' && node.name !== ':' && node.name !== ';' && node.name !== '⚠') out.push(statementOf(node, source));
    else if (node.name === '⚠' && node.to > node.from) out.push({ kind: 'other', node: 'error', from: node.from, to: node.to });
  }
  return out;
}

function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.name !== 'Comment') out.push(c);
  return out;
}

function statementOf(node: SyntaxNode, source: string): Stmt {
  const { from, to } = node;
  const text = (n: SyntaxNode) => source.slice(n.from, n.to);
  switch (node.name) {
    case 'ImportStatement':
      return importOf(node, source);
    case 'AssignStatement': {
      const parts = children(node);
      const ops = parts.map((p, i) => (p.name === 'AssignOp' ? i : -1)).filter((i) => i >= 0);
      if (ops.length === 0) return { kind: 'other', node: node.name, from, to };
      const groups: SyntaxNode[][] = [];
      let start = 0;
      for (const op of ops) {
        groups.push(parts.slice(start, op).filter((p) => p.name !== 'TypeDef'));
        start = op + 1;
      }
      const value = sequenceExpr(parts.slice(start), source);
      // `a, b = ...` without parentheses: each comma-separated part is one target.
      const targets = groups.map((g) => sequenceExpr(g, source));
      return { kind: 'assign', targets, value, from, to };
    }
    case 'UpdateStatement': {
      const parts = children(node);
      const op = parts.find((p) => p.name === 'UpdateOp');
      if (!op || parts.length < 3) return { kind: 'other', node: node.name, from, to };
      return { kind: 'update', target: exprOf(parts[0], source), op: text(op), value: exprOf(parts[parts.length - 1], source), from, to };
    }
    case 'ExpressionStatement': {
      const inner = children(node);
      return { kind: 'expr', expr: sequenceExpr(inner, source), from, to };
    }
    case 'ClassDefinition': {
      const name = node.getChild('VariableName');
      const args = node.getChild('ArgList');
      const bases = args ? argsOf(args, source).args : [];
      return { kind: 'class', name: name ? text(name) : '', bases, from, to };
    }
    case 'FunctionDefinition': {
      const name = node.getChild('VariableName');
      const params = node.getChild('ParamList');
      const body = node.getChild('Body');
      return { kind: 'function', name: name ? text(name) : '', params: params ? text(params) : '()', body: body ? statementsOf(body, source) : [], from, to };
    }
    case 'ReturnStatement': {
      const parts = children(node).filter((p) => p.name !== 'return');
      return { kind: 'return', value: parts.length > 0 ? sequenceExpr(parts, source) : undefined, from, to };
    }
    case 'IfStatement': {
      // `if __name__ == "__main__":` holds a tutorial's main code; its body is read as top-level code.
      const condition = node.firstChild?.nextSibling;
      const body = node.getChild('Body');
      if (condition && body && /^__name__\s*==\s*['"]__main__['"]$/.test(text(condition)) && !node.getChild('elif') && !node.getChild('else')) {
        return { kind: 'mainGuard', body: statementsOf(body, source), from, to };
      }
      return { kind: 'other', node: node.name, from, to };
    }
    case 'ForStatement': {
      const parts = children(node);
      const inAt = parts.findIndex((p) => p.name === 'in');
      const body = node.getChild('Body');
      if (inAt < 0 || !body || node.getChild('else')) return { kind: 'other', node: node.name, from, to };
      const bodyAt = parts.indexOf(parts.find((p) => p.name === 'Body')!);
      return { kind: 'for', target: sequenceExpr(parts.slice(1, inAt), source), iterable: sequenceExpr(parts.slice(inAt + 1, bodyAt), source), body: statementsOf(body, source), from, to };
    }
    case 'PassStatement':
      return { kind: 'pass', from, to };
    default:
      return { kind: 'other', node: node.name, from, to };
  }
}

function importOf(node: SyntaxNode, source: string): Stmt {
  const parts = children(node);
  const text = (n: SyntaxNode) => source.slice(n.from, n.to);
  const importAt = parts.findIndex((p) => p.name === 'import');
  const isFrom = parts[0]?.name === 'from';
  const names: Array<{ name: string; alias?: string }> = [];
  let star = false;
  let module: string | undefined;
  if (isFrom) module = parts.slice(1, importAt).map(text).join('');
  let current: { name: string; alias?: string } | undefined;
  let afterAs = false;
  for (const p of parts.slice(importAt + 1)) {
    if (p.name === '*') star = true;
    else if (p.name === 'as') afterAs = true;
    else if (p.name === ',') {
      if (current) names.push(current);
      current = undefined;
    } else if (p.name === 'VariableName' || p.name === '.') {
      if (afterAs && current) {
        current.alias = text(p);
        afterAs = false;
      } else if (current && (p.name === '.' || current.name.endsWith('.'))) current.name += text(p);
      else {
        if (current) names.push(current);
        current = { name: text(p) };
      }
    }
  }
  if (current) names.push(current);
  return { kind: 'import', module, names, star, from: node.from, to: node.to };
}

/** Comma-separated parts (`a, b` without parentheses) read as one tuple; a single part as itself. */
function sequenceExpr(parts: SyntaxNode[], source: string): Expr {
  const items = parts.filter((p) => p.name !== ',');
  if (items.length === 1 && !parts.some((p) => p.name === ',')) return exprOf(items[0], source);
  if (items.length === 0) return { kind: 'other', from: parts[0]?.from ?? 0, to: parts[0]?.to ?? 0 };
  return { kind: 'tuple', items: items.map((p) => exprOf(p, source)), from: items[0].from, to: items[items.length - 1].to };
}

/** A Python string literal's value: prefixes, quotes and the common escapes. */
function stringValue(raw: string): string | undefined {
  const match = /^([rRbBuU]{0,2})('''|"""|'|")([\s\S]*)\2$/.exec(raw);
  if (!match) return undefined;
  const body = match[3];
  if (/r/i.test(match[1])) return body;
  return body.replace(/\\(.)/g, (_m, c: string) => ({ n: '\n', t: '\t', '\\': '\\', "'": "'", '"': '"' })[c] ?? `\\${c}`);
}

export function exprOf(node: SyntaxNode, source: string): Expr {
  const { from, to } = node;
  const text = source.slice(from, to);
  switch (node.name) {
    case 'Number': {
      const value = Number(text.replace(/_/g, ''));
      return Number.isFinite(value) ? { kind: 'number', value, from, to } : { kind: 'other', from, to };
    }
    case 'String': {
      const value = stringValue(text);
      return value === undefined ? { kind: 'other', from, to } : { kind: 'string', value, from, to };
    }
    case 'ContinuedString': {
      const parts = children(node).map((c) => (c.name === 'String' ? stringValue(source.slice(c.from, c.to)) : undefined));
      return parts.every((p) => p !== undefined) ? { kind: 'string', value: parts.join(''), from, to } : { kind: 'other', from, to };
    }
    case 'Boolean':
      return { kind: 'bool', value: text === 'True', from, to };
    case 'None':
      return { kind: 'none', from, to };
    case 'Ellipsis':
      return { kind: 'ellipsis', from, to };
    case 'VariableName':
      return { kind: 'name', name: text, from, to };
    case 'ParenthesizedExpression': {
      const inner = children(node).filter((c) => c.name !== '(' && c.name !== ')');
      return inner.length === 1 ? exprOf(inner[0], source) : { kind: 'other', from, to };
    }
    case 'TupleExpression':
    case 'ArrayExpression': {
      const inner = children(node).filter((c) => !['(', ')', '[', ']', ','].includes(c.name));
      return { kind: node.name === 'ArrayExpression' ? 'list' : 'tuple', items: inner.map((c) => exprOf(c, source)), from, to };
    }
    case 'MemberExpression': {
      const parts = children(node);
      const object = parts[0] ? exprOf(parts[0], source) : ({ kind: 'other', from, to } as Expr);
      const open = parts.findIndex((p) => p.name === '[');
      if (open >= 0) {
        const close = parts.findIndex((p) => p.name === ']');
        const end = close >= 0 ? parts[close].from : to;
        return { kind: 'subscript', object, index: source.slice(parts[open].to, end).trim(), from, to };
      }
      const prop = parts.find((p) => p.name === 'PropertyName');
      return prop ? { kind: 'attr', object, name: source.slice(prop.from, prop.to), from, to } : { kind: 'other', from, to };
    }
    case 'CallExpression': {
      const parts = children(node);
      const argList = parts.find((p) => p.name === 'ArgList');
      if (!parts[0] || !argList) return { kind: 'other', from, to };
      return { kind: 'call', callee: exprOf(parts[0], source), ...argsOf(argList, source), from, to };
    }
    case 'BinaryExpression': {
      const parts = children(node);
      if (parts.length !== 3) return { kind: 'other', from, to };
      return { kind: 'binary', op: source.slice(parts[1].from, parts[1].to), left: exprOf(parts[0], source), right: exprOf(parts[2], source), from, to };
    }
    case 'UnaryExpression': {
      const parts = children(node);
      if (parts.length !== 2) return { kind: 'other', from, to };
      return { kind: 'unary', op: source.slice(parts[0].from, parts[0].to), operand: exprOf(parts[1], source), from, to };
    }
    default:
      return { kind: 'other', from, to };
  }
}

function argsOf(argList: SyntaxNode, source: string): { args: Expr[]; kwargs: Kwarg[]; splat: boolean } {
  const parts = children(argList).filter((c) => c.name !== '(' && c.name !== ')' && c.name !== ',');
  const args: Expr[] = [];
  const kwargs: Kwarg[] = [];
  let splat = false;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (part.name === 'VariableName' && parts[i + 1]?.name === 'AssignOp' && parts[i + 2]) {
      kwargs.push({ name: source.slice(part.from, part.to), value: exprOf(parts[i + 2], source), from: part.from });
      i += 2;
    } else if (part.name === '*' || part.name === '**' || part.name === 'ArithOp') {
      splat = true;
    } else if (part.name !== '⚠') args.push(exprOf(part, source));
  }
  return { args, kwargs, splat };
}
