import { mulberry32 } from '../random';

/**
 * Runs `work` with Math.random replaced by a seeded generator. TensorFlow.js draws every unseeded
 * random number (weight initializers, Dropout masks) from Math.random, and giving Dropout a fixed
 * `seed` would repeat one mask every batch, so this is how the same file and seed give the same
 * history. Training owns its process (a worker or the CLI), so nothing else draws meanwhile.
 */
export async function withSeededMathRandom<T>(seed: number, work: () => Promise<T>): Promise<T> {
  const original = Math.random;
  Math.random = mulberry32(seed);
  try {
    return await work();
  } finally {
    Math.random = original;
  }
}
