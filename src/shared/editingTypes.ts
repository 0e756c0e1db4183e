/**
 * What the editing features of a model file (completion, hover, outline, inlay hints) exchange as plain
 * data: the worker computes them from the text, the host turns them into VS Code objects. Positions are
 * character offsets into the text the request carried, which the host maps with `positionAt`.
 */

/** A span of the text: `start` inclusive, `end` exclusive, as character offsets. */
export interface OffsetRange {
  start: number;
  end: number;
}

export type CompletionKind = 'section' | 'property' | 'layer' | 'value' | 'enum' | 'column' | 'snippet';

/** One completion proposal. */
export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  /** One line beside the label: the type and the Keras default, e.g. `integer ≥ 1 · default 32`. */
  detail?: string;
  /** Markdown shown in the details pane. */
  documentation?: string;
  /** The text inserted; a snippet (`${1:64}`) when `snippet` is true. */
  insertText: string;
  snippet?: boolean;
  /** What the insertion replaces (the word being typed). */
  range: OffsetRange;
  /** Orders proposals: lower first. */
  sortText?: string;
  /** The key's value has proposals of its own (names, booleans): ask for them right after inserting. */
  suggestValue?: boolean;
}

export interface HoverInfo {
  /** Markdown. */
  markdown: string;
  range: OffsetRange;
  /** Set when the hover is on a layer, so the host can add its output shape and parameter count. */
  layerIndex?: number;
}

export type OutlineKind = 'section' | 'layer' | 'property';

/** One entry of the Outline view and breadcrumbs. */
export interface OutlineSymbol {
  name: string;
  detail: string;
  kind: OutlineKind;
  /** The whole entry. */
  range: OffsetRange;
  /** Its name (the key), to reveal and highlight. */
  selectionRange: OffsetRange;
  children: OutlineSymbol[];
  /** For layers: the index in `model`. */
  layerIndex?: number;
}

/** A layer of a built model, as Keras' summary shows it; in the order of the file's `model` list. */
export interface LayerShape {
  /** Layer class, e.g. `Dense`. */
  type: string;
  /** `(None, 128)`. */
  outputShape: string;
  params: number;
}
