/**
 * What a model file's name says, kept apart from the parser so the extension host can use it
 * without loading the validator.
 */

/** `*.nn.yaml`, `*.nn.yml` and `*.nn.json`: the names that mark a model file. */
export const MODEL_FILE_PATTERN = /\.nn\.(ya?ml|json)$/i;

/** The model name when the file has none: `models/xor.nn.yaml` -> `xor`. */
export function defaultModelName(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  const name = base.replace(MODEL_FILE_PATTERN, '').replace(/\.(ya?ml|json)$/i, '');
  return name === '' ? 'model' : name;
}
