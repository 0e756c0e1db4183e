import type { LayersModel } from '@tensorflow/tfjs';
import type { LoadedData } from '../data/dataTypes';
import { sliceSplit } from '../data';
import type { ModelSpec } from '../spec/modelSpec';
import type { Tf } from '../backend/tfTypes';
import type { BatchPoint, MetricValues, TrainingEvent } from '../../shared/trainingEvents';
import { batchCount, batchDataset, epochBatches } from './batchDatasets';
import { BestWeights } from './bestWeights';
import { EarlyStopping } from './earlyStopping';
import type { TrainingControl } from './trainingControl';
import { checkBatchLoss, checkEpochEnd } from './trainingDiverged';

/** How long training may hold the event loop between turns (messages, timers). */
const YIELD_EVERY_MS = 10;

export type FitStatus = 'completed' | 'early_stopped' | 'stopped';

export interface FitResult {
  status: FitStatus;
  epochsCompleted: number;
  /** Per metric (loss, each metric label, val_*), one value per completed epoch. */
  history: Record<string, number[]>;
  /** Time spent training, without the time held by a pause. */
  trainMs: number;
  /** Time held by pauses. */
  pausedMs: number;
  samplesPerSecond: number;
  /** The epoch whose weights the model ends with: the last one, or the best with restore_best_weights. */
  weightsEpoch: number;
  /** Set when restore_best_weights gave the model an earlier epoch's weights than its last. */
  restored?: RestoredWeights;
}

/** restore_best_weights' choice: the epoch kept, and its monitored value. */
export interface RestoredWeights {
  epoch: number;
  monitor: string;
  value: number;
}

export interface FitOptions {
  tf: Tf;
  model: LayersModel;
  spec: ModelSpec;
  data: LoadedData;
  epochs: number;
  /** Draws the shuffle order; seeded for reproducible runs. */
  random: () => number;
  signal?: AbortSignal;
  /** Pause, resume and step; without one training never holds. */
  control?: TrainingControl;
  onEvent?: (event: TrainingEvent) => void | Promise<void>;
}

/**
 * Trains batch by batch with tfjs-layers' own step (`trainOnBatch`: the compiled loss, metrics,
 * regularizer penalties and optimizer, all public API), validating with `evaluateDataset` at each
 * epoch's end, as fitDataset does, without fitDataset's dataset iterators and callback machinery,
 * which cost 5-15% of a step (`npm run bench`, section 11). Validation holds out the LAST
 * validation_split of the training data before shuffling, as Keras does. Cancelling stops after the
 * current batch; a partly done epoch is not counted, so the history holds only whole epochs. A pause
 * holds training after a batch (a step after an epoch) and its time is kept out of every timing.
 */
export async function fitModel(options: FitOptions): Promise<FitResult> {
  const { tf, model, spec, data, epochs, signal, control, onEvent } = options;
  const { batchSize, shuffle, validationSplit, earlyStopping } = spec.fit;
  const validationCount = validationSampleCount(data.train.count, validationSplit);
  const trainCount = data.train.count - validationCount;
  const train = validationCount ? sliceSplit(data, data.train, 0, trainCount) : data.train;
  const validation = validationCount ? sliceSplit(data, data.train, trainCount, data.train.count) : undefined;
  const batchesPerEpoch = batchCount(trainCount, batchSize);
  const labels = metricLabels(model, spec);
  const history: Record<string, number[]> = {};
  const stopper = earlyStopping ? new EarlyStopping(earlyStopping) : undefined;
  const best = earlyStopping?.restoreBestWeights ? new BestWeights(model) : undefined;
  const trainBatches = epochBatches(tf, data, train, batchSize, { shuffle, random: options.random });
  const validationSet = validation ? batchDataset(tf, data, validation, batchSize, { shuffle: false, random: options.random }) : undefined;

  let status = 'completed' as FitStatus;
  let epochsCompleted = 0;
  let samplesSeen = 0;
  let pausedMs = 0;
  let pausedInEpochMs = 0;
  let batchesDone = 0;
  const start = performance.now();
  // A wasm or cpu step resolves in microtasks only: without a turn of the event loop now and then,
  // a worker would never see its Stop, Pause or Step messages (fitDataset yielded likewise).
  let lastYield = performance.now();
  const yieldNowAndThen = async () => {
    if (performance.now() - lastYield < YIELD_EVERY_MS) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    lastYield = performance.now();
  };
  const stopped = () => status === 'stopped' || (signal?.aborted ?? false);
  const holdIfPaused = async (epoch: number) => {
    if (!control) return;
    const held = await control.holdIfPaused(signal, (paused) => onEvent?.({ type: 'pauseChanged', paused, epoch, batch: batchesDone }));
    pausedMs += held;
    pausedInEpochMs += held;
  };

  try {
    for (let epoch = 1; epoch <= epochs && status === 'completed' && !stopped(); epoch++) {
      const epochStart = performance.now();
      pausedInEpochMs = 0;
      batchesDone = 0;
      // Per label, the sum of batch values weighted by batch size (Keras' epoch value is their mean).
      const sums = labels.map(() => 0);
      let samples = 0;
      for (const { xs, ys } of trainBatches()) {
        if (stopped()) {
          tf.dispose([xs, ys]);
          break;
        }
        const size = xs.shape[0];
        let values: number[];
        try {
          values = [await model.trainOnBatch(xs, ys)].flat();
        } finally {
          tf.dispose([xs, ys]);
        }
        batchesDone += 1;
        samplesSeen += size;
        samples += size;
        values.forEach((v, i) => (sums[i] += v * size));
        const point: BatchPoint = { epoch, batch: batchesDone, metrics: Object.fromEntries(labels.map((l, i) => [l, values[i]])) };
        // The first non-finite loss ends the run as failed, not as a success.
        checkBatchLoss(point.metrics.loss, epoch, batchesDone, batchesPerEpoch);
        const metrics = Object.fromEntries(labels.map((l, i) => [l, sums[i] / samples]));
        const elapsedMs = performance.now() - epochStart - pausedInEpochMs;
        await onEvent?.({ type: 'batchEnd', epoch, epochs, batch: batchesDone, batchesPerEpoch, metrics, elapsedMs, points: [point] });
        // After the last batch the epoch end comes next, and a step or pause holds there instead.
        if (batchesDone < batchesPerEpoch) await holdIfPaused(epoch);
        await yieldNowAndThen();
      }
      // A stop mid-epoch leaves that epoch out: it is not whole.
      if (batchesDone < batchesPerEpoch) break;
      // Keras' order: loss, each metric, then val_loss and each val_ metric.
      const metrics: MetricValues = Object.fromEntries(labels.map((l, i) => [l, sums[i] / samples]));
      if (validationSet) {
        const validated = [await model.evaluateDataset(validationSet as never, {})].flat();
        const read = await Promise.all(validated.map((t) => t.data()));
        tf.dispose(validated);
        labels.forEach((l, i) => (metrics[`val_${l}`] = read[i][0]));
      }
      checkEpochEnd(model, metrics, epoch);
      for (const [key, value] of Object.entries(metrics)) (history[key] ??= []).push(value);
      epochsCompleted = epoch;
      await onEvent?.({ type: 'epochEnd', epoch, epochs, metrics, epochMs: performance.now() - epochStart - pausedInEpochMs });
      if (stopped()) status = 'stopped';
      else if (stopper?.shouldStop(metrics, epoch)) status = 'early_stopped';
      if (stopper?.bestEpoch === epoch) best?.keep(epoch);
      // Nothing is left to hold for after the last epoch or a stop.
      if (status === 'completed' && epoch < epochs) {
        control?.reachedEpochEnd();
        await holdIfPaused(epoch);
      }
    }
  } catch (err) {
    best?.dispose();
    throw err;
  }
  if (signal?.aborted && epochsCompleted < epochs) status = 'stopped';
  const trainMs = performance.now() - start - pausedMs;
  // A stop that arrives after the last epoch interrupted nothing.
  if (status === 'stopped' && epochsCompleted === epochs) status = 'completed';
  // As Keras 3 does at the end of training, early stop or not. A Stop keeps its last whole epoch, as without it.
  const restoredEpoch = status === 'stopped' ? undefined : best?.restore(epochsCompleted);
  best?.dispose();
  const restored =
    restoredEpoch === undefined || !earlyStopping || stopper?.bestValue === undefined
      ? undefined
      : { epoch: restoredEpoch, monitor: earlyStopping.monitor, value: stopper.bestValue };
  return {
    status,
    epochsCompleted,
    history,
    trainMs,
    pausedMs,
    samplesPerSecond: trainMs > 0 ? (samplesSeen / trainMs) * 1000 : 0,
    weightsEpoch: restored?.epoch ?? epochsCompleted,
    ...(restored ? { restored } : {}),
  };
}

/** How many of `count` training samples validation_split holds out (from the end, as Keras). */
export function validationSampleCount(count: number, validationSplit: number | undefined): number {
  return validationSplit ? Math.floor(count * validationSplit) : 0;
}

/** The user's names for tfjs' metricsNames: `loss` then each metric as written in the file. */
export function metricLabels(model: LayersModel, spec: ModelSpec): string[] {
  return model.metricsNames.map((name, i) => (i === 0 ? 'loss' : (spec.compile.metrics[i - 1]?.label ?? name)));
}
