import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { checkModelFileWithSize } from '../../src/core/session/checkModelFile';
import { formatDiagnostic } from '../../src/core/diagnostics';
import { tempDir, writeModelFile } from '../helpers/tempDir';

/**
 * Each shape mismatch's advice, followed literally, must give a file that validates and builds: the
 * advice that was wrong before ("Use input_shape: [28, 28]" for a Conv2D, which then failed with
 * `expected ndim=4`) must not come back.
 */

const conv = (inputShape: string, data = 'dataset: mnist') => `name: c
data:
  ${data}
  limit: 50
model:
  - Conv2D: { filters: 4, kernel_size: 3, activation: relu${inputShape} }
  - Flatten
  - Dense: { units: 10, activation: softmax }
compile:
  loss: sparse_categorical_crossentropy
`;

async function diagnosticsOf(dir: string, text: string) {
  const file = writeModelFile(dir, 'm.nn.yaml', text);
  return checkModelFileWithSize(file);
}

/** Follows an advice: `add \`reshape: [..]\` under \`data:\`` and `use input_shape: [..]`, as a user would. */
function follow(text: string, message: string): string {
  let followed = text;
  const reshape = /add `reshape: (\[[\d, ]+\])` under `data:`/.exec(message);
  if (reshape) followed = followed.replace(/^data:\n/m, `data:\n  reshape: ${reshape[1]}\n`);
  const inputShape = /[Uu]se input_shape: (\[[\d, ]+\])/.exec(message);
  if (inputShape) {
    followed = /input_shape: \[[\d, ]*\]/.test(followed)
      ? followed.replace(/input_shape: \[[\d, ]*\]/, `input_shape: ${inputShape[1]}`)
      : followed.replace(/(- \w+: \{ [^\n]*?) \}/, `$1, input_shape: ${inputShape[1]} }`);
  }
  assert.notEqual(followed, text, `no advice to follow in: ${message}`);
  return followed;
}

const cases: Array<{ name: string; text: string; advice: RegExp }> = [
  { name: 'Conv2D with input_shape [28, 28, 1] on MNIST', text: conv(', input_shape: [28, 28, 1]'), advice: /add `reshape: \[28, 28, 1\]` under `data:`\.$/ },
  { name: 'Conv2D without input_shape on MNIST', text: conv(''), advice: /Conv2D needs images shaped \[height, width, channels\], but each sample of mnist .* has shape \[28, 28\]: add `reshape: \[28, 28, 1\]` under `data:`/ },
  { name: 'Conv2D with input_shape [28, 28] on MNIST', text: conv(', input_shape: [28, 28]'), advice: /add `reshape: \[28, 28, 1\]` under `data:` and use input_shape: \[28, 28, 1\]/ },
  { name: 'Conv2D with input_shape [32, 32, 3] on MNIST', text: conv(', input_shape: [32, 32, 3]'), advice: /add `reshape: \[28, 28, 1\]` under `data:` and use input_shape: \[28, 28, 1\]/ },
  { name: 'Conv2D with input_shape [8, 8, 1] on the flat digits', text: conv(', input_shape: [8, 8, 1]', 'dataset: digits'), advice: /add `reshape: \[8, 8, 1\]` under `data:`\.$/ },
  { name: 'Dense with input_shape [784] on MNIST', text: conv('').replace('  - Conv2D: { filters: 4, kernel_size: 3, activation: relu }\n  - Flatten\n', '  - Dense: { units: 16, input_shape: [784] }\n'), advice: /Use input_shape: \[28, 28\] on a Flatten layer put first/ },
  { name: 'Flatten with input_shape [784] on MNIST', text: conv('').replace('  - Conv2D: { filters: 4, kernel_size: 3, activation: relu }\n  - Flatten\n', '  - Flatten: { input_shape: [784] }\n'), advice: /Use input_shape: \[28, 28\]\.$/ },
];

for (const c of cases) {
  test(`the shape advice for ${c.name} is right: followed, the file validates and builds`, async () => {
    const dir = tempDir();
    const before = await diagnosticsOf(dir, c.text);
    assert.equal(before.diagnostics.length, 1, before.diagnostics.map(formatDiagnostic).join('\n'));
    const message = before.diagnostics[0].message;
    assert.match(message, c.advice);
    assert.doesNotMatch(message, /ndim/);
    let followed: string;
    if (/on a Flatten layer put first/.test(message)) {
      // The one advice that changes the layer list: a Flatten with the data's shape goes first.
      followed = c.text.replace('  - Dense: { units: 16, input_shape: [784] }', '  - Flatten: { input_shape: [28, 28] }\n  - Dense: { units: 16 }');
    } else followed = follow(c.text, message);
    const after = await diagnosticsOf(dir, followed);
    assert.deepEqual(after.diagnostics.map(formatDiagnostic), [], `after following "${message}":\n${followed}`);
    assert.ok(after.size && after.size.params > 0, 'the model builds');
  });
}

test('an LSTM on flat CSV rows is told to reshape them to [features, 1], which then builds', async () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'rows.csv'), 'a,b,c,y\n1,2,3,0\n2,3,4,1\n3,4,5,0\n4,5,6,1\n');
  const text = `data:\n  csv: rows.csv\nmodel:\n  - LSTM: { units: 4 }\n  - Dense: { units: 1, activation: sigmoid }\ncompile:\n  loss: binary_crossentropy\n`;
  const before = await diagnosticsOf(dir, text);
  assert.equal(before.diagnostics.length, 1, before.diagnostics.map(formatDiagnostic).join('\n'));
  assert.match(before.diagnostics[0].message, /LSTM needs sequences shaped \[timesteps, features\], but each sample of rows.csv .* has shape \[3\]: add `reshape: \[3, 1\]` under `data:`/);
  const after = await diagnosticsOf(dir, follow(text, before.diagnostics[0].message));
  assert.deepEqual(after.diagnostics.map(formatDiagnostic), []);
});
