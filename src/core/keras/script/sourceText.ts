import { LineIndex } from '../../modelFile/sourcePositions';

/** Line and column (1-based) of offsets in a script, counted as the model files' are, and its statements' text for warnings. */
export class SourceText {
  private readonly lines: LineIndex;

  constructor(readonly text: string) {
    this.lines = new LineIndex(text);
  }

  position(offset: number): { line: number; column: number } {
    return this.lines.position(offset);
  }

  /** The code at a range on one line, shortened, for a warning: `plt.plot(history.history['loss'])`. */
  snippet(from: number, to: number, max = 70): string {
    const flat = this.text.slice(from, to).replace(/\s*\n\s*/g, ' ').trim();
    return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
  }
}
