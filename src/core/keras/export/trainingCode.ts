/** The seed, fit, evaluate and predict paragraphs of an exported script. */
import { isRawMap, valueOf } from '../../modelFile/rawValues';
import type { PreparedData } from './dataCode';
import type { WrittenModelFile } from './writtenModelFile';
import { snakeCase } from './writtenModelFile';
import type { PythonScript } from './pythonScript';
import { pyCall, pyNumber, pyValue } from './pythonLiteral';

/** Keras' fit() defaults, left out of the call when the file has them. */
const FIT_DEFAULTS = { shuffle: true } as const;

export function writeSeed(script: PythonScript, seed: number | undefined): void {
  if (seed === undefined) return;
  script.use('from tensorflow import keras').paragraph(['The same seed gives the same weights, dropout and shuffling on every run.'], [`keras.utils.set_random_seed(${seed})`]);
}

/** Writes model.fit(...), with early stopping as Keras' callback. */
export function writeFit(script: PythonScript, file: WrittenModelFile): void {
  const fit = file.fit;
  const epochs = valueOf(fit, 'epochs') ?? 1;
  const batchSize = valueOf(fit, 'batch_size') ?? 32;
  const validationSplit = valueOf(fit, 'validation_split');
  const shuffle = valueOf(fit, 'shuffle');
  const args = ['x_train, y_train', `epochs=${pyValue(epochs)}`, `batch_size=${pyValue(batchSize)}`];
  const comments = [`Train: ${epochs === 1 ? 'one pass' : `${pyValue(epochs)} passes`} over the training data, ${pyValue(batchSize)} samples a step.`];
  if (typeof validationSplit === 'number') {
    args.push(`validation_split=${pyNumber(validationSplit)}`);
    comments.push(`The last ${Math.round(validationSplit * 1000) / 10}% of it is kept apart to validate each epoch.`);
  }
  if (typeof shuffle === 'boolean' && shuffle !== FIT_DEFAULTS.shuffle) args.push(`shuffle=${pyValue(shuffle)}`);
  const earlyStopping = valueOf(fit, 'early_stopping');
  if (earlyStopping === true || isRawMap(earlyStopping)) {
    const options = isRawMap(earlyStopping) ? Object.entries(earlyStopping).map(([k, v]): [string, unknown] => [snakeCase(k), v]) : [];
    // Keras' own default monitor is val_loss, which without validation data never stops; the trainer watches loss then.
    if (!options.some(([k]) => k === 'monitor')) options.unshift(['monitor', typeof validationSplit === 'number' ? 'val_loss' : 'loss']);
    const monitor = String(options.find(([k]) => k === 'monitor')?.[1]);
    const patience = options.find(([k]) => k === 'patience')?.[1] ?? 0;
    args.push(`callbacks=[${pyCall('keras.callbacks.EarlyStopping', [], options.map(([k, v]) => [k, pyValue(v)]))}]`);
    comments.push(`Stop early once ${monitor} has not improved for ${pyValue(patience)} epoch${patience === 1 ? '' : 's'}.`);
  }
  const oneLine = `history = model.fit(${args.join(', ')})`;
  script.paragraph(comments, oneLine.length <= 100 ? [oneLine] : ['history = model.fit(', ...args.map((a) => `    ${a},`), ')']);
}

/** Writes model.evaluate(...) on the test split, or on the training data when there is none, as the trainer does. */
export function writeEvaluate(script: PythonScript, file: WrittenModelFile, data: PreparedData): void {
  const split = data.hasTest ? 'test' : 'train';
  const names = ['loss', ...file.metrics].map((m) => `${split}_${m.replace(/\W+/g, '_')}`);
  const comment = data.hasTest ? 'How well it does on the test samples, which it never saw while training.' : 'No test split: evaluated on the training data, as the trainer does.';
  const printed = ['loss', ...file.metrics].map((m, i) => `${m}: {${names[i]}:.4f}`).join(', ');
  script.paragraph([comment], [`${names.join(', ')} = model.evaluate(x_${split}, y_${split})`, `print(f'${split} ${printed}')`]);
}

/** Writes model.predict(...) of the `predict:` inputs (prepared as the training data) or samples. */
export function writePredict(script: PythonScript, file: WrittenModelFile, data: PreparedData): void {
  const predict = file.predict;
  if (!predict) return;
  const inputs = valueOf(predict, 'inputs');
  const logits = file.loss.options.some(([k, v]) => k === 'from_logits' && v === true);
  const kind = outputKind(file.loss.name);
  if (Array.isArray(inputs)) {
    script.use('import numpy as np');
    const code =
      data.prepareNew.length === 0
        ? [`predictions = model.predict(np.array(${pyValue(inputs)}))`]
        : [`x_new = np.array(${pyValue(inputs)})`, ...data.prepareNew, 'predictions = model.predict(x_new)'];
    script.paragraph([data.prepareNew.length === 0 ? 'Predict the inputs of the model file.' : 'Predict the inputs of the model file, prepared as the training data was.'], [...code, ...shown(script, kind, logits)]);
    return;
  }
  const samples = valueOf(predict, 'samples');
  if (typeof samples !== 'number') return;
  const split = data.hasTest ? 'test' : 'train';
  const truth = data.oneHot ? `y_${split}[:${samples}].argmax(axis=1)` : `y_${split}[:${samples}]`;
  script.paragraph(
    [`Predict the first ${samples} ${data.hasTest ? 'test' : 'training'} samples, next to their true labels.`],
    [`predictions = model.predict(x_${split}[:${samples}])`, ...shown(script, kind, logits), `print('true:', ${truth})`],
  );
}

type OutputKind = 'classes' | 'binary' | 'values';

function outputKind(loss: string): OutputKind {
  if (['categorical_crossentropy', 'sparse_categorical_crossentropy', 'categorical_hinge', 'kullback_leibler_divergence'].includes(loss)) return 'classes';
  if (['binary_crossentropy', 'hinge', 'squared_hinge'].includes(loss)) return 'binary';
  return 'values';
}

/**
 * What is printed of the predictions: the class (or value), and for a model trained on logits the
 * probabilities softmax (sigmoid) makes of its scores, as the trainer reports them.
 */
function shown(script: PythonScript, kind: OutputKind, logits: boolean): string[] {
  if (kind === 'values') return ["print('predicted:', predictions.ravel())"];
  const classes = kind === 'classes' ? "print('predicted:', predictions.argmax(axis=1))" : `print('predicted:', (predictions > ${logits ? '0' : '0.5'}).astype(int).ravel())`;
  if (!logits) return [classes];
  script.use('import tensorflow as tf');
  return [classes, `print('probabilities:', tf.nn.${kind === 'classes' ? 'softmax' : 'sigmoid'}(predictions).numpy().round(3))  # the model outputs logits`];
}
