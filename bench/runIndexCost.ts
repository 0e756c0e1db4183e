/**
 * What listing run folders costs the extension host: 200 run folders as training leaves them (summary
 * with model summary, evaluation and predictions; history, batches, model, weights, model-file copy),
 * some cut off while starting and some with a corrupt summary.json, listed by the Runs view's listRuns
 * while a 1 ms timer measures how long the event loop was held at a stretch.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { listRuns } from '../src/core/runs/runIndex';
import type { RunStatus, RunSummary } from '../src/core/runs/runSummary';

export interface RunIndexTiming {
  folders: number;
  listed: number;
  unreadable: number;
  /** Wall time of each listing, in order: the first one runs with cold code. */
  listMs: number[];
  /** Per listing, the longest the event loop went without running a 1 ms timer, less that 1 ms. */
  blockMs: number[];
  /**
   * The same, over an idle wait as long as the listing, right after it: what a busy machine (other
   * processes on the cores, the garbage collector) adds to any block, listing or not.
   */
  idleBlockMs: number[];
}

const STATUSES: RunStatus[] = ['completed', 'completed', 'early_stopped', 'stopped', 'failed', 'interrupted'];

/** Lists `count` fresh run folders `rounds` times. */
export async function timeRunIndex(count: number, rounds: number): Promise<RunIndexTiming> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nn-bench-runs-'));
  try {
    makeRunFolders(root, count);
    const listMs: number[] = [];
    const blockMs: number[] = [];
    const idleBlockMs: number[] = [];
    let listed = 0;
    let unreadable = 0;
    for (let round = 0; round < rounds; round++) {
      const gaps = trackGaps();
      const start = performance.now();
      const runs = await listRuns([root]);
      listMs.push(performance.now() - start);
      blockMs.push(gaps.stop());
      const idle = trackGaps();
      await new Promise((resolve) => setTimeout(resolve, listMs[round]));
      idleBlockMs.push(idle.stop());
      listed = runs.length;
      unreadable = runs.filter((r) => r.unreadable).length;
    }
    return { folders: count, listed, unreadable, listMs, blockMs, idleBlockMs };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** A 1 ms interval; its longest gap less the 1 ms it waits is the longest the loop was held. */
function trackGaps(): { stop(): number } {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - 1);
    last = now;
  }, 1);
  return {
    stop() {
      clearInterval(timer);
      // The stretch from the last tick to the end counts too: listRuns may have held the loop there.
      return Math.max(longest, performance.now() - last - 1, 0);
    },
  };
}

/** Run folders of three models, a minute apart; every 20th only the model-file copy, every 25th a summary cut short. */
function makeRunFolders(root: string, count: number): void {
  const models = [
    { name: 'xor', epochs: 300, metrics: ['loss', 'accuracy'] },
    { name: 'mnist-mlp', epochs: 5, metrics: ['loss', 'accuracy', 'val_loss', 'val_accuracy'] },
    { name: 'iris', epochs: 100, metrics: ['loss', 'accuracy'] },
  ];
  const start = Date.parse('2026-12-01T10:00:00.000Z');
  for (let i = 0; i < count; i++) {
    const model = models[i % models.length];
    const startedAt = new Date(start + i * 60_000).toISOString();
    const dir = path.join(root, model.name, startedAt.replace(/:/g, '-').replace(/\..+$/, ''));
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${model.name}.nn.yaml`), modelFileText(model.name, model.epochs));
    if (i % 20 === 7) continue;
    const summary = summaryOf(model.name, model.epochs, model.metrics, startedAt, STATUSES[i % STATUSES.length], i);
    const text = JSON.stringify(summary, null, 2) + '\n';
    fs.writeFileSync(path.join(dir, 'summary.json'), i % 25 === 3 ? text.slice(0, text.length >> 1) : text);
    fs.writeFileSync(path.join(dir, 'history.jsonl'), historyText(model.epochs, model.metrics));
    fs.writeFileSync(path.join(dir, 'batches.jsonl'), historyText(Math.min(model.epochs, 50), model.metrics).replace(/"epoch":(\d+)/g, '"epoch":$1,"batch":1'));
    fs.writeFileSync(path.join(dir, 'model.json'), JSON.stringify({ modelTopology: { layers: summary.modelSummary?.layers }, weightsManifest: [] }));
    fs.writeFileSync(path.join(dir, 'weights.bin'), Buffer.alloc(4096));
  }
}

function summaryOf(name: string, epochs: number, metrics: string[], startedAt: string, status: RunStatus, i: number): RunSummary {
  const values = Object.fromEntries(metrics.map((m) => [m, m.includes('loss') ? 0.05 + i / 1000 : 0.97]));
  return {
    status,
    name,
    modelFile: `/workspace/${name}.nn.yaml`,
    startedAt,
    finishedAt: startedAt,
    backend: 'wasm',
    backendReason: 'tfjs-node is not installed; wasm runs every layer of this model',
    seed: i,
    epochsPlanned: epochs,
    epochsCompleted: status === 'completed' ? epochs : Math.floor(epochs / 2),
    weightsEpoch: Math.floor(epochs / 2),
    finalMetrics: values,
    evaluation: { split: 'test', samples: 10000, metrics: { loss: values.loss, accuracy: 0.976 } },
    predictions: Array.from({ length: 12 }, (_, p) => ({ output: Array.from({ length: 10 }, (_, k) => (k === p % 10 ? 0.91 : 0.01)), label: p % 10, expected: p % 10 })),
    classNames: Array.from({ length: 10 }, (_, k) => String(k)),
    notes: ['scaled every feature by 1/255'],
    modelSummary: {
      layers: [
        { name: 'flatten', type: 'Flatten', outputShape: '(None, 784)', params: 0 },
        { name: 'dense', type: 'Dense', outputShape: '(None, 128)', params: 100480 },
        { name: 'dense_1', type: 'Dense', outputShape: '(None, 10)', params: 1290 },
      ],
      totalParams: 101770,
      trainableParams: 101770,
      nonTrainableParams: 0,
    },
    durationMs: 48_000,
    samplesPerSecond: 7458,
    error: status === 'failed' ? 'Input 1 has 3 values; the model takes 2' : undefined,
  };
}

function historyText(epochs: number, metrics: string[]): string {
  let text = '';
  for (let epoch = 1; epoch <= epochs; epoch++) text += JSON.stringify({ epoch, ...Object.fromEntries(metrics.map((m) => [m, 1 / (epoch + 1)])) }) + '\n';
  return text;
}

function modelFileText(name: string, epochs: number): string {
  return `name: ${name}\ndata:\n  dataset: mnist\n  scale: 255\nmodel:\n  - Flatten: { input_shape: [28, 28] }\n  - Dense: { units: 128, activation: relu }\n  - Dense: { units: 10, activation: softmax }\ncompile:\n  optimizer: adam\n  loss: sparse_categorical_crossentropy\n  metrics: [accuracy]\nfit:\n  epochs: ${epochs}\n  batch_size: 32\n`;
}
