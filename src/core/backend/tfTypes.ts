/**
 * The TensorFlow.js namespace the trainer works with. It is passed around rather than imported
 * everywhere because, when tfjs-node is the backend, its own copy of tfjs must be used: a backend
 * registers into one tfjs-core instance, and a bundled copy is a different one.
 */
export type Tf = typeof import('@tensorflow/tfjs');
