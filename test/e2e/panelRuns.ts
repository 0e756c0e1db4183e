import type { PanelRun } from '../../src/shared/panelProtocol';
import type { Prediction } from '../../src/shared/runResults';

/** A run of the iris example with nothing trained yet; tests add what they need. */
export function aRun(overrides: Partial<PanelRun> = {}): PanelRun {
  return { modelFile: '/work/models/iris.nn.yaml', name: 'iris', status: 'idle', history: [], ...overrides };
}

export function aRunningRun(overrides: Partial<PanelRun> = {}): PanelRun {
  return aRun({ status: 'running', backend: 'cpu', epochs: 3, runDir: '/work/models/.nn-runs/iris/20250101-120000', ...overrides });
}

/** Metrics as Keras reports them for a classifier with a validation split, in Keras' order. */
export function epochMetrics(epoch: number): Record<string, number> {
  return { loss: 1 / (epoch + 1), accuracy: 0.5 + epoch / 10, val_loss: 1.2 / (epoch + 1), val_accuracy: 0.45 + epoch / 10 };
}

export function aPrediction(label: string, expected: string): Prediction {
  return { input: [5.1, 3.5, 1.4, 0.2], output: [0.91234, 0.06543, 0.02223], label, expected };
}

/** Batch points of a run that learns: loss falling with noise, accuracy rising; x in epochs. */
export function learningCurves(epochs: number, batchesPerEpoch: number): NonNullable<PanelRun['curves']> {
  const x: number[] = [];
  const loss: number[] = [];
  const accuracy: number[] = [];
  let seed = 7;
  const noise = () => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * 0.2;
  for (let e = 0; e < epochs; e++) {
    for (let b = 1; b <= batchesPerEpoch; b++) {
      const t = e + b / batchesPerEpoch;
      x.push(t);
      loss.push(Math.max(0.01, 1.1 * Math.exp(-t / 1.5) + 0.08 + noise()));
      accuracy.push(Math.min(1, 0.35 + 0.6 * (1 - Math.exp(-t / 1.2)) + noise() / 2));
    }
  }
  return { x, values: { loss, accuracy } };
}

/** The iris model's Keras summary. */
export const IRIS_SUMMARY: NonNullable<PanelRun['modelSummary']> = {
  layers: [
    { name: 'dense', type: 'Dense', outputShape: '(None, 16)', params: 80 },
    { name: 'dense_1', type: 'Dense', outputShape: '(None, 3)', params: 51 },
  ],
  totalParams: 131,
  trainableParams: 131,
  nonTrainableParams: 0,
};
