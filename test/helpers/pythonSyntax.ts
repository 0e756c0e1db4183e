import { spawnSync } from 'child_process';

/** Whether python3 runs here: the checks of exported scripts need it (TensorFlow is not needed). */
export const hasPython = spawnSync('python3', ['--version']).status === 0;

/**
 * Python's own parser, then a walk of the module's statements in order: a name read before any
 * statement defined it (assignment, import, for, with) would be a NameError when the script runs.
 * Exported scripts are straight-line code, so this finds every undefined name without TensorFlow.
 */
const CHECK = `
import ast, builtins, sys
tree = ast.parse(sys.stdin.read())
defined = set(dir(builtins))
problems = []
for statement in tree.body:
    for node in ast.walk(statement):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and node.id not in defined:
            problems.append(f'line {node.lineno}: {node.id} is used before it is defined')
    for node in ast.walk(statement):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            defined.add(node.id)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            defined.update((a.asname or a.name).split('.')[0] for a in node.names)
print('\\n'.join(problems))
sys.exit(1 if problems else 0)
`;

/** Python's complaint about `source` (a syntax error or a name used before it is defined), or undefined when there is none. */
export function pythonSyntaxError(source: string): string | undefined {
  const result = spawnSync('python3', ['-c', CHECK], { input: source, encoding: 'utf8' });
  if (result.status === 0) return undefined;
  return (result.stdout + result.stderr).trim().split('\n').slice(-3).join('\n');
}
