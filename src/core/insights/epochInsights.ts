import type { LayersModel } from '@tensorflow/tfjs';
import type { Tf } from '../backend/tfTypes';
import type { LoadedData } from '../data/dataTypes';
import type { DecisionBoundary, WeightsSnapshot } from '../../shared/insightTypes';
import type { InsightsEvent } from '../../shared/trainingEvents';
import { BoundaryPainter } from './boundaryPainter';
import { weightHistograms } from './weightHistograms';

/**
 * Share of the training time the boundary and the weights may take. An XOR epoch is a few
 * milliseconds, less than one 64x64 boundary costs, so they cannot be drawn at every epoch end:
 * after each drawing, training goes on for at least cost / share before the next. An MNIST epoch
 * takes many seconds, so there it is every epoch. 3% measures as about 2% of XOR's time in
 * `npm run bench` (a dozen drawings in its 300 epochs); 5-7% measured 12-23%, since each 4,096-cell
 * predict also slows the small training steps after it.
 */
export const INSIGHT_SHARE = 0.03;

/** When the boundary and weights are worked out again during training, and their latest values. */
export class EpochInsights {
  private nextDueAt = 0;
  private lastEpoch = 0;
  latestBoundary?: DecisionBoundary;
  latestWeights?: WeightsSnapshot;
  /** Time spent on them so far (for the benchmark). */
  spentMs = 0;

  private constructor(
    private readonly tf: Tf,
    private readonly model: LayersModel,
    private readonly painter: BoundaryPainter | undefined,
    private readonly now: () => number,
  ) {}

  static for(tf: Tf, model: LayersModel, data: LoadedData, now: () => number = () => performance.now()): EpochInsights {
    return new EpochInsights(tf, model, BoundaryPainter.for(data), now);
  }

  /** At an epoch end: the insights of this epoch when their time has come (the first and last epoch always). */
  async atEpochEnd(epoch: number, epochs: number): Promise<InsightsEvent | undefined> {
    if (epoch !== 1 && epoch !== epochs && this.now() < this.nextDueAt) return undefined;
    return this.compute(epoch);
  }

  /** After training: the insights of the epoch the model ended at, unless they were just computed. */
  async final(epoch: number): Promise<InsightsEvent | undefined> {
    if (epoch === 0 || epoch === this.lastEpoch) return undefined;
    return this.compute(epoch);
  }

  private async compute(epoch: number): Promise<InsightsEvent> {
    const started = this.now();
    const boundary = this.painter ? await this.painter.paint(this.tf, this.model, epoch) : undefined;
    const weights = weightHistograms(this.model, epoch);
    const ended = this.now();
    const cost = ended - started;
    this.spentMs += cost;
    // The first drawing also warms the backend up for a batch of 4,096 cells: it says little about the next.
    this.nextDueAt = this.lastEpoch === 0 ? ended : ended + cost / INSIGHT_SHARE;
    this.lastEpoch = epoch;
    this.latestBoundary = boundary ?? this.latestBoundary;
    this.latestWeights = weights;
    return { type: 'insights', epoch, ...(boundary ? { boundary } : {}), weights };
  }
}
