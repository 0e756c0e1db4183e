import { after, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'child_process';
import * as path from 'path';
import { findRepoRoot } from '../vscodeServer/tools';

/**
 * `npm run demo` must show a working extension to a person who opens the printed URL: its --check
 * mode opens that plain URL headless, finds the commands in the palette and validates xor.nn.yaml.
 */
let child: ChildProcess | undefined;
// On a timeout node:test abandons the test: SIGTERM lets the demo stop its code-server.
after(() => {
  if (child && child.exitCode === null) child.kill('SIGTERM');
});

test('the demo serves VS Code with the extension working (scripts/demo.mjs --check)', { timeout: 3 * 60_000 }, async () => {
  const root = findRepoRoot();
  const demo = spawn(process.execPath, [path.join(root, 'scripts', 'demo.mjs'), '--check'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child = demo;
  demo.stdout.on('data', (chunk) => (output += chunk));
  demo.stderr.on('data', (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => demo.on('close', resolve));
  assert.equal(code, 0, output);
  assert.match(output, /palette: .*Neural Network: Train Model/);
  assert.match(output, /notification: xor is valid/);
});
