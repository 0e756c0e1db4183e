/** New Model File's templates: each one, as a user gets it, is a valid model file that checks with its data. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { MODEL_TEMPLATES, renderTemplate } from '../../src/host/templates/modelTemplates';
import { freeModelFileName, modelFileNameFor } from '../../src/host/templates/newModelFileName';
import { parseModelText } from '../../src/core/modelFile';
import { checkModelFileWithSize } from '../../src/core/session/checkModelFile';
import { examplesDir, tempDir } from '../helpers/tempDir';

test('there is a template for XOR, MNIST MLP, CSV classification and Iris', () => {
  assert.deepEqual(MODEL_TEMPLATES.map((t) => t.label), ['XOR', 'MNIST MLP', 'CSV classification', 'Iris']);
});

for (const template of MODEL_TEMPLATES) {
  test(`the ${template.label} template checks clean with its data and builds`, async () => {
    const dir = tempDir();
    copyFileSync(path.join(examplesDir, 'breast-cancer.csv'), path.join(dir, 'cancer data.csv'));
    const file = path.join(dir, template.fileName);
    writeFileSync(file, renderTemplate(template, template.fileName, 'cancer data.csv'));
    const result = await checkModelFileWithSize(file);
    assert.deepEqual(result.diagnostics, []);
    assert.ok(result.size && result.size.params > 0);
  });
}

test('the model name comes from the file name', () => {
  const parsed = parseModelText(renderTemplate(MODEL_TEMPLATES[0], 'my first net.nn.yaml'), 'my first net.nn.yaml');
  assert.equal(parsed.spec?.name, 'my-first-net');
});

test('the CSV template without a CSV points at data.csv, which its diagnostics then name', async () => {
  const dir = tempDir();
  const template = MODEL_TEMPLATES.find((t) => t.id === 'csv-classification')!;
  const file = path.join(dir, 'classifier.nn.yaml');
  writeFileSync(file, renderTemplate(template, 'classifier.nn.yaml'));
  const { diagnostics } = await checkModelFileWithSize(file);
  assert.equal(diagnostics.length, 1);
  assert.match(diagnostics[0].message, /data\.csv/);
  assert.equal(diagnostics[0].range.start.line, 5);
});

test('every name a save dialog returns becomes exactly one <stem>.nn.yaml', () => {
  const cases: Array<[string, string]> = [
    ['xor.nn.yaml.nn.yaml', 'xor.nn.yaml'],
    ['my-mnist.yaml.nn.yaml', 'my-mnist.nn.yaml'],
    ['my-mnist', 'my-mnist.nn.yaml'],
    ['my-mnist.yaml', 'my-mnist.nn.yaml'],
    ['flowers.nn.yaml.nn.yaml', 'flowers.nn.yaml'],
    ['flowers.nn.yaml', 'flowers.nn.yaml'],
    ['flowers.nn', 'flowers.nn.yaml'],
    ['Flowers.NN.YML', 'Flowers.nn.yaml'],
    ['v1.2.nn.yaml', 'v1.2.nn.yaml'],
    ['.nn.yaml', 'xor.nn.yaml'],
  ];
  for (const [typed, expected] of cases) assert.equal(modelFileNameFor(typed, 'xor'), expected, typed);
});

test("the template's name field is the file's stem, whatever the dialog appended", () => {
  const parsed = parseModelText(renderTemplate(MODEL_TEMPLATES[0], 'xor.nn.yaml.nn.yaml'), 'xor.nn.yaml');
  assert.equal(parsed.spec?.name, 'xor');
});

test('the default file name does not clash with a model file of the folder', () => {
  assert.equal(freeModelFileName('xor', ['iris.nn.yaml', 'xor.csv']), 'xor.nn.yaml');
  assert.equal(freeModelFileName('xor', ['xor.nn.yaml']), 'xor-2.nn.yaml');
  assert.equal(freeModelFileName('xor', ['xor.nn.yaml', 'xor-2.nn.json', 'XOR-3.nn.yml']), 'xor-4.nn.yaml');
});
