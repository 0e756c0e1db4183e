import type { EarlyStoppingSpec } from '../spec/modelSpec';

/** Keras' EarlyStopping: stop when `monitor` has not improved by min_delta for `patience` epochs. */
export class EarlyStopping {
  private best: number | undefined;
  private wait = 0;

  constructor(private readonly spec: EarlyStoppingSpec) {}

  /** Feeds one epoch's metrics; true when training should stop. */
  shouldStop(metrics: Record<string, number>): boolean {
    const value = metrics[this.spec.monitor];
    if (value === undefined || Number.isNaN(value)) return false;
    if (this.best === undefined || this.improves(value, this.best)) {
      this.best = value;
      this.wait = 0;
      return false;
    }
    this.wait += 1;
    return this.wait > this.spec.patience;
  }

  /** Losses and errors improve downwards; accuracy, precision and recall upwards, as Keras' mode 'auto'. */
  private improves(value: number, best: number): boolean {
    const upwards = /acc|precision|recall|auc/.test(this.spec.monitor);
    return upwards ? value > best + this.spec.minDelta : value < best - this.spec.minDelta;
  }
}
