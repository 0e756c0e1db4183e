import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { buildModelSchema } from '../../src/core/spec/modelSchema';
import { repoRoot } from '../helpers/tempDir';

test('the committed schemas/nn-model.schema.json is what the vocabulary generates (run `npm run schema`)', () => {
  const committed = JSON.parse(fs.readFileSync(path.join(repoRoot, 'schemas', 'nn-model.schema.json'), 'utf8'));
  assert.deepEqual(committed, JSON.parse(JSON.stringify(buildModelSchema())));
});
