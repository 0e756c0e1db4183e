import type { BatchEndEvent, TrainingEvent } from '../shared/trainingEvents';
import { backendHeadline } from '../core/backend/backendHeadline';
import { formatDuration, formatMetrics } from '../core/metricFormat';

export interface ProgressReporterOptions {
  /** A live line per epoch redrawn in place; default: whether the stream is a terminal. */
  interactive?: boolean;
  /** Also print why the backend was chosen (what failed to load), as summary.json keeps it. */
  verbose?: boolean;
}

/**
 * Prints training progress to a stream like Keras: on a terminal one line per epoch, redrawn in place
 * while the epoch runs (bar and ETA) and finalised with the epoch's metrics (verbose=1); else one
 * plain line per finished epoch (verbose=2), so CI logs stay readable. Hand-written because the
 * format is Keras' own; general progress-bar packages would need as much code to reproduce it.
 */
export class ProgressReporter {
  private lastDraw = -Infinity;
  private barShown = false;
  private batchesPerEpoch = 1;
  private readonly interactive: boolean;
  private readonly verbose: boolean;

  constructor(
    private readonly out: NodeJS.WritableStream & { isTTY?: boolean; columns?: number },
    options: ProgressReporterOptions = {},
  ) {
    this.interactive = options.interactive ?? Boolean(out.isTTY);
    this.verbose = options.verbose ?? false;
  }

  handle(event: TrainingEvent): void {
    switch (event.type) {
      case 'runStarted':
        this.write(`${backendHeadline(event.backend, event.backendReason)}\n`);
        if (this.verbose) this.write(`Backend details: ${event.backendReason}\n`);
        for (const note of event.notes) this.write(`Note: ${note}\n`);
        this.write(
          `Training on ${event.trainSamples.toLocaleString('en-US')} samples` +
            (event.validationSamples ? `, validating on ${event.validationSamples.toLocaleString('en-US')}` : '') +
            ` (seed ${event.seed})\nRun folder: ${event.runDir}\n`,
        );
        break;
      case 'batchEnd':
        if (this.interactive) this.drawBatch(event);
        break;
      case 'epochEnd': {
        const line = `Epoch ${event.epoch}/${event.epochs} - `;
        const result = `${formatDuration(event.epochMs)} - ${formatMetrics(event.metrics)}`;
        // On a terminal the epoch's live line becomes its final one, validation metrics included.
        if (this.interactive) this.write(`\r${line}${this.bar(this.batchesPerEpoch, this.batchesPerEpoch)} - ${result}\x1b[K\n`);
        else this.write(`${line}${result}\n`);
        this.barShown = false;
        // The next epoch's first batch is always drawn, however soon it comes.
        this.lastDraw = -Infinity;
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

  private drawBatch(event: BatchEndEvent): void {
    this.batchesPerEpoch = event.batchesPerEpoch;
    const last = event.batch === event.batchesPerEpoch;
    // Redrawing more than ~10 times a second only costs time.
    if (!last && performance.now() - this.lastDraw < 100) return;
    this.lastDraw = performance.now();
    this.barShown = true;
    const time = last ? formatDuration(event.elapsedMs) : `ETA: ${formatDuration((event.elapsedMs / event.batch) * (event.batchesPerEpoch - event.batch))}`;
    const line = `Epoch ${event.epoch}/${event.epochs} - ${this.bar(event.batch, event.batchesPerEpoch)} - ${time} - ${formatMetrics(event.metrics)}`;
    this.write(`\r${this.fitToTerminal(line)}\x1b[K`);
  }

  /** A line redrawn with \r must not wrap: \r returns to the start of its last row only. */
  private fitToTerminal(line: string): string {
    const columns = this.out.columns;
    return columns && line.length >= columns ? line.slice(0, columns - 1) : line;
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
