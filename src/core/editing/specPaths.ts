/** Spec paths the editing features treat specially. */

/** `['model', 2]`: a layer of the model list (`- Dense: {...}` or a bare `- Flatten`). */
export function isLayerItem(path: ReadonlyArray<string | number>): boolean {
  return path.length === 2 && path[0] === 'model' && typeof path[1] === 'number';
}
