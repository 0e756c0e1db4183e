/**
 * Layer names as Keras gives them: `dense`, `dense_1`, `flatten`, `max_pooling2d` (snake_case of
 * the class, numbered per class from the second one). tfjs names layers from a process-wide counter
 * instead (`dense_Dense1`, and `dense_Dense57` in a long-lived worker), which reads as noise next to
 * every Keras tutorial.
 */

export interface NamedLayer {
  /** The layer's name in the tfjs model. */
  name: string;
  /** Its class, e.g. `Dense`, `MaxPooling2D`. */
  className: string;
}

/** Keras' `to_snake_case` (tfjs' toSnakeCase is the same): `MaxPooling2D` -> `max_pooling2d`. */
export function toSnakeCase(className: string): string {
  return className
    .replace(/(.)([A-Z][a-z0-9]+)/g, '$1_$2')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/**
 * Whether tfjs generated this name (`<snake_case>_<Class><n>`): a name from the model file's `name:`
 * is kept as written, so only generated names are replaced. Read from the model alone, so it also
 * works for a model loaded from a run folder's model.json.
 */
export function isGeneratedName(layer: NamedLayer): boolean {
  return new RegExp(`^${escapeRegExp(toSnakeCase(layer.className))}_${escapeRegExp(layer.className)}\\d+$`).test(layer.name);
}

/** The Keras name of each layer, in order; names the model file gave are kept and never reused. */
export function kerasLayerNames(layers: readonly NamedLayer[]): string[] {
  const taken = new Set(layers.filter((l) => !isGeneratedName(l)).map((l) => l.name));
  const counts = new Map<string, number>();
  return layers.map((layer) => {
    if (!isGeneratedName(layer)) return layer.name;
    const base = toSnakeCase(layer.className);
    let name: string;
    do {
      const n = counts.get(base) ?? 0;
      counts.set(base, n + 1);
      name = n === 0 ? base : `${base}_${n}`;
    } while (taken.has(name));
    taken.add(name);
    return name;
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
