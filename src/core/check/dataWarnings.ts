/**
 * What the model and the data allow but the user should know: warnings, which do not stop
 * training. Shown as a `warning:` line by `validate` and as a warning squiggle in the editor.
 */
import { SpecError } from '../diagnostics';
import type { LoadedData } from '../data/dataTypes';
import type { ModelSpec } from '../spec/modelSpec';

/** Every warning about the model file against its data. */
export function dataWarnings(spec: ModelSpec, data: LoadedData): SpecError[] {
  return [...predictSamplesWarnings(spec, data), ...logitsWarnings(spec)];
}

/**
 * `from_logits: true` after a softmax or sigmoid squashes the outputs twice: it trains, worse, as
 * Keras warns too. The fix is the tutorials' `Dense(10)` with no activation.
 */
export function logitsWarnings(spec: ModelSpec): SpecError[] {
  if (!spec.compile.fromLogits) return [];
  const index = spec.model.length - 1;
  const last = spec.model[index];
  const activation = last.config.activation;
  if (activation !== 'softmax' && activation !== 'sigmoid') return [];
  const message =
    `from_logits: true, but the last layer (${last.type}) ends in ${activation}: its outputs are already probabilities, not logits, and the loss would apply ${activation} again. ` +
    `Remove \`activation: ${activation}\` from the last layer (a Keras \`Dense(10)\` outputs logits), or remove from_logits`;
  return [new SpecError(['model', index, last.type, 'activation'], message, 'logits-activation', undefined, 'warning')];
}

/**
 * `predict: { samples: 500 }` shows the first samples of the test split (of the training data when
 * there is none), and there may be fewer: say how many, rather than show fewer in silence.
 */
export function predictSamplesWarnings(spec: ModelSpec, data: LoadedData): SpecError[] {
  if (spec.predict?.kind !== 'samples') return [];
  const asked = spec.predict.samples;
  const split = data.test ?? data.train;
  if (asked <= split.count) return [];
  const which = data.test ? 'the test split' : 'the data (it has no test split)';
  const message = `predict asks for ${asked} samples, but ${which} has ${split.count}: only those ${split.count} are shown. Use \`samples: ${split.count}\` or fewer`;
  return [new SpecError(['predict', 'samples'], message, 'predict-samples', { kind: 'replace', with: String(split.count) }, 'warning')];
}
