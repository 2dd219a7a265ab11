import { LineCounter } from 'yaml';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../compiler/load/line-index.ts';

function both(starts: readonly number[]): [LineIndex, LineCounter] {
  const index = new LineIndex();
  const counter = new LineCounter();
  for (const start of starts) {
    index.addNewLine(start);
    counter.addNewLine(start);
  }
  return [index, counter];
}

describe('LineIndex', () => {
  it('answers every offset as yaml’s LineCounter does', () => {
    for (const starts of [[], [0], [0, 1, 2], [0, 5, 12, 13, 40], [3, 9]]) {
      const [index, counter] = both(starts);
      for (let offset = -1; offset <= 45; offset++) expect(index.linePos(offset)).toEqual(counter.linePos(offset));
      expect(index.lineStarts).toEqual(counter.lineStarts);
    }
  });

  it('gives 1-based lines and columns', () => {
    const [index] = both([0, 4, 10]);
    expect(index.linePos(0)).toEqual({ line: 1, col: 1 });
    expect(index.linePos(6)).toEqual({ line: 2, col: 3 });
    expect(index.linePos(12)).toEqual({ line: 3, col: 3 });
  });
});
