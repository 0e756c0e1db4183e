import { BACKEND_CHOICES, type BackendChoice } from '../../shared/runResults';

export { BACKEND_CHOICES, type BackendChoice };
export type BackendName = Exclude<BackendChoice, 'auto'>;

/** tfjs registers tfjs-node's backend under this name. */
export const TFJS_NODE_BACKEND = 'tensorflow';

export function isBackendChoice(value: string): value is BackendChoice {
  return (BACKEND_CHOICES as readonly string[]).includes(value);
}
