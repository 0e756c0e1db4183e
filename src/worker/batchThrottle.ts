import type { BatchEndEvent, BatchPoint, TrainingEvent } from '../shared/trainingEvents';

/**
 * MNIST has 1,875 batches an epoch; posting each would flood the host. Batch events go at most once
 * per interval, but no batch's point is lost: the points of dropped events ride on the next event
 * sent. Before any other event (an epoch end, a pause, a phase) the last dropped batch goes with the
 * points pending, so the host sees every point once, in order, and each epoch end after its points.
 */
export class BatchThrottle {
  private last = -Infinity;
  private dropped: BatchEndEvent | undefined;
  private pending: BatchPoint[] = [];

  constructor(private readonly intervalMs: number) {}

  /** The events to post for `event`, in order (none while a batch is held back). */
  offer(event: TrainingEvent): TrainingEvent[] {
    if (event.type !== 'batchEnd') return [...this.flush(), event];
    this.pending.push(...(event.points ?? []));
    const now = performance.now();
    if (now - this.last < this.intervalMs) {
      this.dropped = event;
      return [];
    }
    this.last = now;
    return [this.take(event)];
  }

  /** The held-back batch with the points pending, if any: before another event and when the job ends. */
  flush(): BatchEndEvent[] {
    return this.dropped ? [this.take(this.dropped)] : [];
  }

  private take(event: BatchEndEvent): BatchEndEvent {
    const sent = { ...event, points: this.pending };
    this.pending = [];
    this.dropped = undefined;
    return sent;
  }
}
