import type { SourcePosition, SourceRange } from '../diagnostics';

/**
 * Turns string offsets into 1-based line/column positions (UTF-16 columns, as editors count). Line
 * breaks are LF, CRLF and a lone CR, as in VS Code, so a line number means the line the user sees.
 */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.lineStarts.push(i + 1);
    }
  }

  /** The position of an offset, clamped to the text. */
  position(offset: number): SourcePosition {
    const at = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= at) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: at - this.lineStarts[low] + 1 };
  }

  /** The range between two offsets. */
  range(start: number, end: number): SourceRange {
    return { start: this.position(start), end: this.position(Math.max(start, end)) };
  }
}

/** The range used when there is nothing better to point at: the first character. */
export const FIRST_CHARACTER: SourceRange = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };

/** Turns offsets of a text into ranges: a LineIndex, or one that maps a repaired text's offsets back. */
export interface OffsetRanges {
  range(start: number, end: number): SourceRange;
}
