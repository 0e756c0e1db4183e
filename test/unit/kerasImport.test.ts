import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { importAnchors, importKerasScript } from '../../src/core/keras/importKerasScript';
import { checkModelFile } from '../../src/core/session/checkModelFile';
import { repoRoot } from '../helpers/tempDir';

// Tutorial-style scripts written for these tests (not the seeds), each beside the model file it must
// give (`.nn.yaml`) or the located error (`.error.txt`), and the CSVs the model files name.
const corpus = path.join(repoRoot, 'test', 'fixtures', 'keras', 'corpus');
const scripts = fs.readdirSync(corpus).filter((f) => f.endsWith('.py')).sort();
const stem = (f: string) => f.replace(/\.py$/, '');

test('the corpus holds at least 20 scripts, each with its expected model file or error', () => {
  assert.ok(scripts.length >= 20, `${scripts.length} scripts`);
  for (const f of scripts) {
    assert.ok(fs.existsSync(path.join(corpus, `${stem(f)}.nn.yaml`)) || fs.existsSync(path.join(corpus, `${stem(f)}.error.txt`)), f);
  }
});

for (const f of scripts) {
  test(`import ${f} gives exactly its expected ${fs.existsSync(path.join(corpus, `${stem(f)}.nn.yaml`)) ? 'model file' : 'error'}`, () => {
    const script = path.join(corpus, f);
    const result = importKerasScript(fs.readFileSync(script, 'utf8'), script);
    const expectedFile = path.join(corpus, `${stem(f)}.nn.yaml`);
    if (fs.existsSync(expectedFile)) {
      assert.equal(result.error, undefined);
      assert.equal(result.text, fs.readFileSync(expectedFile, 'utf8'));
      // Each warning is also a comment line of the header, located as SCRIPT.py:LINE:COL.
      for (const w of result.warnings) assert.ok(result.text?.includes(`#   ${f}:${w.line}:${w.column}  `), `${w.line}:${w.column} ${w.message}`);
      assert.equal(result.text?.includes('Not translated:'), result.warnings.length > 0);
    } else {
      assert.equal(result.text, undefined);
      const e = result.error!;
      assert.equal(`${e.line}:${e.column}: ${e.message}\n`, fs.readFileSync(path.join(corpus, `${stem(f)}.error.txt`), 'utf8'));
      assert.match(e.message, /the importer reads Sequential models/);
    }
  });
}

test('every expected model file of the corpus validates with the real validator (the placeholder says where to point it)', async () => {
  for (const f of fs.readdirSync(corpus).filter((n) => n.endsWith('.nn.yaml'))) {
    const diagnostics = await checkModelFile(path.join(corpus, f));
    const errors = diagnostics.filter((d) => d.severity === 'error');
    // A placeholder, or a CSV the script downloads: the one error is at that line, and says what to do.
    if (f === 'undefined-data-pandas.nn.yaml' || f === 'pima-url.nn.yaml') {
      assert.equal(errors.length, 1, JSON.stringify(errors));
      const csvLine = fs.readFileSync(path.join(corpus, f), 'utf8').split('\n').findIndex((l) => l.startsWith('  csv: ')) + 1;
      assert.equal(errors[0].range.start.line, csvLine);
      assert.match(errors[0].message, /point this at your CSV/);
    } else assert.deepEqual(errors.map((d) => `${d.range.start.line}: ${d.message}`), [], f);
  }
});

test('untranslated statements are warnings at their exact line and column', () => {
  const script = path.join(corpus, 'untranslatable.py');
  const { warnings } = importKerasScript(fs.readFileSync(script, 'utf8'), script);
  const at = (line: number, column: number) => warnings.find((w) => w.line === line && w.column === column)?.message;
  assert.match(at(7, 1) ?? '', /the function f1_metric/);
  assert.match(at(17, 5) ?? '', /LeakyReLU is not a layer of the format/);
  assert.match(at(18, 70) ?? '', /kernel_constraint/);
  assert.match(at(20, 25) ?? '', /Nadam.*adam is written instead/);
  assert.match(at(20, 103) ?? '', /custom metric function f1_metric/);
  assert.match(at(21, 52) ?? '', /class_weight/);
  assert.match(at(23, 1) ?? '', /plotting/);
  assert.match(at(25, 1) ?? '', /loops are translated only over a list or range/);
  assert.match(at(27, 1) ?? '', /model\.save.*run folder keeps the trained model/);
  assert.equal(warnings.length, 10);
});

test('print, imports of other libraries, model.summary and evaluate on the test split are read without a warning', () => {
  const source = ['import os', 'import matplotlib.pyplot as plt', 'import numpy as np', 'from tensorflow.keras import Sequential', 'from tensorflow.keras.layers import Dense',
    'X = np.array([[0], [1]])', 'y = np.array([0, 1])', 'model = Sequential([Dense(1, activation="sigmoid", input_shape=(1,))])', 'model.summary()',
    'model.compile(optimizer="adam", loss="binary_crossentropy")', 'model.fit(X, y, epochs=3, verbose=1)', 'print(model.evaluate(X, y))', ''].join('\n');
  const result = importKerasScript(source, '/tmp/tiny.py');
  assert.deepEqual(result.warnings, []);
  assert.match(result.text ?? '', /^name: tiny$/m);
});

test('a script with a syntax error still gives a model file, and a warning at the line', () => {
  const source = 'from keras.models import Sequential\nfrom keras.layers import Dense\nmodel = Sequential()\nmodel.add(Dense(4, input_dim=2 activation="relu"))\nmodel.add(Dense(1))\nmodel.compile(optimizer="sgd", loss="mse")\n';
  const result = importKerasScript(source, 'broken.py');
  assert.equal(result.error, undefined);
  assert.match(result.text ?? '', /^name: broken$/m);
  assert.ok(result.warnings.some((w) => w.line === 4), JSON.stringify(result.warnings));
});

test('importAnchors: the Sequential( call and the first model.add(, 1-based; none without a Sequential model', () => {
  const seed000 = fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'keras', 'seeds', 'seed-000.py'), 'utf8');
  const lines = seed000.split('\n');
  const seqLine = lines.findIndex((l) => l.includes('Sequential()')) + 1;
  const addLine = lines.findIndex((l) => l.includes('model.add(')) + 1;
  assert.deepEqual(importAnchors(seed000), [{ line: seqLine, column: 9 }, { line: addLine, column: 1 }]);
  assert.deepEqual(importAnchors('model = tf.keras.Sequential([\n  tf.keras.layers.Dense(1)])\n'), [{ line: 1, column: 9 }]);
  assert.deepEqual(importAnchors(fs.readFileSync(path.join(corpus, 'functional-api.py'), 'utf8')), []);
  assert.deepEqual(importAnchors(''), []);
});

// The larger CNN (mnist-cnn) takes minutes on the cpu backend, which is what trains Conv2D here; the
// small one checks the same data reshape.
test('imported model files of every kind train: CNN with a data reshape, logits, CSV slices, regression, shipped CSV', async () => {
  const { trainModelFile } = await import('../../src/core/session/trainModelFile');
  const { tempDir } = await import('../helpers/tempDir');
  for (const name of ['mnist-cnn-keras3', 'mnist-positional-cnn', 'mnist-mlp-keras-example', 'mnist-rescaling', 'sequences-lstm', 'mnist-quickstart-logits', 'xor-layers-in-loops', 'pima-loadtxt', 'iris-csv-iloc', 'housing-regression', 'breast-cancer-sklearn', 'iris-one-hot-early-stopping', 'breast-cancer-one-hot-encoder']) {
    const dir = tempDir();
    for (const csv of fs.readdirSync(corpus).filter((n) => n.endsWith('.csv'))) fs.copyFileSync(path.join(corpus, csv), path.join(dir, csv));
    const file = path.join(dir, `${name}.nn.yaml`);
    fs.writeFileSync(file, fs.readFileSync(path.join(corpus, `${name}.nn.yaml`), 'utf8').replace(/^data:\n/m, 'data:\n  limit: 100\n'));
    const { summary } = await trainModelFile(file, { epochs: 1, seed: 1, backend: 'cpu', runsRoot: path.join(dir, 'runs') });
    assert.match(summary.status, /^(completed|early_stopped)$/, name);
  }
});

test("the README's import example gives the model file and warnings the README shows", () => {
  const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Import a Keras script'), readme.indexOf('### What the importer understands'));
  const blocks = [...section.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1], text: m[2] }));
  const script = blocks.find((b) => b.lang === 'python')!.text;
  const modelFile = blocks.find((b) => b.lang === 'yaml')!.text;
  const printed = blocks.find((b) => b.lang === 'text')!.text;
  const result = importKerasScript(script, '/anywhere/iris_tutorial.py');
  assert.equal(result.text, modelFile);
  for (const w of result.warnings) assert.ok(printed.includes(`iris_tutorial.py:${w.line}:${w.column}: warning: ${w.message}\n`), w.message);
  assert.equal(printed.split('\n').filter((l) => l.includes(': warning: ')).length, result.warnings.length);
});

test('CRLF line ends and a byte-order mark give the same model file and the same positions', () => {
  const script = path.join(corpus, 'untranslatable.py');
  const lf = fs.readFileSync(script, 'utf8');
  const plain = importKerasScript(lf, script);
  const crlf = importKerasScript(`\uFEFF${lf.replace(/\n/g, '\r\n')}`, script);
  assert.equal(crlf.text, plain.text);
  assert.deepEqual(crlf.warnings, plain.warnings);
});
