import type { EarlyStoppingSpec } from '../spec/modelSpec';

/** Keras' EarlyStopping: stop when `monitor` has not improved by min_delta for `patience` epochs. */
export class EarlyStopping {
  private best: number | undefined;
  private wait = 0;
  /** The epoch (1-based) of the best monitored value so far, once there is one. */
  bestEpoch: number | undefined;

  constructor(private readonly spec: EarlyStoppingSpec) {}

  /** The best monitored value so far. */
  get bestValue(): number | undefined {
    return this.best;
  }

  /** Feeds the metrics of epoch `epoch` (1-based); true when training should stop. */
  shouldStop(metrics: Record<string, number>, epoch: number): boolean {
    const value = metrics[this.spec.monitor];
    if (value === undefined || Number.isNaN(value)) return false;
    if (this.best === undefined || this.improves(value, this.best)) {
      this.best = value;
      this.bestEpoch = epoch;
      this.wait = 0;
      return false;
    }
    this.wait += 1;
    // Keras stops after `patience` epochs without improvement (0 and 1 both stop at the first).
    return this.wait >= Math.max(1, this.spec.patience);
  }

  /** Losses and errors improve downwards; accuracy, precision and recall upwards, as Keras' mode 'auto'. */
  private improves(value: number, best: number): boolean {
    const upwards = /acc|precision|recall|auc/.test(this.spec.monitor);
    return upwards ? value > best + this.spec.minDelta : value < best - this.spec.minDelta;
  }
}
