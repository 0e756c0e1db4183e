import type { TrainingEvent } from '../shared/trainingEvents';
import { formatDuration, formatMetrics } from '../core/metricFormat';

/**
 * Prints training progress to a stream like Keras: on a terminal a live bar (verbose=1), else one
 * line per epoch (verbose=2), so CI logs stay readable. Hand-written because the format is Keras'
 * own; general progress-bar packages would need as much code to reproduce it.
 */
export class ProgressReporter {
  private lastDraw = -Infinity;
  private barShown = false;
  private batchesPerEpoch = 1;

  constructor(
    private readonly out: NodeJS.WritableStream & { isTTY?: boolean; columns?: number },
    private readonly interactive = Boolean(out.isTTY),
  ) {}

  handle(event: TrainingEvent): void {
    switch (event.type) {
      case 'runStarted':
        this.write(`Backend: ${event.backend} (${event.backendReason})\n`);
        for (const note of event.notes) this.write(`Note: ${note}\n`);
        this.write(
          `Training on ${event.trainSamples.toLocaleString('en-US')} samples` +
            (event.validationSamples ? `, validating on ${event.validationSamples.toLocaleString('en-US')}` : '') +
            ` (seed ${event.seed})\nRun folder: ${event.runDir}\n`,
        );
        break;
      case 'batchEnd':
        if (!this.interactive) break;
        if (event.batch === 1) this.write(`Epoch ${event.epoch}/${event.epochs}\n`);
        this.batchesPerEpoch = event.batchesPerEpoch;
        // Redrawing more than ~10 times a second only costs time.
        if (event.batch !== event.batchesPerEpoch && performance.now() - this.lastDraw < 100) break;
        this.lastDraw = performance.now();
        this.barShown = true;
        this.write(`\r${this.bar(event.batch, event.batchesPerEpoch)} - ${formatDuration(event.elapsedMs)} - ${formatMetrics(event.metrics)}\x1b[K`);
        break;
      case 'epochEnd': {
        const line = `${formatDuration(event.epochMs)} - ${formatMetrics(event.metrics)}`;
        // On a terminal the finished bar takes the epoch's final metrics, validation included.
        if (this.interactive) this.write(`\r${this.bar(this.batchesPerEpoch, this.batchesPerEpoch)} - ${line}\x1b[K\n`);
        else this.write(`Epoch ${event.epoch}/${event.epochs} - ${line}\n`);
        this.barShown = false;
        break;
      }
      case 'phase':
        if (event.phase === 'evaluating' || event.phase === 'predicting') this.endBar();
        break;
    }
  }

  /** Ends a bar line left open by a stop mid-epoch. */
  endBar(): void {
    if (this.barShown) this.write('\n');
    this.barShown = false;
  }

  private bar(done: number, total: number): string {
    const width = 30;
    const filled = Math.floor((done / total) * width);
    const head = done < total ? '>' : '=';
    const counter = `${String(done).padStart(String(total).length)}/${total}`;
    return `${counter} [${'='.repeat(Math.max(0, filled - 1))}${filled > 0 ? head : ''}${'.'.repeat(width - filled)}]`;
  }

  private write(text: string): void {
    this.out.write(text);
  }
}
