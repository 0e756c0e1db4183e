import * as fs from 'fs';
import * as path from 'path';
import type { ImportResult, ModelFileObject, SourceNote } from './importTypes';
import { writeModelFile } from './modelFileWriter';
import { parsePython } from './script/pythonAst';
import { ScriptReader } from './script/scriptReader';
import { BREAST_CANCER_CSV, dataSection, orderedData } from './script/dataSection';
import type { ModelState } from './script/values';

export { importAnchors } from './script/importAnchors';

const SUPPORTED = 'the importer reads Sequential models: Sequential([...]), or Sequential() followed by model.add(...)';

/**
 * A Keras tutorial script as a model file, read without running Python: the Sequential model, its
 * compile and fit, the data it loads and prepares, and its predict. Every statement that affects
 * the model and is not translated is a warning, also written as a comment at the top of the file.
 */
export function importKerasScript(text: string, scriptPath: string): ImportResult {
  // Editors count columns after a byte-order mark, so the script is read without it. A notebook's
  // shell and magic lines (`!pip install tensorflow`, `%matplotlib inline`) are blanked, which keeps
  // every position: they set up the machine, not the model.
  const source = text.replace(/^\uFEFF/, '').replace(/^[ \t]*[!%].*$/gm, (line) => ' '.repeat(line.length));
  const scriptName = path.basename(scriptPath);
  const reader = new ScriptReader(source);
  reader.run(parsePython(source));
  reader.finish();
  const at = (from: number, message: string): SourceNote => ({ ...reader.source.position(from), message });
  const model = chooseModel(reader.models);
  if (!model) {
    const other = reader.otherModels[0];
    const message = other ? `${other.message}: ${SUPPORTED}` : `no Sequential model found: ${SUPPORTED}`;
    return { warnings: [], error: other ? at(other.from, message) : { line: 1, column: 1, message } };
  }
  for (const m of reader.models) if (m !== model) reader.warn(m.from, 'not translated: a second Sequential model: the model file holds the one that is trained');
  for (const other of reader.otherModels) reader.warn(other.from, `not translated: ${other.message}`);

  const file: ModelFileObject = { name: path.basename(scriptPath).replace(/\.[^.]*$/, ''), model: model.layers };
  if (reader.seed !== undefined) file.seed = reader.seed;
  const data = dataSection(model.fit?.x, model.fit?.y, scriptName, (csv) => csvHeader(path.resolve(path.dirname(scriptPath), csv)));
  if (data.warning) reader.warn(data.warning.from, data.warning.message);
  if (model.scale !== undefined) data.data.scale = Number(((Number(data.data.scale) || 1) * model.scale).toPrecision(12));
  file.data = orderedData(data.data);
  const flattened = flattenReshape(file);
  if (model.compiled) {
    const compile: Record<string, unknown> = { optimizer: model.compiled.optimizer };
    if (model.compiled.loss !== undefined) compile.loss = model.compiled.loss;
    else reader.warn(model.compiled.from, 'not translated: compile without a loss: the model file needs one (loss: ...)');
    if (model.compiled.metrics && model.compiled.metrics.length > 0) compile.metrics = model.compiled.metrics;
    file.compile = compile;
  } else reader.warn(model.from, 'not translated: the model is never compiled: add compile: { optimizer: ..., loss: ... } to the model file');
  if (model.fit && Object.keys(model.fit.options).length > 0) file.fit = model.fit.options;
  if (model.predict) file.predict = model.predict;

  const warnings = reader.warnings.sort((a, b) => a.from - b.from).map((w) => at(w.from, w.message));
  const header = [`Imported from ${scriptName} by nn-trainer import.`];
  if (data.note) header.push(data.note);
  if (flattened) header.push(flattened);
  if (warnings.length > 0) {
    header.push('Not translated:');
    for (const w of warnings) header.push(`  ${scriptName}:${w.line}:${w.column}  ${w.message.replace(/^not translated: /, '')}`);
  }
  const comments = data.csvComment ? { 'data.csv': data.csvComment } : undefined;
  const result: ImportResult = { text: writeModelFile(file, header, comments), warnings };
  const shipped = data.data.csv === BREAST_CANCER_CSV && model.fit?.x?.kind === 'data' && model.fit.x.data.origin.kind === 'builtin' ? shippedExample(BREAST_CANCER_CSV) : undefined;
  if (shipped) result.dataFiles = [{ name: BREAST_CANCER_CSV, from: shipped }];
  return result;
}

/**
 * `x.reshape(-1, 784)` before `Flatten(input_shape=(784,))` (seed 004): the format refuses a Flatten of
 * flat samples, so the images stay 28x28 and the Flatten takes them, which gives the same 784 values.
 */
function flattenReshape(file: ModelFileObject): string | undefined {
  const data = file.data;
  const first = file.model[0];
  const reshape = data?.reshape;
  if (data?.dataset !== 'mnist' || !Array.isArray(reshape) || reshape.length !== 1 || reshape[0] !== 784) return undefined;
  if (typeof first !== 'object' || !('Flatten' in first)) return undefined;
  const options = first.Flatten as Record<string, unknown>;
  const shape = options.input_shape;
  if (shape !== undefined && !(Array.isArray(shape) && shape.length === 1 && shape[0] === 784)) return undefined;
  delete data.reshape;
  if (shape !== undefined) options.input_shape = [28, 28];
  return 'reshape(-1, 784) before Flatten(input_shape=(784,)): the Flatten takes the 28x28 images (input_shape: [28, 28]), which gives the same 784 values';
}

/**
 * A file of the shipped examples/ folder: the first examples/<name> walking up from this code, which
 * runs from out/src/core/keras/ in tests and from a bundle in dist/ otherwise (as builtinDataDir does).
 */
function shippedExample(name: string): string | undefined {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'examples', name);
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** The column names of a CSV's first line, when the file is there (unquoted, comma-separated). */
function csvHeader(file: string): string[] | undefined {
  try {
    const fd = fs.openSync(file, 'r');
    const buffer = Buffer.alloc(64 * 1024);
    const read = fs.readSync(fd, buffer, 0, buffer.length, 0);
    fs.closeSync(fd);
    const first = buffer.toString('utf8', 0, read).split(/\r?\n/)[0];
    const names = first.split(',').map((n) => n.trim().replace(/^"(.*)"$/, '$1'));
    return names.length > 1 && names.every((n) => n !== '' && Number.isNaN(Number(n))) ? names : undefined;
  } catch {
    return undefined;
  }
}

/** The model that is trained (the first one fit), else the last one built. */
function chooseModel(models: ModelState[]): ModelState | undefined {
  return models.find((m) => m.fit) ?? models.find((m) => m.compiled) ?? models[models.length - 1];
}
