/** Reading, validating and normalizing `*.nn.yaml` / `*.nn.json` model files. */
export type { ParsedModelFile } from './parsedModelFile';
export { parseModelText, defaultModelName } from './parseModelText';
export { readModelFile, diagnosticFromSpecError } from './readModelFile';
