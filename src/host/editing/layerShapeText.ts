import type { LayerShape } from '../../shared/editingTypes';

/** `(None, 128)` and `100,480 params`, as the inlay hints and hovers show a layer. */
export function layerShapeText(shape: LayerShape): { shape: string; params: string } {
  return { shape: shape.outputShape, params: `${shape.params.toLocaleString('en-US')} param${shape.params === 1 ? '' : 's'}` };
}
