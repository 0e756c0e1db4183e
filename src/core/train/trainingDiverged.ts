import type { LayersModel } from '@tensorflow/tfjs';
import { RunInputError } from '../session/runInputError';
import type { MetricValues } from '../../shared/trainingEvents';

/** What to try when training diverges, in the order that fixes it most often. */
const HINT = 'Lower the learning rate (compile.optimizer, e.g. { adam: { learning_rate: 0.001 } }), scale the data (data.normalize: standard, or data.scale), or check the labels (data.label).';

/**
 * Training stopped because a loss, a metric or a weight became NaN or Infinity: Keras' TerminateOnNaN,
 * except that the run ends `failed` and says where and what to try, rather than `completed` with
 * meaningless weights. A RunInputError: the user's settings caused it, so no stack trace is shown.
 */
export class TrainingDivergedError extends RunInputError {
  override name = 'TrainingDivergedError';
}

/** Throws TrainingDivergedError when the batch's loss is not finite. */
export function checkBatchLoss(loss: number | undefined, epoch: number, batch: number, batchesPerEpoch: number): void {
  if (loss === undefined || Number.isFinite(loss)) return;
  throw new TrainingDivergedError(`the loss became ${valueText(loss)} at epoch ${epoch}, batch ${batch} of ${batchesPerEpoch}: training stopped there, and the epochs before it are kept. ${HINT}`);
}

/** Throws TrainingDivergedError when an epoch's metric (validation ones included) or a weight is not finite. */
export function checkEpochEnd(model: LayersModel, metrics: MetricValues, epoch: number): void {
  for (const [name, value] of Object.entries(metrics)) {
    if (!Number.isFinite(value)) throw new TrainingDivergedError(`${name} became ${valueText(value)} at the end of epoch ${epoch}: training stopped there. ${HINT}`);
  }
  for (const weight of model.weights) {
    // One read of each variable: 100,000 MNIST weights take well under a millisecond.
    const values = weight.read().dataSync();
    for (let i = 0; i < values.length; i++) {
      if (!Number.isFinite(values[i])) {
        throw new TrainingDivergedError(`a weight of ${weight.name.replace(/_[A-Z]\w*\d+/, '')} became ${valueText(values[i])} at the end of epoch ${epoch}: training stopped there. ${HINT}`);
      }
    }
  }
}

function valueText(value: number): string {
  return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
}
