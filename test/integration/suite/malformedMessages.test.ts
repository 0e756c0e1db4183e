import * as assert from 'assert';
import * as vscode from 'vscode';
import { extensionApi, waitFor, workspaceFile } from './testHelpers';

/** What a buggy or hostile page might post; none of it is a message of the protocol. */
const MALFORMED: unknown[] = [
  null,
  42,
  'ready',
  [],
  {},
  { type: 'command' },
  { type: 'command', command: 'deleteEverything' },
  { type: 'command', command: ['train'] },
  { type: 'predict', requestId: '1', source: 'draw', input: [1] },
  { type: 'predict', requestId: 1, source: 'tryIt', input: [0, 'x'] },
  { type: 'download', fileName: 3, content: 'a,b' },
];

describe('Malformed messages from the webviews', () => {
  it('the training panel drops and logs each one, never throws, and still answers a good one', async () => {
    const api = await extensionApi();
    const xor = workspaceFile('xor.nn.yaml').fsPath;
    await vscode.commands.executeCommand('nnTrainer.showPanel', vscode.Uri.file(xor));
    await waitFor('the panel to be open', () => api.panels.isOpen(xor));
    const before = api.ignoredMessages().length;
    for (const message of MALFORMED) assert.doesNotThrow(() => api.panels.receive(xor, message), JSON.stringify(message));
    const logged = api.ignoredMessages().slice(before);
    assert.strictEqual(logged.length, MALFORMED.length);
    assert.ok(logged.every((line) => line.startsWith('Ignored a malformed message from the training panel: ')), logged.join('\n'));
    assert.match(logged[6], /deleteEverything/);
    // The panel is none the worse: a `ready` gets its snapshot.
    api.panels.receive(xor, { type: 'ready' });
    await waitFor('the snapshot answering ready', () => api.panels.lastSnapshotFor(xor));
    // Closed once shown: closing it while its editor opens makes the workbench log an error.
    await waitFor('the panel to show', () => api.panels.panelFor(xor)?.visible);
    api.panels.panelFor(xor)?.dispose();
  });

  it('the sidebar Training view drops and logs each one, never throws', async () => {
    const api = await extensionApi();
    const before = api.ignoredMessages().length;
    for (const message of MALFORMED) assert.doesNotThrow(() => api.sidebar.training.receive(message), JSON.stringify(message));
    const logged = api.ignoredMessages().slice(before);
    assert.strictEqual(logged.length, MALFORMED.length);
    assert.ok(logged.every((line) => line.startsWith('Ignored a malformed message from the Training view: ')), logged.join('\n'));
  });
});
