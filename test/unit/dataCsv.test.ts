import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SpecError } from '../../src/core/diagnostics';
import { encodeFeatures, encodeTargets, loadData, type LoadedData } from '../../src/core/data';
import type { DataSpec } from '../../src/core/spec/modelSpec';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nn-csv-'));
const projectRoot = path.resolve(__dirname, '../../..');

function csvFile(name: string, text: string): string {
  fs.writeFileSync(path.join(dir, name), text);
  return name;
}

function load(
  csv: string,
  more: Partial<DataSpec> & { label?: string | number; features?: Array<string | number> } = {},
  loss = 'sparseCategoricalCrossentropy',
  seed?: number,
): Promise<LoadedData> {
  const { label, features, ...rest } = more;
  return loadData({ source: { kind: 'csv', path: csv, label, features }, ...rest }, { baseDir: dir, loss, seed });
}

/** Asserts a SpecError at `specPath` whose message matches every pattern. */
async function rejectsAt(promise: Promise<unknown>, specPath: Array<string | number>, ...patterns: RegExp[]): Promise<void> {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(err instanceof SpecError, `not a SpecError: ${String(err)}`);
    assert.deepEqual(err.path, specPath);
    for (const p of patterns) assert.match(err.message, p);
    return true;
  });
}

const people = csvFile(
  'people.csv',
  'age,height,city,weight\n31,180,1,80.5\n25,165,2,60\n40,172,1,75\n22,190,3,90\n',
);

test('header row, label by default the last column, regression values', async () => {
  const data = await load(people, {}, 'meanSquaredError');
  assert.equal(data.train.count, 4);
  assert.deepEqual(data.featureShape, [3]);
  assert.equal(data.targetKind, 'values');
  assert.deepEqual(Array.from(encodeFeatures(data, data.train, [0])), [31, 180, 1]);
  assert.deepEqual(Array.from(encodeTargets(data, data.train, [0, 1])), [80.5, 60]);
  assert.equal(data.description, 'people.csv (4 samples)');
});

test('label by name and by index, features subset by name and index', async () => {
  const byName = await load(people, { label: 'age', features: ['height', 3] }, 'meanSquaredError');
  assert.deepEqual(byName.featureShape, [2]);
  assert.deepEqual(Array.from(encodeFeatures(byName, byName.train, [1])), [165, 60]);
  assert.deepEqual(Array.from(encodeTargets(byName, byName.train, [1])), [25]);
  const byIndex = await load(people, { label: 0 }, 'meanSquaredError');
  assert.deepEqual(Array.from(encodeFeatures(byIndex, byIndex.train, [1])), [165, 2, 60]);
  const fromEnd = await load(people, { label: -2 }, 'sparseCategoricalCrossentropy');
  assert.equal(fromEnd.numClasses, 4, 'integer labels 1..3 are class indices 0..3');
  assert.ok(fromEnd.notes.includes('numeric labels are class indices 0..3; no sample has class 0'));
  assert.deepEqual(Array.from(encodeFeatures(fromEnd, fromEnd.train, [3])), [22, 190, 90]);
});

test('files without a header row', async () => {
  const noHeader = csvFile('noheader.csv', '1,2,0\n3,4,1\n5,6,1\n');
  const data = await load(noHeader, {}, 'binaryCrossentropy');
  assert.equal(data.train.count, 3);
  assert.deepEqual(Array.from(encodeTargets(data, data.train, [0, 1, 2])), [0, 1, 1]);
  const strings = csvFile('noheader-strings.csv', '1,2,cat\n3,4,dog\n');
  assert.equal((await load(strings)).train.count, 2, 'a text label does not make the first row a header');
  await rejectsAt(load(noHeader, { label: 'y' }), ['data', 'label'], /no header row/, /0-based column index \(0\.\.2\)/);
});

test('string labels become classes in sorted order; semicolon files work', async () => {
  const pets = csvFile('pets.csv', 'w;h;kind\n1;2;dog\n3;4;cat\n5;6;dog\n7;8;bird\n');
  const data = await load(pets, {}, 'categoricalCrossentropy');
  assert.deepEqual(data.classNames, ['bird', 'cat', 'dog']);
  assert.equal(data.targetKind, 'oneHot');
  assert.deepEqual(Array.from(encodeTargets(data, data.train, [0])), [0, 0, 1]);
  assert.ok(data.notes.includes('class labels: bird = 0, cat = 1, dog = 2'));
  assert.ok(data.notes.includes('labels one-hot encoded for categorical_crossentropy (3 classes)'));
  assert.equal(data.description, 'pets.csv (4 samples, 3 classes)');
});

test('missing file: SpecError at data.csv with the resolved path', async () => {
  await rejectsAt(load('nope/missing.csv'), ['data', 'csv'], new RegExp(`not found: ${path.join(dir, 'nope/missing.csv')}: point this at your CSV file`));
});

test('missing columns list the valid names', async () => {
  await rejectsAt(load(people, { label: 'wieght' }), ['data', 'label'], /no column 'wieght'/, /Did you mean 'weight'/, /Columns: age, height, city, weight/);
  await rejectsAt(load(people, { features: ['age', 'shoe'] }), ['data', 'features', 1], /no column 'shoe'/, /age, height, city, weight/);
  await rejectsAt(load(people, { label: 9 }), ['data', 'label'], /index 9 is out of range: people.csv has 4 columns \(0\.\.3\)/);
  await rejectsAt(load(people, { features: ['weight'] }), ['data', 'features', 0], /is the label column/);
  assert.equal((await load(people, { label: 'WEIGHT' }, 'meanSquaredError')).train.count, 4, 'case is forgiven');
});

test('bad cells name the file, line and column', async () => {
  const bad = csvFile('bad.csv', 'a,b,y\n1,2,0\n\n3,x,1\n');
  await rejectsAt(load(bad), ['data', 'csv'], /bad\.csv:4: column 'b' holds 'x', not a number/);
  const gap = csvFile('gap.csv', 'a,b,y\n1,,0\n');
  await rejectsAt(load(gap), ['data', 'csv'], /gap\.csv:2: column 'b' is empty/);
  const na = csvFile('na.csv', 'a,y\n1,0.5\n2,NA\n3,1.5\n');
  await rejectsAt(load(na, {}, 'meanSquaredError'), ['data', 'csv'], /na\.csv:3: the label \(column 'y'\) is missing \('NA'\)/);
  const ragged = csvFile('ragged.csv', 'a,b,y\n1,2,0\n1,2\n');
  await rejectsAt(load(ragged), ['data', 'csv'], /ragged\.csv: Invalid Record Length/);
});

test('empty files and header-only files', async () => {
  await rejectsAt(load(csvFile('empty.csv', '')), ['data', 'csv'], /empty\.csv is empty/);
  await rejectsAt(load(csvFile('blank.csv', '\n\n')), ['data', 'csv'], /is empty/);
  await rejectsAt(load(csvFile('header.csv', 'a,b\n')), ['data', 'csv'], /header row but no data rows/);
  await rejectsAt(load(csvFile('one.csv', 'y\n1\n')), ['data', 'csv'], /no feature columns/);
});

test('classification losses need integer labels; binary losses take probabilities', async () => {
  const soft = csvFile('soft.csv', 'a,y\n1,0.2\n2,0.9\n');
  await rejectsAt(load(soft), ['data', 'csv'], /sparse_categorical_crossentropy needs class labels/);
  await rejectsAt(load(soft, { label: 'y' }, 'categoricalCrossentropy'), ['data', 'label'], /a label is 0\.2/);
  const binary = await load(soft, {}, 'binaryCrossentropy');
  assert.equal(binary.targetKind, 'values');
  assert.deepEqual(Array.from(encodeTargets(binary, binary.train, [0, 1])), [Math.fround(0.2), Math.fround(0.9)]);
  await rejectsAt(load(soft, { oneHot: true }, 'meanSquaredError'), ['data', 'one_hot'], /one_hot: true needs class labels/);
});

test('test_split on the real iris.csv is stratified and deterministic for a seed', async () => {
  const iris = path.join(projectRoot, 'data', 'iris.csv');
  const a = await load(iris, { testSplit: 0.2 }, 'categoricalCrossentropy', 7);
  const b = await load(iris, { testSplit: 0.2 }, 'categoricalCrossentropy', 7);
  const c = await load(iris, { testSplit: 0.2 }, 'categoricalCrossentropy', 8);
  assert.equal(a.train.count, 120);
  assert.equal(a.test?.count, 30);
  const counts = [0, 0, 0];
  for (const t of a.test!.targets) counts[t]++;
  assert.deepEqual(counts, [10, 10, 10]);
  assert.deepEqual(Array.from(a.test!.features), Array.from(b.test!.features));
  assert.notDeepEqual(Array.from(a.test!.features), Array.from(c.test!.features));
  assert.equal(a.description, 'iris.csv (120 train / 30 test, 3 classes)');
  // Without a seed the default one keeps the split stable.
  const d1 = await load(iris, { testSplit: 0.3 });
  const d2 = await load(iris, { testSplit: 0.3 });
  assert.deepEqual(Array.from(d1.train.targets), Array.from(d2.train.targets));
  assert.equal(d1.test?.count, 45);
});

test('test_split for regression and limit before the split', async () => {
  const rows = Array.from({ length: 50 }, (_, i) => `${i},${i * 2 + 0.5}`).join('\n');
  const reg = csvFile('reg.csv', `x,y\n${rows}\n`);
  const data = await load(reg, { testSplit: 0.2, limit: 20 }, 'meanSquaredError', 3);
  assert.equal(data.train.count, 16);
  assert.equal(data.test?.count, 4);
  const seen = [...data.train.features, ...data.test!.features].sort((p, q) => p - q);
  assert.deepEqual(seen, Array.from({ length: 20 }, (_, i) => i), 'the first 20 rows, each once');
  const y = encodeTargets(data, data.train, [0]);
  assert.equal(y[0], data.train.features[0] * 2 + 0.5, 'targets travel with their rows');
  assert.ok(data.notes.some((n) => n.includes('first 20 of 50 samples')));
});
