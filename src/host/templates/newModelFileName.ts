/**
 * The name a new model file gets. No vscode import, so unit tests check it.
 *
 * A save dialog appends its filter's extension to whatever it is given unless the name's last
 * extension is one it knows, so typed names come back as `xor.nn.yaml.nn.yaml`,
 * `my-mnist.yaml.nn.yaml` or `flowers.nn.yaml`: every such tail is one suffix to drop.
 */
const MODEL_FILE_SUFFIX = /\.(nn|ya?ml|json)$/i;

/** The name's stem without any run of `.nn`, `.yaml`, `.yml` or `.json` at its end: `xor.nn.yaml.nn.yaml` -> `xor`. */
export function modelFileStem(name: string): string {
  let stem = name.trim();
  while (MODEL_FILE_SUFFIX.test(stem)) stem = stem.replace(MODEL_FILE_SUFFIX, '');
  return stem;
}

/** The one `<stem>.nn.yaml` a typed (or dialog-returned) name stands for; `fallbackStem` when it has no stem. */
export function modelFileNameFor(name: string, fallbackStem: string): string {
  return `${modelFileStem(name) || fallbackStem}.nn.yaml`;
}

/**
 * `xor.nn.yaml` unless a model file of that stem (`.nn.yaml`, `.nn.yml`, `.nn.json`) is among
 * `existing` (the folder's file names), else `xor-2.nn.yaml`, `xor-3.nn.yaml`, …: two files of one
 * stem would share a model name and so a runs folder.
 */
export function freeModelFileName(stem: string, existing: readonly string[]): string {
  const taken = new Set(existing.filter((name) => /\.nn\.(ya?ml|json)$/i.test(name)).map((name) => modelFileStem(name).toLowerCase()));
  let candidate = stem;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem}-${n}`;
  return `${candidate}.nn.yaml`;
}
