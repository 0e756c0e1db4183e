import type { LoadedData } from '../../core/data/dataTypes';
import { inputProblem, modelInputText } from '../../core/data/inputProblem';
import { asSamples } from '../../core/session/predictFromRun';
import type { ModelInputs } from '../../shared/insightTypes';
import { parsePredictInput } from './predictInput';

/** What a run's model takes, as Predict's input box needs it. */
export type PromptModel = Pick<LoadedData, 'featureShape' | 'featureNames' | 'isImage'> & { features?: ModelInputs['features'] };

/**
 * The input box's prompt, placeholder and check, fitted to the model: a sample of the right length to
 * start from, the features named, and for images the `Draw a digit` pad instead of 784 typed numbers.
 * No vscode import, so it is unit-tested.
 */
export function predictPrompt(model: PromptModel): { prompt: string; placeHolder: string; validate(value: string): string | undefined } {
  const takes = modelInputText(model);
  const empty = "Leave empty for the samples of the file's `predict:` section (or the first test samples).";
  const prompt = model.isImage
    ? `This model takes ${takes}: draw one in the panel's \`Draw a digit\` pad, or leave this empty to predict the samples of the file's \`predict:\` section.`
    : `This model takes ${takes}: give one sample as a JSON list, or several as a list of lists. ${empty}`;
  const placeHolder = model.isImage ? "empty: the file's predict samples" : JSON.stringify(exampleSample(model)).replace(/,/g, ', ');
  return {
    prompt,
    placeHolder,
    validate: (value) => {
      const parsed = parsePredictInput(value);
      if ('error' in parsed) return parsed.error;
      // Without the run's preprocessing there is nothing to check against: the worker says what is wrong.
      if (parsed.input === undefined || model.featureShape.length === 0) return undefined;
      const problem = asSamples(parsed.input, model.featureShape)
        .map((sample, i) => (fits(sample, model) ? undefined : inputProblem(sample, i, model)))
        .find((p) => p !== undefined);
      return problem && model.isImage ? `${problem}. Draw it in the panel's \`Draw a digit\` pad instead.` : problem;
    },
  };
}

/** A sample in the middle of the training data's range (the midpoints, rounded), else zeros. */
function exampleSample(model: PromptModel): number[] {
  const width = model.featureShape.reduce((a, b) => a * b, 1);
  if (model.features?.length === width) return model.features.map((f) => Number(((f.min + f.max) / 2).toPrecision(2)));
  return new Array<number>(width).fill(0);
}

function fits(sample: unknown, model: PromptModel): boolean {
  const width = model.featureShape.reduce((a, b) => a * b, 1);
  const flat = Array.isArray(sample) ? (sample as unknown[]).flat(Infinity as 1) : [sample];
  return flat.length === width && flat.every((v) => typeof v === 'number' && Number.isFinite(v));
}
