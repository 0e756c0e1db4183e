/** Collects an exported script's imports and paragraphs, and writes them in the order a tutorial has them. */

/** Every import the exporter may need, in the order a script lists them: third-party libraries, then Keras. */
const IMPORT_ORDER = [
  'import numpy as np',
  'import pandas as pd',
  'from sklearn.datasets import load_iris',
  'from sklearn.datasets import load_digits',
  'from sklearn.model_selection import train_test_split',
  'from sklearn.preprocessing import LabelEncoder',
  'from sklearn.preprocessing import StandardScaler',
  'from sklearn.preprocessing import MinMaxScaler',
  'import tensorflow as tf',
  'from tensorflow import keras',
  'from tensorflow.keras import layers',
] as const;

export type PythonImport = (typeof IMPORT_ORDER)[number];

export class PythonScript {
  private readonly imports = new Set<PythonImport>();
  private readonly paragraphs: string[][] = [];

  use(...imports: PythonImport[]): this {
    for (const i of imports) this.imports.add(i);
    return this;
  }

  /** A paragraph: its comment lines (written `# ...`), then its code lines. */
  paragraph(comments: readonly string[], code: readonly string[]): this {
    this.paragraphs.push([...comments.map((c) => `# ${c}`), ...code]);
    return this;
  }

  /** The pip packages the imports need besides TensorFlow. */
  packages(): string[] {
    const names: string[] = [...this.imports].map((i) => (i.includes('numpy') ? 'numpy' : i.includes('pandas') ? 'pandas' : i.includes('sklearn') ? 'scikit-learn' : ''));
    return ['numpy', 'pandas', 'scikit-learn'].filter((p) => names.includes(p));
  }

  /** The script: the docstring, the imports, then the paragraphs, one blank line apart. */
  text(docstring: readonly string[]): string {
    // A backslash or three quotes in a comment copied from the model file would end the docstring early.
    docstring = docstring.map((line) => line.replace(/\\/g, '\\\\').replace(/"""/g, "'''"));
    const doc = docstring.length === 1 ? [`"""${docstring[0]}"""`] : ['"""' + docstring[0], ...docstring.slice(1), '"""'];
    const imports = IMPORT_ORDER.filter((i) => this.imports.has(i));
    return [doc.join('\n'), imports.join('\n'), ...this.paragraphs.map((p) => p.join('\n'))].join('\n\n') + '\n';
  }
}
