/**
 * The Keras API a name of the vocabulary stands for (`sparse_categorical_crossentropy` ->
 * `keras.losses.SparseCategoricalCrossentropy`), so hovers name the page of the Keras docs to read.
 */
import type { VocabularyName } from './vocabulary';

/** Class names Keras spells other than by capitalizing each snake_case word. */
const CLASS_NAMES: Readonly<Record<string, string>> = {
  sgd: 'SGD',
  rmsprop: 'RMSprop',
  kullback_leibler_divergence: 'KLDivergence',
  logcosh: 'LogCosh',
  l1_l2: 'L1L2',
  r2_score: 'R2Score',
  cosine_proximity: 'CosineSimilarity',
  lecun_uniform: 'LecunUniform',
  lecun_normal: 'LecunNormal',
};

function className(name: string): string {
  return CLASS_NAMES[name] ?? name.split('_').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

/** The Keras API name of a vocabulary entry, or undefined where Keras has none (a padding mode). */
export function kerasApiName(vocabulary: VocabularyName, name: string): string | undefined {
  switch (vocabulary) {
    case 'activation':
      return `keras.activations.${name}`;
    case 'initializer':
      return `keras.initializers.${className(name)}`;
    case 'regularizer':
      return `keras.regularizers.${className(name)}`;
    case 'loss':
      return `keras.losses.${className(name)}`;
    case 'metric':
      return `keras.metrics.${className(name)}`;
    case 'optimizer':
      return `keras.optimizers.${className(name)}`;
    case 'layer':
      return `keras.layers.${name}`;
    case 'dataset':
      return name === 'mnist' ? 'keras.datasets.mnist.load_data()' : name === 'xor' ? undefined : `sklearn.datasets.load_${name}()`;
    case 'normalize':
      return name === 'standard' ? 'sklearn.preprocessing.StandardScaler' : 'sklearn.preprocessing.MinMaxScaler';
    default:
      return undefined;
  }
}
