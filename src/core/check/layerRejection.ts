/**
 * TensorFlow.js' reasons for rejecting a layer, in our words. tfjs says `Input 0 is incompatible
 * with layer conv2d_Conv2D1: expected ndim=4, found ndim=2`, naming an internal layer and counting
 * dimensions with the batch; a user needs what the layer takes, what it got and what to change.
 */

type Shape = ReadonlyArray<number | null>;

/**
 * The message of a layer tfjs refused to add: `Conv2D cannot follow the previous layer (output
 * shape [None, 16]): it needs images, ...`. `first` when its input is the data itself.
 */
export function layerRejectionMessage(layerType: string, inputShape: Shape, first: boolean, err: unknown): string {
  const raw = err instanceof Error ? err.message : String(err);
  const previous = first ? `the input (shape ${formatShape(inputShape)})` : `the previous layer (output shape ${formatShape(inputShape)})`;
  return `${layerType} cannot follow ${previous}: ${explainRejection(layerType, inputShape, raw, first)}`;
}

/**
 * A later-stage message with any tfjs wording replaced: the buildModel form `X cannot follow ...:
 * <tfjs text>` is rebuilt with layerRejectionMessage, other known tfjs phrases are reworded.
 */
export function inOurWords(message: string): string {
  const rejection = /^(\w+) cannot follow (?:the input \(shape (\[[^\]]*\])\)|the previous layer \(output shape (\[[^\]]*\])\)): ([\s\S]*)$/.exec(message);
  if (rejection && looksLikeTfjs(rejection[4])) {
    const [, type, inputShape, previousShape, raw] = rejection;
    return layerRejectionMessage(type, parseShape(inputShape ?? previousShape), inputShape !== undefined, new Error(raw));
  }
  return looksLikeTfjs(message) ? rewordTfjs(message) : message;
}

function looksLikeTfjs(text: string): boolean {
  return /ndim=|Input \d+ is incompatible|Negative dimension size|should have a defined dimension|Error when checking|to have shape|dimension\(s\)/.test(text);
}

function explainRejection(type: string, input: Shape, raw: string, first: boolean): string {
  const got = formatShape(input);
  const ndim = /expected ndim=(\d+), found ndim=(\d+)/.exec(raw);
  if (ndim) {
    const needed = Number(ndim[1]);
    if (needed === 4) return `it needs images, shaped [None, height, width, channels], but gets ${got}. ${imagesAdvice(input, first)}`;
    if (needed === 3) return `it needs sequences, shaped [None, timesteps, features], but gets ${got}. ${sequencesAdvice(input, first)}`;
    return `it needs ${needed - 1} dimension${needed === 2 ? '' : 's'} per sample (${needed} with the batch), but gets ${got}`;
  }
  const minimum = /expected min_ndim=(\d+), found ndim=(\d+)/.exec(raw);
  if (minimum) {
    if (type === 'Flatten') return `its input ${got} is already flat: remove the Flatten`;
    return `it needs at least ${Number(minimum[1]) - 1} dimensions per sample, but gets ${got}`;
  }
  const maximum = /expected max_ndim=(\d+), found ndim=(\d+)/.exec(raw);
  if (maximum) return `it takes at most ${Number(maximum[1]) - 1} dimensions per sample, but gets ${got}: put a Flatten before it`;
  if (/Negative dimension size/.test(raw)) {
    return `its kernel_size or pool_size is larger than its input ${got}: use a smaller one, or padding: same (or fewer pooling layers before it)`;
  }
  const axis = /Axis (-?\d+) of input tensor should have a defined dimension/.exec(raw);
  if (axis) return `its axis ${axis[1]} does not exist in its input ${got}: use axis: -1 (the last one, the default)`;
  return rewordTfjs(raw);
}

function imagesAdvice(input: Shape, first: boolean): string {
  const size = input.length === 2 ? input[1] : null;
  const side = size === null ? 0 : Math.round(Math.sqrt(size));
  const reshape = side > 1 && side * side === size ? `put a Reshape: { target_shape: [${side}, ${side}, 1] } before it` : 'put a Reshape: { target_shape: [height, width, channels] } before it';
  return first ? `Give it input_shape: [height, width, channels], or ${reshape}` : `Move it before the layers that flatten the data, or ${reshape}`;
}

function sequencesAdvice(input: Shape, first: boolean): string {
  const size = input.length === 2 ? input[1] : null;
  const reshape = size === null ? 'put a Reshape: { target_shape: [timesteps, features] } before it' : `put a Reshape: { target_shape: [${size}, 1] } before it (${size} steps of 1 value)`;
  return first ? `Give it input_shape: [timesteps, features], or ${reshape}` : `Put an Embedding before it for token indices, or ${reshape}`;
}

/** Known tfjs phrases anywhere in a text, reworded; the internal layer names dropped. */
function rewordTfjs(text: string): string {
  return text
    .split('\n')[0]
    .replace(/Input \d+ is incompatible with layer [\w.-]+: /g, '')
    .replace(/expected ndim=(\d+), found ndim=(\d+)/g, (_m, n: string, m: string) => `it needs ${Number(n) - 1} dimensions per sample, but gets ${Number(m) - 1}`)
    .replace(/expected min_ndim=(\d+), found ndim=(\d+)/g, (_m, n: string, m: string) => `it needs at least ${Number(n) - 1} dimensions per sample, but gets ${Number(m) - 1}`)
    .replace(/Negative dimension size caused by adding layer [\w.-]+ with input shape (\[[^\]]*\])/g, (_m, s: string) => `the kernel or pool is larger than the input ${formatShape(parseShape(s))}`)
    .replace(
      /Error when checking (input|target): expected [\w.-]+ to have shape (\[[^\]]*\]) but got array with shape (\[[^\]]*\])/g,
      (_m, what: string, expected: string, got: string) =>
        `the ${what === 'input' ? 'inputs' : 'targets'} must have shape ${formatShape(parseShape(expected))} (a batch of samples), but have ${formatShape(parseShape(got))}`,
    )
    .replace(
      /Error when checking (input|target): expected [\w.-]+ to have (\d+) dimension\(s\)[.,]? but got array with shape (\[[^\]]*\])/g,
      (_m, what: string, n: string, got: string) =>
        `the ${what === 'input' ? 'inputs' : 'targets'} must have ${Number(n) - 1} dimensions per sample, but have shape ${formatShape(parseShape(got))}`,
    )
    .replace(/\b[a-z][a-z0-9]*(?:_[a-z0-9]+)*_[A-Z][A-Za-z0-9]*\d+\b/g, 'this layer')
    .replace(/[.\s]+$/, '');
}

/** `[None, 16]` or tfjs' `[,2,2,1]` / `[null,4]`. */
function parseShape(text: string): Shape {
  const inner = text.replace(/^\[|\]$/g, '').trim();
  if (inner === '') return [];
  return inner.split(',').map((d) => {
    const n = Number(d.trim());
    return d.trim() === '' || !Number.isFinite(n) ? null : n;
  });
}

function formatShape(shape: Shape): string {
  return `[${shape.map((d) => (d === null ? 'None' : String(d))).join(', ')}]`;
}
