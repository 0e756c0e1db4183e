/**
 * A text with repairs applied (a line re-indented, a stray line blanked, a control character
 * dropped) that still knows where each of its offsets was in the original, so problems found in
 * the repaired document point at the file the user has.
 */

interface Edit {
  /** Range replaced in the original text. */
  start: number;
  end: number;
  /** Its replacement. */
  text: string;
}

export class EditedText {
  /** The text with every edit applied. */
  readonly text: string;

  private constructor(
    readonly original: string,
    /** Sorted, non-overlapping, in original offsets. */
    private readonly edits: readonly Edit[],
  ) {
    let text = '';
    let at = 0;
    for (const edit of edits) {
      text += original.slice(at, edit.start) + edit.text;
      at = edit.end;
    }
    this.text = text + original.slice(at);
  }

  /** The original text, unedited. */
  static of(text: string): EditedText {
    return new EditedText(text, []);
  }

  get edited(): boolean {
    return this.edits.length > 0;
  }

  /** Replaces `[start, end)` of the current text; edits that touch it are merged into one. */
  replace(start: number, end: number, replacement: string): EditedText {
    const from = this.toOriginal(start, 'start');
    const to = this.toOriginal(end, 'end');
    let mergedStart = from;
    let mergedEnd = to;
    let touching: Edit[] = [];
    // Grow the range until no other edit touches it (an edit may touch only the one merged before it).
    for (let count = -1; count !== touching.length; ) {
      count = touching.length;
      touching = this.edits.filter((e) => e.end >= mergedStart && e.start <= mergedEnd);
      mergedStart = Math.min(mergedStart, ...touching.map((e) => e.start));
      mergedEnd = Math.max(mergedEnd, ...touching.map((e) => e.end));
    }
    // The merged edit's text: what the current text shows around the replaced range, inside the merge.
    const text = this.text.slice(this.toCurrent(mergedStart, 'start'), start) + replacement + this.text.slice(end, this.toCurrent(mergedEnd, 'end'));
    const edits = [...this.edits.filter((e) => !touching.includes(e)), { start: mergedStart, end: mergedEnd, text }].sort((a, b) => a.start - b.start);
    return new EditedText(this.original, edits);
  }

  /**
   * The original offset of a current one. Inside a replacement, offsets map to the same distance
   * into the replaced text, clamped to it; where text was deleted, `bias` picks its start or its end.
   */
  toOriginal(offset: number, bias: 'start' | 'end' = 'start'): number {
    let delta = 0;
    for (const edit of this.edits) {
      const newStart = edit.start + delta;
      if (offset < newStart) break;
      if (offset < newStart + edit.text.length) return Math.min(edit.start + (offset - newStart), edit.end);
      if (offset === newStart && bias === 'start') return edit.start;
      delta += edit.text.length - (edit.end - edit.start);
    }
    return offset - delta;
  }

  /** The current offset of an original one; one inside an edit maps to its replacement's start or end. */
  private toCurrent(offset: number, bias: 'start' | 'end'): number {
    let delta = 0;
    for (const edit of this.edits) {
      if (offset < edit.start) break;
      const newStart = edit.start + delta;
      if (offset < edit.end || (offset === edit.start && edit.start === edit.end)) {
        return bias === 'end' && !(offset === edit.start && edit.start !== edit.end) ? newStart + edit.text.length : newStart;
      }
      delta += edit.text.length - (edit.end - edit.start);
    }
    return offset + delta;
  }
}
