/**
 * Export: a model file as the equivalent TensorFlow 2 Keras script, written as a tutorial would write
 * it (and in the idioms the Keras-script importer reads, so that importing it gives the file back).
 */
import { readFile } from 'fs/promises';
import * as path from 'path';
import { parse } from 'yaml';
import type { Diagnostic } from '../diagnostics';
import { parseModelText } from '../modelFile';
import { defaultModelName } from '../modelFile/modelFileName';
import { isRawMap } from '../modelFile/rawValues';
import { YAML_OPTIONS } from '../modelFile/syntaxRecovery';
import { checkModelFile } from '../session/checkModelFile';
import { csvFacts } from './export/csvFacts';
import { writeData, type DataFacts } from './export/dataCode';
import { writeCompile, writeModel } from './export/modelCode';
import { PythonScript } from './export/pythonScript';
import { writeEvaluate, writeFit, writePredict, writeSeed } from './export/trainingCode';
import { writtenModelFile } from './export/writtenModelFile';

export type { DataFacts } from './export/dataCode';

export interface ExportResult {
  /** The Python script; absent when the model file has errors. */
  text?: string;
  /** The model file's problems (errors and warnings); an error means nothing was exported. */
  diagnostics: Diagnostic[];
}

/** The Keras script of a model file's text; `facts` says what only the CSV knows (see exportKerasScriptOfFile). */
export function exportKerasScript(modelText: string, modelPath: string, facts: DataFacts = {}): ExportResult {
  const parsed = parseModelText(modelText, modelPath);
  if (!parsed.spec) return { diagnostics: parsed.diagnostics };
  // The file passed validation, so it parses; the raw document keeps the Keras spellings as written.
  const root: unknown = parse(parsed.text, { ...YAML_OPTIONS, maxAliasCount: 1000 });
  if (!isRawMap(root)) return { diagnostics: parsed.diagnostics };
  const file = writtenModelFile(root, defaultModelName(modelPath), parsed.text);
  const script = new PythonScript();
  writeSeed(script, file.seed);
  const data = writeData(script, file.data, file.loss.name, file.seed, facts);
  writeModel(script, file);
  writeCompile(script, file);
  writeFit(script, file);
  writeEvaluate(script, file, data);
  writePredict(script, file, data);
  return { text: script.text(docstring(file.name, path.basename(modelPath), file.comments, script)), diagnostics: parsed.diagnostics };
}

/**
 * Reads and checks a model file (with its data, as `validate` does), then exports it for a script at
 * `scriptPath`: a CSV is opened relative to the script, with its header and class names as they are.
 */
export async function exportKerasScriptOfFile(modelPath: string, scriptPath: string): Promise<ExportResult> {
  const diagnostics = await checkModelFile(modelPath);
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  const text = await readFile(modelPath, 'utf8');
  const result = exportKerasScript(text, modelPath, factsOf(text, modelPath, scriptPath));
  return { ...result, diagnostics };
}

function factsOf(text: string, modelPath: string, scriptPath: string): DataFacts {
  const root: unknown = parse(text.replace(/^\ufeff/, ''), { ...YAML_OPTIONS, maxAliasCount: 1000 });
  const data = isRawMap(root) && isRawMap(root.data) ? root.data : {};
  return csvFacts(modelPath, data, scriptPath);
}

function docstring(name: string, modelFileName: string, comments: readonly string[], script: PythonScript): string[] {
  const packages = ['tensorflow', ...script.packages()];
  return [
    `${name}: exported from ${modelFileName} by Neural Network Trainer.`,
    ...(comments.length > 0 ? ['', ...comments] : []),
    '',
    'The same data, model and training as the model file, in TensorFlow 2 Keras:',
    `pip install ${packages.join(' ')}, then run it with python.`,
  ];
}
