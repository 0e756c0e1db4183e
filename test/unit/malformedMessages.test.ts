/**
 * Messages from the webviews and the workers are checked by their protocol's guard before anything
 * reads them: malformed ones are refused (never thrown on), and the host drops and logs them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { isHostToWorkerMessage, isWorkerToHostMessage, type ParseResult } from '../../src/shared/workerProtocol';
import { isPanelToHostMessage } from '../../src/shared/panelProtocol';
import { isSidebarToHostMessage } from '../../src/shared/sidebarProtocol';
import { isCompareToHostMessage } from '../../src/shared/compareProtocol';
import { ignoreMessage, ignoredMessages, logIgnoredMessagesTo } from '../../src/host/ignoredMessages';
import { SharedWorker } from '../../src/host/worker/sharedWorker';
import { WorkerJobHandle } from '../../src/host/worker/workerJob';
import { tempDir } from '../helpers/tempDir';

const cyclic: Record<string, unknown> = { type: 'command' };
cyclic.command = cyclic;

/** What no page or worker should send, and what a buggy or hostile one might. */
const NOT_MESSAGES: unknown[] = [undefined, null, 0, 42, NaN, '', 'ready', true, [], ['ready'], {}, Object.create(null), Symbol('ready'), 10n, () => 'ready', cyclic];

test('no guard throws on, or accepts, values that are not messages', () => {
  for (const guard of [isWorkerToHostMessage, isHostToWorkerMessage, isPanelToHostMessage, isSidebarToHostMessage, isCompareToHostMessage]) {
    for (const value of NOT_MESSAGES) assert.equal(guard(value), false, `${guard.name}(${String(typeof value === 'symbol' ? 'a symbol' : typeof value)})`);
  }
});

test("the panel's guard refuses unknown types and commands and ill-typed fields", () => {
  const malformed: unknown[] = [
    { type: 'readyy' },
    { type: 'command' },
    { type: 'command', command: 'deleteEverything' },
    { type: 'command', command: ['train'] },
    { type: 'command', command: { toString: () => 'train' } },
    { type: 'command', command: 'constructor' },
    { type: 'download', fileName: 'history.csv' },
    { type: 'download', fileName: 3, content: 'a,b' },
    { type: 'predict', requestId: '1', source: 'draw', input: [0, 1] },
    { type: 'predict', requestId: NaN, source: 'draw', input: [0, 1] },
    { type: 'predict', requestId: 1, source: 'keyboard', input: [0, 1] },
    { type: 'predict', requestId: 1, source: 'tryIt', input: [0, '1'] },
    { type: 'predict', requestId: 1, source: 'tryIt', input: [0, Infinity] },
    { type: 'predict', requestId: 1, source: 'tryIt', input: [0, null] },
    { type: 'predict', requestId: 1, source: 'tryIt', input: '[0, 1]' },
  ];
  for (const message of malformed) assert.equal(isPanelToHostMessage(message), false, JSON.stringify(message));
  for (const message of [{ type: 'ready' }, { type: 'command', command: 'train' }, { type: 'download', fileName: 'h.csv', content: 'a' }, { type: 'predict', requestId: 1, source: 'draw', input: [0, 255] }]) {
    assert.equal(isPanelToHostMessage(message), true, JSON.stringify(message));
  }
});

test("the sidebar's and the comparison's guards refuse unknown commands and missing fields", () => {
  for (const message of [{ type: 'command', command: 'train' }, { type: 'command', command: 'train', modelFile: '' }, { type: 'command', command: 'train', modelFile: 7 }, { type: 'command', command: 'deleteRun', modelFile: '/w/x.nn.yaml' }, { type: 'state' }]) {
    assert.equal(isSidebarToHostMessage(message), false, JSON.stringify(message));
  }
  assert.equal(isSidebarToHostMessage({ type: 'command', command: 'stop', modelFile: '/w/x.nn.yaml' }), true);
  for (const message of [{ type: 'openRun' }, { type: 'openRun', runDir: 1 }, { type: 'show', data: {} }]) assert.equal(isCompareToHostMessage(message), false, JSON.stringify(message));
  assert.equal(isCompareToHostMessage({ type: 'openRun', runDir: '/w/.nn-runs/x/1' }), true);
});

test("the worker's guard refuses what its handlers would throw on: no id, no event, result or error", () => {
  const malformed: unknown[] = [
    { type: 'done', result: { kind: 'parse' } },
    { type: 'done', id: '1', result: { kind: 'parse' } },
    { type: 'done', id: 1 },
    { type: 'done', id: 1, result: null },
    { type: 'done', id: 1, result: { diagnostics: [] } },
    { type: 'error', id: 1 },
    { type: 'error', id: 1, error: null },
    { type: 'error', id: 1, error: 'it failed' },
    { type: 'error', id: 1, error: { kind: 'internal' } },
    { type: 'error', id: 1, error: { message: 'no kind' } },
    { type: 'progress', id: 1 },
    { type: 'progress', id: 1, event: 'batchEnd' },
    { type: 'progress', id: 1, event: { batch: 3 } },
    { type: 'epochEnd', id: 1, event: { type: 'epochEnd' } },
    { type: 'epochEnd', id: 1, event: { type: 'batchEnd', epoch: 1 } },
    { type: 'start', id: 1, job: { kind: 'parse' } },
  ];
  for (const message of malformed) assert.equal(isWorkerToHostMessage(message), false, JSON.stringify(message));
  const wellFormed: unknown[] = [
    { type: 'done', id: 1, result: { kind: 'parse', file: 'x', diagnostics: [], outline: [] } },
    { type: 'error', id: 1, error: { kind: 'run-input', message: 'no run' } },
    // Kinds and event types the host does not know yet still pass: the handlers decide what they mean.
    { type: 'error', id: 1, error: { kind: 'a-new-kind', message: 'it failed' } },
    { type: 'progress', id: 1, event: { type: 'a-new-event' } },
    { type: 'epochEnd', id: 1, event: { type: 'epochEnd', epoch: 1, metrics: {} } },
  ];
  for (const message of wellFormed) assert.equal(isWorkerToHostMessage(message), true, JSON.stringify(message));
  assert.equal(isHostToWorkerMessage({ type: 'cancel' }), false);
  assert.equal(isHostToWorkerMessage({ type: 'cancel', id: 3 }), true);
});

test('ignoreMessage logs a short line for anything, and never throws', () => {
  const lines: string[] = [];
  const registration = logIgnoredMessagesTo({ warn: (line: string) => void lines.push(line) });
  try {
    for (const value of NOT_MESSAGES) ignoreMessage('the training panel', value);
    ignoreMessage('the training panel', { type: 'predict', input: new Array(100_000).fill(1) });
  } finally {
    registration.dispose();
  }
  assert.equal(lines.length, NOT_MESSAGES.length + 1);
  assert.ok(lines.every((line) => line.startsWith('Ignored a malformed message from the training panel: ')));
  assert.ok(lines.at(-1)!.length < 300, 'a big message is logged whole');
  assert.match(lines.at(-1)!, /… \(\d+ characters\)$/);
  assert.deepEqual(ignoredMessages().slice(-2), lines.slice(-2));
  // A log that throws (disposed) is not the caller's problem.
  const broken = logIgnoredMessagesTo({ warn: () => assert.fail('disposed') });
  try {
    assert.doesNotThrow(() => ignoreMessage('the Training view', { type: 'x' }));
  } finally {
    broken.dispose();
  }
});

/** A worker that answers every job with malformed messages first, then the real answer. */
function noisyWorker(): string {
  const file = path.join(tempDir(), 'noisyWorker.js');
  writeFileSync(
    file,
    `const { parentPort } = require('worker_threads');
     parentPort.on('message', (m) => {
       if (m.type !== 'start') return;
       for (const junk of [null, 'done', { type: 'done' }, { type: 'done', id: m.id }, { type: 'error', id: m.id, error: null },
         { type: 'progress', id: m.id }, { type: 'epochEnd', id: m.id, event: 7 }, { type: 'done', id: String(m.id), result: { kind: 'x' } }]) {
         parentPort.postMessage(junk);
       }
       parentPort.postMessage({ type: 'done', id: m.id, result: { kind: 'parse', file: m.job.file, diagnostics: [], outline: [] } });
     });`,
  );
  return file;
}

test('a job handle skips malformed worker messages and settles on the real answer', async () => {
  const job = new WorkerJobHandle(noisyWorker(), { kind: 'parse', file: 'a.nn.yaml', text: '' });
  let events = 0;
  job.onProgress = () => events++;
  job.onEpochEnd = () => events++;
  const result = (await job.result) as ParseResult;
  assert.equal(result.file, 'a.nn.yaml');
  assert.equal(events, 0);
});

test('the shared worker skips malformed worker messages and answers the request', async () => {
  const worker = new SharedWorker(noisyWorker());
  try {
    const result = (await worker.request({ kind: 'parse', file: 'b.nn.yaml', text: '' }, 5_000)) as ParseResult;
    assert.equal(result.file, 'b.nn.yaml');
  } finally {
    worker.dispose();
  }
});
