/** What the user asked of a run: go on, hold at the next batch end, or go on to the next epoch end and hold there. */
type Mode = 'run' | 'pause' | 'step';

/**
 * Pause, resume and step for one training run. The buttons only set what is wanted; fitModel holds
 * where it can (after a batch, or after an epoch for a step) by awaiting `holdIfPaused` inside tfjs'
 * callbacks, which tfjs awaits, so holding loses no batch and needs no tfjs internals.
 */
export class TrainingControl {
  private mode: Mode = 'run';
  private wake: (() => void) | undefined;

  /** Whether training is held, or will be at the next batch end. */
  get paused(): boolean {
    return this.mode === 'pause';
  }

  /** Holds training after the current batch. */
  pause(): void {
    this.mode = 'pause';
  }

  /** Lets held training go on (and cancels a pending step). */
  resume(): void {
    this.mode = 'run';
    this.wake?.();
  }

  /** Runs until the end of the next epoch, then holds: from a hold it goes on; while running it holds at this epoch's end. */
  step(): void {
    this.mode = 'step';
    this.wake?.();
  }

  /** Called by fitModel when an epoch ends (not the last): a step asked for holds here. */
  reachedEpochEnd(): void {
    if (this.mode === 'step') this.mode = 'pause';
  }

  /**
   * Resolves at once when nothing asks to hold; otherwise calls `onHold(true)`, waits for resume,
   * step or `signal` (a Stop while held must stop promptly), calls `onHold(false)` and resolves to the
   * milliseconds held, which fitModel keeps out of its timings.
   */
  async holdIfPaused(signal: AbortSignal | undefined, onHold: (paused: boolean) => void | Promise<void>): Promise<number> {
    if (this.mode !== 'pause' || signal?.aborted) return 0;
    const start = performance.now();
    await onHold(true);
    while (this.mode === 'pause' && !signal?.aborted) {
      await new Promise<void>((resolve) => {
        const done = () => {
          signal?.removeEventListener('abort', done);
          this.wake = undefined;
          resolve();
        };
        this.wake = done;
        signal?.addEventListener('abort', done, { once: true });
      });
    }
    const held = performance.now() - start;
    await onHold(false);
    return held;
  }
}
