import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { cliPath } from '../helpers/runCli';
import { examplesDir, tempDir } from '../helpers/tempDir';

/**
 * `npm link` puts a symlink to dist/cli.js on the PATH, run from wherever the user is: the bundle
 * must start by itself (shebang, executable) and find its .wasm files, built-in data sets and
 * MNIST relative to its own location, never the working directory.
 */
function runInstalled(args: string[], cwd: string) {
  const bin = path.join(tempDir('nn-trainer-bin-'), 'nn-trainer');
  fs.symlinkSync(cliPath, bin);
  return spawnSync(bin, args, { cwd, encoding: 'utf8' });
}

test('the bundle is an executable script with a node shebang', () => {
  assert.equal(fs.readFileSync(cliPath, 'utf8').split('\n')[0], '#!/usr/bin/env node');
  assert.ok((fs.statSync(cliPath).mode & 0o111) !== 0, 'executable');
});

test('run through a symlink from another folder, as after npm link, it trains on wasm and reads built-in data', () => {
  const cwd = tempDir('nn-trainer-cwd-');
  fs.copyFileSync(path.join(examplesDir, 'xor.nn.yaml'), path.join(cwd, 'xor.nn.yaml'));
  const trained = runInstalled(['train', 'xor.nn.yaml', '--epochs', '2', '--backend', 'wasm', '--json'], cwd);
  assert.equal(trained.status, 0, trained.stderr);
  const json = JSON.parse(trained.stdout);
  assert.equal(json.backend, 'wasm');
  assert.ok(json.runDir.startsWith(fs.realpathSync(cwd)) || json.runDir.startsWith(cwd), 'the run folder is beside the model file');
  const predicted = runInstalled(['predict', 'xor.nn.yaml'], cwd);
  assert.equal(predicted.status, 0, predicted.stderr);
  assert.equal(predicted.stdout.trim().split('\n').length, 4);
  // digits and MNIST come with the package: found beside the bundle, not in the working directory.
  for (const example of ['digits.nn.yaml', 'mnist-mlp.nn.yaml']) {
    const summary = runInstalled(['summary', path.join(examplesDir, example)], cwd);
    assert.equal(summary.status, 0, summary.stderr);
    assert.match(summary.stdout, /Total params: /);
  }
});

test('a reader that stops early (| head) ends the CLI quietly, without an EPIPE stack trace', () => {
  const result = spawnSync('bash', ['-c', '"$0" "$1" validate "$2" | true', process.execPath, cliPath, path.join(examplesDir, 'xor.nn.yaml')], { encoding: 'utf8' });
  assert.equal(result.stderr, '');
});
