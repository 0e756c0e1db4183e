import type { LayersModel } from '@tensorflow/tfjs';
import type { LoadedData } from '../data/dataTypes';
import { sliceSplit } from '../data';
import type { ModelSpec } from '../spec/modelSpec';
import type { Tf } from '../backend/tfTypes';
import type { BatchPoint, MetricValues, TrainingEvent } from '../../shared/trainingEvents';
import { batchCount, batchDataset } from './batchDatasets';
import { BestWeights } from './bestWeights';
import { EarlyStopping } from './earlyStopping';
import { metricLogKeys } from './metricLogKeys';
import type { TrainingControl } from './trainingControl';
import { checkBatchLoss, checkEpochEnd } from './trainingDiverged';

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
 * Trains with tfjs' fitDataset. Validation holds out the LAST validation_split of the training data
 * before shuffling, as Keras does. Cancelling stops after the current batch; a partly done epoch is
 * not counted, so the history holds only whole epochs. A pause holds training after a batch (a step
 * after an epoch) and its time is kept out of every timing.
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
  const logKeys = metricLogKeys(model.metricsNames);
  const history: Record<string, number[]> = {};
  const stopper = earlyStopping ? new EarlyStopping(earlyStopping) : undefined;
  const best = earlyStopping?.restoreBestWeights ? new BestWeights(model) : undefined;

  let status = 'completed' as FitStatus;
  let epochsCompleted = 0;
  let samplesSeen = 0;
  let epochStart = 0;
  let batchesDone = 0;
  let pausedMs = 0;
  let pausedInEpochMs = 0;
  let running: { sums: Record<string, number>; samples: number } = { sums: {}, samples: 0 };
  const start = performance.now();

  const stopNow = () => {
    status = 'stopped';
    model.stopTraining = true;
  };
  signal?.addEventListener('abort', stopNow, { once: true });
  const holdIfPaused = async (epoch: number) => {
    if (!control) return;
    const held = await control.holdIfPaused(signal, (paused) => onEvent?.({ type: 'pauseChanged', paused, epoch, batch: batchesDone }));
    pausedMs += held;
    pausedInEpochMs += held;
  };

  try {
    await model.fitDataset(batchDataset(tf, data, train, batchSize, { shuffle, random: options.random }), {
      epochs,
      verbose: 0,
      validationData: validation ? batchDataset(tf, data, validation, batchSize, { shuffle: false, random: options.random }) : undefined,
      callbacks: {
        onEpochBegin: async () => {
          epochStart = performance.now();
          pausedInEpochMs = 0;
          batchesDone = 0;
          running = { sums: {}, samples: 0 };
        },
        onBatchEnd: async (_batch, logs) => {
          // fitDataset clears stopTraining when it starts, so a stop asked for before then is applied here.
          if (signal?.aborted) stopNow();
          batchesDone += 1;
          const size = Number(logs?.size ?? batchSize);
          samplesSeen += size;
          running.samples += size;
          for (const [i, label] of labels.entries()) {
            running.sums[label] = (running.sums[label] ?? 0) + Number(logs?.[logKeys[i]] ?? NaN) * size;
          }
          const metrics = Object.fromEntries(labels.map((l) => [l, running.sums[l] / running.samples]));
          const epoch = epochsCompleted + 1;
          const point: BatchPoint = { epoch, batch: batchesDone, metrics: Object.fromEntries(labels.map((l, i) => [l, Number(logs?.[logKeys[i]] ?? NaN)])) };
          // The first non-finite loss ends the run as failed (fitDataset rejects with it), not as a success.
          checkBatchLoss(logs?.[logKeys[0]] === undefined ? undefined : point.metrics.loss, epoch, batchesDone, batchesPerEpoch);
          const elapsedMs = performance.now() - epochStart - pausedInEpochMs;
          await onEvent?.({ type: 'batchEnd', epoch, epochs, batch: batchesDone, batchesPerEpoch, metrics, elapsedMs, points: [point] });
          // After the last batch the epoch end comes next, and a step or pause holds there instead.
          if (batchesDone < batchesPerEpoch) await holdIfPaused(epoch);
        },
        onEpochEnd: async (_epoch, logs) => {
          // fitDataset still calls onEpochEnd after a stop mid-epoch; that epoch is not whole.
          if (batchesDone < batchesPerEpoch) return;
          // Keras' order: loss, each metric, then val_loss and each val_ metric.
          const metrics: MetricValues = {};
          logKeys.forEach((name, i) => (metrics[labels[i]] = Number(logs?.[name])));
          // tfjs keys validation values by the plain names (duplicates share one value: the same function).
          model.metricsNames.forEach((name, i) => {
            if (logs?.[`val_${name}`] !== undefined) metrics[`val_${labels[i]}`] = Number(logs[`val_${name}`]);
          });
          checkEpochEnd(model, metrics, epochsCompleted + 1);
          for (const [key, value] of Object.entries(metrics)) (history[key] ??= []).push(value);
          epochsCompleted += 1;
          await onEvent?.({ type: 'epochEnd', epoch: epochsCompleted, epochs, metrics, epochMs: performance.now() - epochStart - pausedInEpochMs });
          if (status !== 'stopped' && stopper?.shouldStop(metrics, epochsCompleted)) {
            status = 'early_stopped';
            model.stopTraining = true;
          }
          if (stopper?.bestEpoch === epochsCompleted) best?.keep(epochsCompleted);
          // Nothing is left to hold for after the last epoch or a stop.
          if (status === 'completed' && epochsCompleted < epochs) {
            control?.reachedEpochEnd();
            await holdIfPaused(epochsCompleted);
          }
        },
      },
    });
  } catch (err) {
    best?.dispose();
    throw err;
  } finally {
    signal?.removeEventListener('abort', stopNow);
  }
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
