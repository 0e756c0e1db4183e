/** CSV columns by Python slice (`features: "0:8"`, `":-1"`, mixed lists) and negative label indices. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { encodeFeatures, loadData, type LoadedData } from '../../src/core/data';
import { parseColumnSlice, sliceColumns } from '../../src/core/data/columnSlice';
import { checkModelFile } from '../../src/core/session/checkModelFile';
import { trainModelFile } from '../../src/core/session/trainModelFile';
import { formatDiagnostic } from '../../src/core/diagnostics';
import { parseModelText } from '../../src/core/modelFile';
import { tempDir, writeModelFile } from '../helpers/tempDir';

const dir = tempDir();
// The Pima diabetes layout of the Keras "first network" tutorial: 8 numeric features, then the 0/1 label.
const rows = Array.from({ length: 40 }, (_, i) => [i % 7, 80 + i, 60 + (i % 5), 20 + (i % 3), i * 2, 25 + i / 10, (i % 10) / 10, 20 + i, i % 2].join(','));
fs.writeFileSync(path.join(dir, 'pima.csv'), rows.join('\n') + '\n');
fs.writeFileSync(path.join(dir, 'people.csv'), 'age,height,city,weight,smoker,y\n31,180,1,80.5,0,1\n25,165,2,60,1,0\n40,172,1,75,0,1\n22,190,3,90,1,0\n');

function load(csv: string, features: string | Array<string | number> | undefined, label?: string | number, loss = 'binaryCrossentropy'): Promise<LoadedData> {
  return loadData({ source: { kind: 'csv', path: csv, ...(label === undefined ? {} : { label }), ...(features === undefined ? {} : { features }) } }, { baseDir: dir, loss });
}

const firstRow = (data: LoadedData) => Array.from(encodeFeatures(data, data.train, [0]));

test('a slice is start:end, the end excluded, negatives from the end, either end open', () => {
  assert.deepEqual(parseColumnSlice('0:8'), { start: 0, end: 8 });
  assert.deepEqual(parseColumnSlice(':-1'), { end: -1 });
  assert.deepEqual(parseColumnSlice(' 2 : '), { start: 2 });
  assert.deepEqual(parseColumnSlice(':'), {});
  for (const bad of ['0-8', 'a:b', '0:8:2', '1.5:3', '']) assert.equal(parseColumnSlice(bad), undefined, bad);
  assert.deepEqual(sliceColumns({ start: 0, end: 8 }, 9).columns, [0, 1, 2, 3, 4, 5, 6, 7]);
  assert.deepEqual(sliceColumns({ end: -1 }, 4).columns, [0, 1, 2]);
  assert.deepEqual(sliceColumns({ start: -2 }, 4).columns, [2, 3]);
  assert.equal(sliceColumns({ start: 0, end: 10 }, 9).inRange, false);
  assert.equal(sliceColumns({ start: -10 }, 9).inRange, false);
});

test('features: "0:8" and label: 8 or -1 read the tutorial\'s dataset[:, 0:8] and dataset[:, 8]', async () => {
  for (const label of [8, -1, undefined]) {
    const data = await load('pima.csv', '0:8', label);
    assert.deepEqual(data.featureShape, [8]);
    assert.deepEqual(firstRow(data), [0, 80, 60, 20, 0, 25, 0, 20]);
    assert.equal(data.numClasses, 2);
  }
  assert.deepEqual((await load('pima.csv', ':-1')).featureShape, [8]);
  assert.deepEqual(firstRow(await load('pima.csv', '-3:-1')), [0, 20]);
  assert.deepEqual(firstRow(await load('pima.csv', '5:', 0, 'meanSquaredError')), [25, 0, 20, 0]);
});

test('ranges mix with names and indices in a list, in the order written', async () => {
  const data = await load('people.csv', ['0:2', 4, 'city']);
  assert.deepEqual(data.featureNames, ['age', 'height', 'smoker', 'city']);
  assert.deepEqual(firstRow(data), [31, 180, 0, 1]);
  assert.deepEqual((await load('people.csv', ['0:2', -2])).featureNames, ['age', 'height', 'smoker']);
});

async function diagnosticsFor(data: string): Promise<string[]> {
  const file = writeModelFile(dir, 'm.nn.yaml', `name: m\ndata:\n${data}\nmodel:\n  - Dense: { units: 1, activation: sigmoid }\ncompile:\n  loss: binary_crossentropy\n`);
  return (await checkModelFile(file)).map((d) => formatDiagnostic(d).replace(file, 'm.nn.yaml'));
}

test('a range past the columns, empty, malformed, over the label or repeated is a located error saying what is valid', async () => {
  assert.deepEqual(await diagnosticsFor('  csv: pima.csv\n  features: "0:20"'), [
    'm.nn.yaml:4:13: error: the column range `0:20` is out of range: pima.csv has 9 columns (0..8), so a range runs from -9 to 9, the end excluded (`"0:9"` is every column)',
  ]);
  assert.deepEqual(await diagnosticsFor('  csv: pima.csv\n  features: "5:2"'), [
    'm.nn.yaml:4:13: error: the column range `5:2` selects no column: its end must come after its start (the end is excluded: `"0:8"` is columns 0 to 7)',
  ]);
  assert.deepEqual(await diagnosticsFor('  csv: people.csv\n  features: ["0:2", "1:x"]'), [
    'm.nn.yaml:4:21: error: `1:x` is neither a column of people.csv nor a column range: a range is `"start:end"` with whole numbers, the end excluded, either end may be left open (`"0:8"`, `":-1"`, `"2:"`). people.csv has 6 columns (0..5): age, height, city, weight, smoker, y',
  ]);
  assert.deepEqual(await diagnosticsFor('  csv: pima.csv\n  features: ":"'), [
    'm.nn.yaml:4:13: error: the range `:` includes column 8, the label column; a feature cannot also be the label: end the range before it, `"0:8"`',
  ]);
  assert.deepEqual(await diagnosticsFor('  csv: people.csv\n  features: ["0:3", height]'), [
    "m.nn.yaml:4:21: error: column 'height' is chosen twice (also by `0:3`): list each feature column once",
  ]);
  assert.deepEqual(await diagnosticsFor('  csv: pima.csv\n  features: "0:8"\n  label: -10'), [
    'm.nn.yaml:5:10: error: column index -10 is out of range: pima.csv has 9 columns (0..8)',
  ]);
});

test('the schema takes one range or a list, and negative label indices', () => {
  const problems = (data: string) => parseModelText(`data:\n  csv: x.csv\n${data}\nmodel:\n  - Dense: { units: 1 }\ncompile:\n  loss: mse\n`, 'x.nn.yaml').diagnostics.map(formatDiagnostic);
  assert.deepEqual(problems('  features: "0:8"\n  label: -1'), []);
  assert.deepEqual(problems('  features: ["0:4", 6, age]'), []);
  assert.equal(problems('  features: 3').length, 1);
  assert.equal(problems('  features: []').length, 1);
});

test('a model file with features: "0:8" and label: -1 trains', async () => {
  const file = writeModelFile(dir, 'pima.nn.yaml', `name: pima\nseed: 1\ndata:\n  csv: pima.csv\n  features: "0:8"\n  label: -1\n  normalize: standard\nmodel:\n  - Dense: { units: 8, activation: relu }\n  - Dense: { units: 1, activation: sigmoid }\ncompile:\n  optimizer: adam\n  loss: binary_crossentropy\n  metrics: [accuracy]\nfit:\n  epochs: 2\n`);
  const { summary } = await trainModelFile(file, { backend: 'cpu', runsRoot: path.join(dir, 'runs') });
  assert.equal(summary.status, 'completed');
  assert.equal(summary.modelSummary?.layers[0].params, 8 * 8 + 8);
});
