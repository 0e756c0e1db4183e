import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { WorkerJobHandle } from '../src/host/worker/workerJob';
import { SpareWorker } from '../src/host/worker/spareWorker';
import { median } from './median';

/** Rounds of each model, each one cold worker and one warm spare. */
const ROUNDS = Number(process.env.BENCH_FIRST_BATCH_ROUNDS ?? 5);
/** Issue 13's target for XOR with a warm worker. */
const XOR_TARGET_MS = 500;

/**
 * Milliseconds from starting a train job (as Train does: a WorkerJobHandle on dist/worker.js, the
 * default 250 ms progress) to its first batch event. `spare` given: the job runs in it, warmed up
 * beforehand as an open model file would have it; otherwise a fresh worker starts for the job.
 */
async function timeFirstBatch(workerScript: string, modelFile: string, spare?: SpareWorker): Promise<number> {
  const runsRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'nn-bench-first-batch-'));
  try {
    if (spare) {
      spare.prepare('auto');
      await spare.whenWarm();
    }
    const started = performance.now();
    const job = new WorkerJobHandle(spare?.take() ?? workerScript, { kind: 'train', file: modelFile, backend: 'auto', runsRoot, epochs: 1, progressIntervalMs: 250 }, 10 * 60_000);
    const firstBatch = await new Promise<number>((resolve) => {
      job.onProgress = (event) => {
        if (event.type === 'batchEnd') resolve(performance.now() - started);
      };
    });
    await job.cancel(5000);
    await job.result.catch(() => undefined);
    return firstBatch;
  } finally {
    fs.rmSync(runsRoot, { recursive: true, force: true });
  }
}

/** Section 9: Train to first batch, cold worker vs warm spare, alternated over rounds (medians). */
export async function benchFirstBatch(): Promise<void> {
  const workerScript = path.join(__dirname, 'worker.js');
  const examples = path.join(__dirname, '..', 'examples');
  console.log(`\n9. Train to the first batch event through the host's worker path, backend auto (${ROUNDS} rounds, medians; load average ${os.loadavg()[0].toFixed(2)})`);
  const spare = new SpareWorker(workerScript);
  for (const name of ['xor', 'mnist-mlp']) {
    const file = path.join(examples, `${name}.nn.yaml`);
    const cold: number[] = [];
    const warm: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      cold.push(await timeFirstBatch(workerScript, file));
      warm.push(await timeFirstBatch(workerScript, file, spare));
    }
    const c = median(cold);
    const w = median(warm);
    console.log(`   ${name.padEnd(10)} cold worker ${c.toFixed(0)} ms   warm spare ${w.toFixed(0)} ms   ${(c / w).toFixed(2)}x`);
  }
  spare.dispose();
  console.log(`   Goal: XOR's first batch within ${XOR_TARGET_MS} ms with a warm worker.`);
}
