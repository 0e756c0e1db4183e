import { spawnSync } from 'child_process';

/** Whether python3 runs here: the syntax check of exported scripts needs it (TensorFlow is not needed). */
export const hasPython = spawnSync('python3', ['--version']).status === 0;

/** Python's own parser's complaint about `source`, or undefined when it is valid Python 3. */
export function pythonSyntaxError(source: string): string | undefined {
  const result = spawnSync('python3', ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], { input: source, encoding: 'utf8' });
  return result.status === 0 ? undefined : result.stderr.trim().split('\n').slice(-3).join('\n');
}
