/**
 * Starting points for New Model File, one per kind of Keras tutorial. Plain text with `{{name}}` and
 * `{{csv}}` slots; no vscode import, so a unit test checks that each one is a valid model file.
 */
import { modelFileStem } from './newModelFileName';

export interface ModelTemplate {
  id: 'xor' | 'mnist-mlp' | 'csv-classification' | 'iris';
  label: string;
  detail: string;
  /** File name offered in the save dialog. */
  fileName: string;
  text: string;
}

export const MODEL_TEMPLATES: readonly ModelTemplate[] = [
  {
    id: 'xor',
    label: 'XOR',
    detail: 'Two inputs, one hidden layer: the classic first network; trains to 100% in seconds.',
    fileName: 'xor.nn.yaml',
    text: `# XOR: the output is 1 when exactly one input is 1. One hidden layer is enough.
name: {{name}}
seed: 7
data:
  inline:
    x: [[0, 0], [0, 1], [1, 0], [1, 1]]
    y: [[0], [1], [1], [0]]
model:
  - Dense: { units: 16, activation: relu, input_shape: [2] }
  - Dense: { units: 1, activation: sigmoid }
compile:
  optimizer: { adam: { learning_rate: 0.05 } }
  loss: binary_crossentropy
  metrics: [accuracy]
fit:
  epochs: 300
  batch_size: 4
predict:
  inputs: [[0, 0], [0, 1], [1, 0], [1, 1]]
`,
  },
  {
    id: 'mnist-mlp',
    label: 'MNIST MLP',
    detail: 'Handwritten digits, the TensorFlow quickstart network: about 97% test accuracy in 5 epochs.',
    fileName: 'mnist-mlp.nn.yaml',
    text: `# The TensorFlow quickstart MLP on real MNIST (60,000 training and 10,000 test images, offline).
name: {{name}}
data:
  dataset: mnist
  scale: 255            # pixels 0..255 -> 0..1, as X / 255.0
model:
  - Flatten: { input_shape: [28, 28] }
  - Dense: { units: 128, activation: relu }
  - Dropout: { rate: 0.2 }
  - Dense: { units: 10, activation: softmax }
compile:
  optimizer: adam
  loss: sparse_categorical_crossentropy
  metrics: [accuracy]
fit:
  epochs: 5
  batch_size: 32
  validation_split: 0.1
predict:
  samples: 10           # the first 10 test images, with their true labels
`,
  },
  {
    id: 'csv-classification',
    label: 'CSV classification',
    detail: 'Your own table: a CSV with a header row, one column is the class to predict.',
    fileName: 'classifier.nn.yaml',
    text: `# Classification from a CSV file with a header row. Every column but the label is a feature.
name: {{name}}
seed: 1
data:
  csv: {{csv}}          # relative to this file
  # label: <column>     # the column to predict; default: the last column
  test_split: 0.2
  normalize: standard
model:
  - Dense: { units: 32, activation: relu }
  - Dense: { units: 16, activation: relu }
  - Dense: { units: 1, activation: sigmoid }   # two classes; for N classes: units N, softmax
compile:
  optimizer: adam
  loss: binary_crossentropy                   # for N classes: sparse_categorical_crossentropy
  metrics: [accuracy]
fit:
  epochs: 30
  batch_size: 32
predict:
  samples: 5
`,
  },
  {
    id: 'iris',
    label: 'Iris',
    detail: "Fisher's iris: 4 measurements to 3 species, a small multi-class network.",
    fileName: 'iris.nn.yaml',
    text: `# Fisher's iris: 4 measurements (cm) -> one of 3 species.
name: {{name}}
seed: 42
data:
  dataset: iris
  normalize: standard
model:
  - Dense: { units: 8, activation: relu, kernel_regularizer: { l2: 0.01 } }
  - Dense: { units: 3, activation: softmax }
compile:
  optimizer: { adam: { learning_rate: 0.01 } }
  loss: sparse_categorical_crossentropy
  metrics: [accuracy]
fit:
  epochs: 100
  batch_size: 16
predict:
  samples: 5
`,
  },
];

/** The template's text for a file called `fileName`, reading `csvPath` for the CSV template. */
export function renderTemplate(template: ModelTemplate, fileName: string, csvPath = 'data.csv'): string {
  const name = modelFileStem(fileName).replace(/[^A-Za-z0-9_.-]+/g, '-') || template.id;
  const csv = /^[\w./-]+$/.test(csvPath) ? csvPath : JSON.stringify(csvPath);
  return template.text.replace(/\{\{name\}\}/g, name).replace(/\{\{csv\}\}/g, csv);
}
