import type { Tf } from './tfTypes';

export type TfjsNodeLoad = { ok: true; tf: Tf } | { ok: false; reason: string };

/**
 * Tries to load `@tensorflow/tfjs-node`. It is an optional dependency whose install downloads
 * libtensorflow, so where that failed the package is either absent (MODULE_NOT_FOUND) or present
 * without its native addon (a plain Error): ANY error means "not available".
 */
export function loadTfjsNode(requireFn: (id: string) => unknown = require): TfjsNodeLoad {
  try {
    const tf = requireFn('@tensorflow/tfjs-node') as Tf;
    if (typeof tf?.setBackend !== 'function') return { ok: false, reason: 'the module does not look like TensorFlow.js' };
    return { ok: true, tf };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, reason: firstLine(message) };
  }
}

function firstLine(text: string): string {
  return text.split('\n')[0].trim();
}
