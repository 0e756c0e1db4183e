import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { formatTable, ratio } from '../../bench/pytorchCompare';

test('the PyTorch table prints ratios first, and says why a missing figure is missing', () => {
  assert.equal(ratio(10_000, 50_000), '0.20x');
  assert.equal(ratio(10_000, 'no torch (run npm run bench:setup)'), 'n/a');
  const table = formatTable('t', ['batch 32'], [{ cli: 10_000, bare: 12_000, torch1: 40_000, torch2: 'no torch (run npm run bench:setup)' }], '');
  const lines = table.split('\n');
  assert.match(lines[3], /ratio CLI \/ PyTorch 1 thread.*0\.25x/);
  assert.match(table, /PyTorch CPU, 2 threads \| no torch \(run npm run bench:setup\)/);
  // Wall times: lower is better, so the ratio is the anchor's time over ours.
  assert.match(formatTable('x', ['ms'], [{ cli: 2000, bare: 1000, torch1: 400, torch2: 300 }], ' ms', false), /PyTorch 1 thread\*\* \| 0\.20x/);
});

test('the PyTorch script is valid Python', (t) => {
  const script = path.resolve(__dirname, '../../../bench/pytorch/mnist_mlp.py');
  const probe = spawnSync('python3', ['-c', 'import ast, sys; ast.parse(open(sys.argv[1]).read())', script], { encoding: 'utf8' });
  if (probe.error) return t.skip('no python3 here');
  assert.equal(probe.status, 0, probe.stderr);
});
