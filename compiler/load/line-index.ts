/**
 * Line starts of a file's text, answering `{ line, col }` for an offset exactly as `yaml`'s
 * `LineCounter` does (same fields, same binary search), so parsing well-formed config does not load
 * the `yaml` library (see yaml-library.ts).
 */

/** A `LineCounter` of the `yaml` library, without the library. */
export class LineIndex {
  /** Offsets at which lines start, ascending. */
  readonly lineStarts: number[] = [];

  /** Records that a line starts at `offset` (call in ascending order). */
  readonly addNewLine = (offset: number): number => this.lineStarts.push(offset);

  /** The 1-based `{ line, col }` of `offset`; line 0 when `offset` is before the first recorded line start. */
  readonly linePos = (offset: number): { line: number; col: number } => {
    let low = 0;
    let high = this.lineStarts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.lineStarts[mid]! < offset) low = mid + 1;
      else high = mid;
    }
    if (this.lineStarts[low] === offset) return { line: low + 1, col: 1 };
    if (low === 0) return { line: 0, col: offset };
    const start = this.lineStarts[low - 1]!;
    return { line: low, col: offset - start + 1 };
  };
}
