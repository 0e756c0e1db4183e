/** Reading, validating and normalizing `*.nn.yaml` / `*.nn.json` model files. */
export type { ParsedModelFile } from './parsedModelFile';
export { parseModelText } from './parseModelText';
export { defaultModelName } from './modelFileName';
export { readModelFile, diagnosticFromSpecError } from './readModelFile';
