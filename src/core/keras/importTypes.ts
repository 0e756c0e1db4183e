/**
 * What every importer into the model-file format (a Keras script, a Keras or TensorFlow.js model JSON)
 * returns, so the CLI, the editor commands and the Python file's diagnostics read them one way.
 */

/** A place in the imported file, 1-based like the CLI's `SCRIPT.py:LINE:COL` and the editor's status bar. */
export interface SourceNote {
  line: number;
  column: number;
  message: string;
}

export interface ImportResult {
  /** The model file's text, ready to write; absent when nothing could be imported (see `error`). */
  text?: string;
  /** Each statement or setting that was not translated, located in the imported file. */
  warnings: SourceNote[];
  /** Why no model file could be written (no Sequential model, unreadable JSON), located. */
  error?: SourceNote;
  /**
   * Data files shipped with the trainer that the model file names beside itself (a script's
   * `load_breast_cancer()` is `csv: breast-cancer.csv`): copy `from` (absolute) to `name` beside the
   * written model file when no such file is there.
   */
  dataFiles?: Array<{ name: string; from: string }>;
}

/**
 * A model file as plain data, in the file's own spelling (Keras snake_case keys, `- Dense: { units: 4 }`
 * layers), before it is written as YAML. Keys are written in this order.
 */
export interface ModelFileObject {
  name?: string;
  seed?: number;
  data?: Record<string, unknown>;
  model: Array<Record<string, unknown> | string>;
  compile?: Record<string, unknown>;
  fit?: Record<string, unknown>;
  predict?: Record<string, unknown>;
}
