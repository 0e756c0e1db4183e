import type { LayersModel, Tensor } from '@tensorflow/tfjs';

/**
 * The weights of the best epoch so far, for `restore_best_weights`. Keeping them is a clone of each
 * weight tensor, which copies no data: the optimizer gives a variable new data rather than changing
 * it (see runs/epochWeights.ts), so the clone holds on to the old values.
 */
export class BestWeights {
  private kept: { epoch: number; tensors: Tensor[] } | undefined;

  constructor(private readonly model: LayersModel) {}

  /** Keeps the model's weights (trainable or not, as Keras' get_weights) as they are at the end of `epoch`. */
  keep(epoch: number): void {
    this.dispose();
    this.kept = { epoch, tensors: this.model.weights.map((w) => w.read().clone()) };
  }

  /** Gives the model the kept weights unless they are its last epoch's; the epoch restored, if any. */
  restore(lastEpoch: number): number | undefined {
    if (!this.kept || this.kept.epoch === lastEpoch) return undefined;
    this.model.setWeights(this.kept.tensors);
    return this.kept.epoch;
  }

  dispose(): void {
    for (const tensor of this.kept?.tensors ?? []) tensor.dispose();
    this.kept = undefined;
  }
}
