/**
 * What the model and the data allow but the user should know: warnings, which do not stop
 * training. Shown as a `warning:` line by `validate` and as a warning squiggle in the editor.
 */
import { SpecError } from '../diagnostics';
import type { LoadedData } from '../data/dataTypes';
import type { ModelSpec } from '../spec/modelSpec';

/** Every warning about the model file against its data. */
export function dataWarnings(spec: ModelSpec, data: LoadedData): SpecError[] {
  return [...predictSamplesWarnings(spec, data)];
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
