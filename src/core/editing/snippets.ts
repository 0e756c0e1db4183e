/**
 * Snippets for a whole layer and a whole model file, in VS Code's snippet syntax (`${1:64}` tab stops,
 * `${2|relu,sigmoid|}` choices). A layer's snippet holds its required options, with the value a Keras
 * tutorial would write, plus an activation for the layers that take one.
 */
import { ACTIVATIONS, layerOptions, type OptionDef } from '../spec/vocabulary';
import type { LayerType } from '../spec/modelSpec';

const ACTIVATION_CHOICE = ACTIVATIONS.slice(0, 5).map((a) => a.keras).join(',');

/** What a tutorial would write for a required option, as a tab stop. */
function placeholder(option: OptionDef, stop: number): string {
  switch (option.kind) {
    case 'positiveInteger':
      return `\${${stop}:${option.key === 'filters' ? 32 : option.key === 'output_dim' ? 16 : option.key === 'input_dim' ? 1000 : 64}}`;
    case 'fraction':
    case 'unitInterval':
      return `\${${stop}:0.2}`;
    case 'intOrPair':
      return `\${${stop}:3}`;
    case 'targetShape':
      return `[\${${stop}:-1}]`;
    case 'activation':
      return `\${${stop}|${ACTIVATION_CHOICE}|}`;
    default:
      return `\${${stop}}`;
  }
}

/** `Dense: { units: ${1:64}, activation: ${2|relu,...|} }`, or the bare name of a layer without required options. */
export function layerSnippet(type: LayerType, json: boolean, quoted: boolean): string {
  const options = layerOptions(type);
  const chosen = options.filter((o) => o.required);
  const activation = options.find((o) => o.key === 'activation');
  if (activation && !activation.required && chosen.length > 0) chosen.push(activation);
  if (quoted || chosen.length === 0) return json && !quoted ? `"${type}": {}` : type;
  const key = (k: string) => (json ? `"${k}"` : k);
  const value = (o: OptionDef, stop: number) => (json && o.kind === 'activation' ? `"${placeholder(o, stop)}"` : placeholder(o, stop));
  const body = chosen.map((o, i) => `${key(o.key)}: ${value(o, i + 1)}`).join(', ');
  return `${key(type)}: { ${body} }`;
}

/** A whole classifier model file to start from. */
export function fileSnippet(json: boolean): string {
  if (json) {
    return [
      '"name": "${1:my-model}",',
      '"data": { "csv": "${2:data.csv}", "label": "${3:label}", "test_split": 0.2, "normalize": "standard" },',
      '"model": [',
      '  { "Dense": { "units": ${4:16}, "activation": "relu" } },',
      '  { "Dense": { "units": ${5:1}, "activation": "${6|sigmoid,softmax,linear|}" } }',
      '],',
      '"compile": { "optimizer": "adam", "loss": "${7|binary_crossentropy,sparse_categorical_crossentropy,mean_squared_error|}", "metrics": ["accuracy"] },',
      '"fit": { "epochs": ${8:50}, "batch_size": 32, "validation_split": 0.1 }',
    ].join('\n');
  }
  return [
    'name: ${1:my-model}',
    'data:',
    '  csv: ${2:data.csv}',
    '  label: ${3:label}',
    '  test_split: 0.2',
    '  normalize: standard',
    'model:',
    '  - Dense: { units: ${4:16}, activation: relu }',
    '  - Dense: { units: ${5:1}, activation: ${6|sigmoid,softmax,linear|} }',
    'compile:',
    '  optimizer: adam',
    '  loss: ${7|binary_crossentropy,sparse_categorical_crossentropy,mean_squared_error|}',
    '  metrics: [accuracy]',
    'fit:',
    '  epochs: ${8:50}',
    '  batch_size: 32',
    '  validation_split: 0.1',
    '',
  ].join('\n');
}

