/**
 * What each bundle holds (`npm test` builds them first): the extension host's bundle must not carry
 * TensorFlow.js, so activating the extension stays cheap; the worker carries it; the webview carries
 * no Node or host code.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../helpers/tempDir';

const bundle = (name: string) => readFileSync(path.join(repoRoot, 'dist', name), 'utf8');

test('the extension host bundle holds no TensorFlow.js, no validator and no Python parser: they run in workers', () => {
  const host = bundle('extension.js');
  assert.doesNotMatch(host, /@tensorflow\/tfjs|registerKernel|tfjs-backend-wasm/);
  assert.doesNotMatch(host, /new Ajv\b|ajv\/dist/);
  assert.doesNotMatch(host, /@lezer\//);
  assert.ok(host.length < 200_000, `extension.js is ${host.length} bytes`);
});

test('the worker bundle holds TensorFlow.js and finds the wasm binaries beside it', () => {
  const worker = bundle('worker.js');
  assert.match(worker, /registerKernel/);
  assert.match(worker, /tfjs-backend-wasm-simd\.wasm/);
});

test('each webview bundle (panel, Training view, comparison) is browser code with no Node or vscode module', () => {
  for (const page of ['panel', 'sidebar', 'compare']) {
    const code = bundle(`webview/${page}.js`);
    assert.doesNotMatch(code, /require\(["'](vscode|fs|path|worker_threads)["']\)/, page);
    assert.match(code, /acquireVsCodeApi/, page);
  }
});
