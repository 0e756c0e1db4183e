/** Backends a user can ask for; `auto` picks the fastest one that can run the model. */
export const BACKEND_CHOICES = ['auto', 'node', 'wasm', 'cpu'] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];
export type BackendName = Exclude<BackendChoice, 'auto'>;

/** tfjs registers tfjs-node's backend under this name. */
export const TFJS_NODE_BACKEND = 'tensorflow';

export function isBackendChoice(value: string): value is BackendChoice {
  return (BACKEND_CHOICES as readonly string[]).includes(value);
}
