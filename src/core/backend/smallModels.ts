import type { ModelSpec } from '../spec/modelSpec';
import { layerSizes } from '../model/sizeLimits';

/**
 * Below this many multiply-adds in one batch's forward pass, `auto` trains on the pure-JavaScript cpu
 * backend: each wasm kernel call costs a fixed few microseconds around the arithmetic, which then
 * outweighs it. Measured on Dense models, 2 December 2026 (adam, ms per step, cpu vs wasm): 1,348
 * multiply-adds a batch 1.6 vs 2.9 ms (cpu 1.8x faster), 5,904 a tie, 26,656 wasm 1.3x faster,
 * 332,832 wasm 3.4x faster. XOR (260) and iris (1,072) fall below; every other example is far above.
 */
export const CPU_FASTER_BELOW_MULTIPLY_ADDS = 4_000;

/** The layers whose arithmetic is their Dense weights alone; a model of any other layer is never "small" here. */
const DENSE_ONLY = new Set(['Dense', 'Flatten', 'Dropout', 'Activation']);

/**
 * Multiply-adds of one batch through a model made only of Dense, Flatten, Dropout and Activation
 * layers (its weights times the batch size), or undefined for any other model (convolutions,
 * recurrent layers and embeddings are left to the wasm check).
 */
export function batchMultiplyAdds(spec: ModelSpec, featureShape: readonly number[]): number | undefined {
  if (!spec.model.every((layer) => DENSE_ONLY.has(layer.type))) return undefined;
  const sizes = [...layerSizes(spec, featureShape)].map(({ size }) => size);
  // Every layer sized (each of these has an output shape, so none stops the walk early).
  if (sizes.length !== spec.model.length) return undefined;
  return sizes.reduce((weights, size) => weights + size.params, 0) * spec.fit.batchSize;
}
