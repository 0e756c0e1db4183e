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
