import type { CompareData, CompareMetric, CompareRun, CompareSetting } from '../../src/shared/compareProtocol';
import type { MetricValues } from '../../src/shared/trainingEvents';

/** A reproducible noise source, so screenshots stay the same from run to run. */
function noise(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 16807) % 2147483647) / 2147483647 - 0.5;
}

/** A run of the XOR example: 300 epochs of one batch each, loss stuck near ln 2 until it finds the solution at `solvedAt`. */
export function anXorRun(index: number, seed: number, solvedAt: number): CompareRun {
  const random = noise(seed * 7919);
  const history: CompareRun['history'] = [];
  for (let epoch = 1; epoch <= 300; epoch++) {
    const drop = 1 / (1 + Math.exp(-(epoch - solvedAt) / 12));
    // Where the loss settles differs a little from seed to seed.
    const floor = 0.012 + 0.009 * seed;
    const loss = 0.693 - (0.693 - floor) * drop + 0.02 * (1 - drop) * random();
    const accuracy = epoch < solvedAt - 25 ? 0.5 : epoch < solvedAt + 8 ? 0.75 : 1;
    history.push({ epoch, metrics: { loss, accuracy } });
  }
  const startedAt = `2026-12-01T10:${String(15 + index * 3).padStart(2, '0')}:02.000Z`;
  return {
    runDir: `/work/models/.nn-runs/xor/20261201-10${15 + index * 3}02`,
    label: `xor · 2026-12-01 10:${15 + index * 3}:02`,
    modelName: 'xor',
    startedAt,
    status: 'completed',
    history,
    // One batch an epoch: the batch log holds the epoch's own values.
    curves: { x: history.map((h) => h.epoch), values: { loss: history.map((h) => h.metrics.loss), accuracy: history.map((h) => h.metrics.accuracy) } },
  };
}

/** The XOR example's settings as the comparison lists them, with this seed. */
export function xorSettings(seed: number): Array<[string, string]> {
  return [
    ['layers[0]', 'Dense'],
    ['layers[0].units', '16'],
    ['layers[0].activation', 'relu'],
    ['layers[0].input_shape', '[2]'],
    ['layers[1]', 'Dense'],
    ['layers[1].units', '1'],
    ['layers[1].activation', 'sigmoid'],
    ['optimizer', 'adam'],
    ['optimizer.learning_rate', '0.05'],
    ['loss', 'binary_crossentropy'],
    ['metrics', '[accuracy]'],
    ['batch_size', '4'],
    ['epochs', '300'],
    ['seed', String(seed)],
    ['data.inline.x', '[[0, 0], [0, 1], [1, 0], [1, 1]]'],
    ['data.inline.y', '[[0], [1], [1], [0]]'],
    ['backend', 'cpu'],
  ];
}

/** A MNIST MLP run with a batch log: 1,688 batches an epoch and a validation split. */
export function aMnistRun(index: number, options: { learningRate: number; epochs: number; floor: number; overfit?: number; status?: CompareRun['status'] }): CompareRun {
  const random = noise(101 + index);
  const batches = 1_688;
  const speed = Math.sqrt(options.learningRate / 0.001);
  const floor = options.floor;
  const lossAt = (t: number) => floor + 2.2 * Math.exp(-t * 6 * speed) + 0.25 * Math.exp(-t * 0.8);
  const x: number[] = [];
  const loss: number[] = [];
  const accuracy: number[] = [];
  for (let e = 0; e < options.epochs; e++) {
    for (let b = 1; b <= batches; b++) {
      const t = e + b / batches;
      const l = Math.max(0.005, lossAt(t) * (1 + 0.4 * random()));
      x.push(t);
      loss.push(l);
      accuracy.push(Math.min(1, Math.max(0, 1 - l / 2.6 - 0.02 + 0.05 * random())));
    }
  }
  const history: CompareRun['history'] = [];
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    const l = lossAt(epoch - 0.5);
    // A run that overfits: its validation loss turns up while its training loss keeps falling.
    const val = lossAt(epoch) * 1.12 + (options.overfit ?? 0) * 0.012 * (epoch - 1) ** 2;
    history.push({ epoch, metrics: { loss: l, accuracy: 1 - l / 2.7, val_loss: val, val_accuracy: 1 - val / 2.5 } });
  }
  const minute = String(2 + index * 9).padStart(2, '0');
  return {
    runDir: `/work/models/.nn-runs/mnist-mlp/20261202-14${minute}00`,
    label: `mnist-mlp · 2026-12-02 14:${minute}:00`,
    modelName: 'mnist-mlp',
    startedAt: `2026-12-02T14:${minute}:00.000Z`,
    status: options.status ?? 'completed',
    history,
    curves: { x, values: { loss, accuracy } },
  };
}

/** Settings side by side, marked where they differ (as the host's compareSettings gives them). */
export function settingsOf(perRun: Array<Array<[string, string]>>): CompareSetting[] {
  const keys = [...new Set(perRun.flatMap((rows) => rows.map(([key]) => key)))];
  const maps = perRun.map((rows) => new Map(rows));
  return keys.map((key) => {
    const values = maps.map((m) => m.get(key));
    return { key, values, differs: values.some((v) => v !== values[0]) };
  });
}

/** Each metric's final and best value per run. */
export function metricsOf(runs: CompareRun[]): CompareMetric[] {
  const names = [...new Set(runs.flatMap((run) => run.history.flatMap((row) => Object.keys(row.metrics))))];
  return names.map((name) => {
    const lowerIsBetter = name.replace(/^val_/, '').endsWith('loss');
    const column = (metrics: MetricValues[]) => metrics.map((m) => m[name]).filter((v) => typeof v === 'number');
    return {
      name,
      lowerIsBetter,
      final: runs.map((run) => run.history.at(-1)?.metrics[name] ?? null),
      best: runs.map((run) => {
        const values = column(run.history.map((row) => row.metrics));
        return values.length === 0 ? null : lowerIsBetter ? Math.min(...values) : Math.max(...values);
      }),
    };
  });
}

export function aComparison(runs: CompareRun[], settings: CompareSetting[]): CompareData {
  const title = runs.length === 2 ? `Compare: ${runs[0].label} vs ${runs[1].label}` : `Compare: ${runs.length} runs`;
  return { title, runs, settings, metrics: metricsOf(runs) };
}

/** Two XOR runs that differ only in their seed. */
export function twoXorRuns(): CompareData {
  return aComparison([anXorRun(0, 1, 70), anXorRun(1, 2, 125)], settingsOf([xorSettings(1), xorSettings(2)]));
}

/**
 * Three MNIST runs at different learning rates: the highest fits the training data best but overfits
 * (the first run has the best validation values), and the lowest was stopped after 3 of 5 epochs.
 */
export function threeMnistRuns(): CompareData {
  const rates = [0.001, 0.01, 0.0003];
  const runs = [
    aMnistRun(0, { learningRate: rates[0], epochs: 5, floor: 0.04 }),
    aMnistRun(1, { learningRate: rates[1], epochs: 5, floor: 0.02, overfit: 1 }),
    aMnistRun(2, { learningRate: rates[2], epochs: 3, floor: 0.05, status: 'stopped' }),
  ];
  const settings = rates.map((rate, i): Array<[string, string]> => [
    ['layers[0]', 'Flatten'],
    ['layers[0].input_shape', '[28, 28]'],
    ['layers[1]', 'Dense'],
    ['layers[1].units', i === 2 ? '256' : '128'],
    ['layers[1].activation', 'relu'],
    ['layers[2]', 'Dropout'],
    ['layers[2].rate', '0.2'],
    ['layers[3]', 'Dense'],
    ['layers[3].units', '10'],
    ['layers[3].activation', 'softmax'],
    ['optimizer', 'adam'],
    ['optimizer.learning_rate', String(rate)],
    ['loss', 'categorical_crossentropy'],
    ['metrics', '[accuracy]'],
    ['batch_size', '32'],
    ['epochs', '5'],
    ['validation_split', '0.1'],
    ['seed', '42'],
    ['data.dataset', 'mnist'],
    ['data.scale', '0.00392156862745098'],
    ['data.one_hot', 'true'],
    ['backend', i === 1 ? 'wasm' : 'tensorflow'],
  ]);
  return aComparison(runs, settingsOf(settings));
}
