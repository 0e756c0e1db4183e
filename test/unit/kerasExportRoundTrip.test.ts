/**
 * Export, then import: every example and New Model File template, exported as a Keras script and
 * imported back with the Keras-script importer, gives the same data, model, compile, fit and predict.
 * The sections are compared as the trainer reads them (the normalized spec), so a spelling the file
 * chose (`l2` or `{ l2: 0.01 }`) does not count, a meaning does.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { exportKerasScriptOfFile } from '../../src/core/keras/exportKerasScript';
import { importKerasScript } from '../../src/core/keras/importKerasScript';
import { parseModelText } from '../../src/core/modelFile';
import type { LayerSpec, ModelSpec } from '../../src/core/spec/modelSpec';
import { MODEL_TEMPLATES, renderTemplate } from '../../src/host/templates/modelTemplates';
import { examplesDir, repoRoot, tempDir } from '../helpers/tempDir';
import { hasPython, pythonSyntaxError } from '../helpers/pythonSyntax';

const corpusDir = path.join(repoRoot, 'test', 'fixtures', 'keras', 'export');

interface Case {
  label: string;
  /** The model file, in a folder of its own with the CSV it reads. */
  file: string;
}

function cases(): Case[] {
  const dir = tempDir();
  fs.copyFileSync(path.join(examplesDir, 'breast-cancer.csv'), path.join(dir, 'breast-cancer.csv'));
  const examples = fs.readdirSync(examplesDir).filter((f) => f.endsWith('.nn.yaml'));
  const all: Case[] = examples.map((f) => {
    fs.copyFileSync(path.join(examplesDir, f), path.join(dir, f));
    return { label: `example ${f}`, file: path.join(dir, f) };
  });
  for (const template of MODEL_TEMPLATES) {
    const folder = path.join(dir, `template-${template.id}`);
    fs.mkdirSync(folder);
    fs.copyFileSync(path.join(examplesDir, 'breast-cancer.csv'), path.join(folder, 'data.csv'));
    const file = path.join(folder, template.fileName);
    fs.writeFileSync(file, renderTemplate(template, template.fileName, 'data.csv'));
    all.push({ label: `template ${template.label}`, file });
  }
  // Every layer, optimizer option and preparation step the examples do not use.
  for (const f of fs.readdirSync(corpusDir)) {
    fs.copyFileSync(path.join(corpusDir, f), path.join(dir, f));
    if (f.endsWith('.nn.yaml')) all.push({ label: `corpus ${f}`, file: path.join(dir, f) });
  }
  return all;
}

/** Losses for which the trainer one-hot encodes class labels unless `one_hot: false` (core/data/targets.ts). */
const ONE_HOT_LOSSES = new Set(['categoricalCrossentropy', 'categoricalHinge', 'kullbackLeiblerDivergence']);

/**
 * The spec as the trainer acts on it. Python needs `to_categorical` where the trainer one-hot encodes
 * by itself, so the imported `one_hot: true` and an unset one_hot with such a loss are the same; and
 * the trainer's own defaults written out are its defaults.
 */
function specOf(text: string, file: string): ModelSpec {
  const parsed = parseModelText(text, file);
  assert.ok(parsed.spec, `${file} is not valid:\n${parsed.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.message}`).join('\n')}\n${text}`);
  const spec = parsed.spec;
  const data = spec.data.oneHot === undefined && ONE_HOT_LOSSES.has(spec.compile.loss) ? { ...spec.data, oneHot: true } : spec.data;
  return { ...spec, data, model: spec.model.map(withTrainerDefaults) };
}

/**
 * The script writes out what TensorFlow.js does by default where Keras would do otherwise (an LSTM's
 * and GRU's hard_sigmoid gates, a GRU's reset_after=False), so the imported file says it explicitly.
 */
function withTrainerDefaults(layer: LayerSpec): LayerSpec {
  if (layer.type !== 'LSTM' && layer.type !== 'GRU') return layer;
  const config: Record<string, unknown> = { recurrentActivation: 'hardSigmoid', ...layer.config };
  if (layer.type === 'GRU') config.resetAfter ??= false;
  return { ...layer, config };
}

const all = cases();

test('the round trip covers every example and every template', () => {
  assert.ok(all.filter((c) => c.label.startsWith('example')).length >= 5);
  assert.equal(all.filter((c) => c.label.startsWith('template')).length, MODEL_TEMPLATES.length);
});

for (const { label, file } of all) {
  test(`${label}: export then import gives the same data, model, compile, fit and predict`, async () => {
    const scriptPath = file.replace(/\.nn\.yaml$/, '.py');
    const exported = await exportKerasScriptOfFile(file, scriptPath);
    assert.ok(exported.text, exported.diagnostics.map((d) => d.message).join('\n'));
    if (hasPython) assert.equal(pythonSyntaxError(exported.text), undefined, 'the script is valid Python');
    const imported = importKerasScript(exported.text, scriptPath);
    assert.equal(imported.error, undefined, imported.error?.message);
    assert.ok(imported.text);
    const back = specOf(imported.text, path.join(path.dirname(file), 'imported.nn.yaml'));
    const original = specOf(fs.readFileSync(file, 'utf8'), file);
    const context = `\n--- exported script:\n${exported.text}\n--- imported model file:\n${imported.text}`;
    assert.deepEqual(back.data, original.data, `data${context}`);
    assert.deepEqual(back.model, original.model, `model${context}`);
    assert.deepEqual(back.compile, original.compile, `compile${context}`);
    assert.deepEqual(back.fit, original.fit, `fit${context}`);
    assert.deepEqual(back.predict, original.predict, `predict${context}`);
    assert.equal(back.seed, original.seed, `seed${context}`);
    assert.deepEqual(imported.warnings, [], `nothing left untranslated${context}`);
  });
}
