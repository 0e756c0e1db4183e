import type { Tf } from '../src/core/backend/tfTypes';
import { fitModel } from '../src/core/train/fitModel';
import { mulberry32 } from '../src/core/random';
import { loadData } from '../src/core/data';
import type { ModelSpec } from '../src/core/spec/modelSpec';
import { EpochInsights } from '../src/core/insights/epochInsights';
import { evaluationInsights } from '../src/core/insights/evaluationInsights';
import { compiledModel, loadMnist, mnistMlpSpec } from './mnistMlp';
import { xorSpec } from './throughput';

/** XOR's 300 epochs trained without and with the boundary and weights at epoch ends, in ms. */
export async function timeXorInsights(tf: Tf, withInsights: boolean): Promise<{ ms: number; drawings: number }> {
  const spec: ModelSpec = xorSpec();
  const data = await loadData(spec.data, { baseDir: process.cwd(), loss: spec.compile.loss });
  const model = compiledModel(tf, spec, data);
  const insights = withInsights ? EpochInsights.for(tf, model, data) : undefined;
  let drawings = 0;
  const start = performance.now();
  await fitModel({
    tf,
    model,
    spec,
    data,
    epochs: spec.fit.epochs,
    random: mulberry32(1),
    // As trainModelFile hooks them in: after the epoch end's own work.
    onEvent: async (event) => {
      if (event.type === 'epochEnd' && insights && (await insights.atEpochEnd(event.epoch, event.epochs))) drawings++;
    },
  });
  const ms = performance.now() - start;
  model.dispose();
  return { ms, drawings };
}

/**
 * The MNIST MLP: one epoch's training time over `samples` samples (scaled to the example's 54,000),
 * the cost of one epoch end's weight histograms (MNIST has no plane to draw), and of the evaluation's
 * confusion matrix and samples over the 10,000 test images after training.
 */
export async function timeMnistInsights(tf: Tf, samples: number): Promise<{ epochMs: number; epochInsightMs: number; evaluationMs: number }> {
  const spec = mnistMlpSpec(32, samples);
  const data = await loadMnist(spec);
  const model = compiledModel(tf, spec, data);
  const fit = await fitModel({ tf, model, spec, data, epochs: 1, random: mulberry32(1) });
  const epochMs = (54_000 / fit.samplesPerSecond) * 1000;
  const insights = EpochInsights.for(tf, model, data);
  // The first reading warms up; the figure is the median of the next five.
  await insights.atEpochEnd(1, 10);
  const costs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const before = insights.spentMs;
    await insights.final(i + 2);
    costs.push(insights.spentMs - before);
  }
  costs.sort((a, b) => a - b);
  const full = await loadMnist({ ...spec, data: { ...spec.data, limit: undefined } });
  const started = performance.now();
  await evaluationInsights(tf, model, full);
  const evaluationMs = performance.now() - started;
  model.dispose();
  return { epochMs, epochInsightMs: costs[2], evaluationMs };
}
