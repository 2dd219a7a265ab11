import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffLines, splitLines, unifiedDiff } from '../../../compiler/plan/diff/line-diff.ts';

/** Applies a unified diff's hunks to the old lines (a tiny `patch`), to check hunks are consistent. */
function applyUnified(oldLines: readonly string[], diff: string): string[] {
  const lines = splitLines(diff).slice(2);
  const result: string[] = [];
  let cursor = 0;
  for (let index = 0; index < lines.length; index++) {
    const header = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@$/.exec(lines[index]!);
    if (!header) throw new Error(`expected a hunk header, got ${lines[index]}`);
    const oldStart = Number(header[1]) - (header[2] === '0' ? 0 : 1);
    result.push(...oldLines.slice(cursor, oldStart));
    cursor = oldStart;
    while (index + 1 < lines.length && !lines[index + 1]!.startsWith('@@')) {
      const line = lines[++index]!;
      if (line.startsWith(' ')) {
        expect(oldLines[cursor]).toBe(line.slice(1));
        result.push(line.slice(1));
        cursor++;
      } else if (line.startsWith('-')) {
        expect(oldLines[cursor]).toBe(line.slice(1));
        cursor++;
      } else result.push(line.slice(1));
    }
  }
  return [...result, ...oldLines.slice(cursor)];
}

describe('diffLines', () => {
  it('finds the shortest edit script', () => {
    expect(diffLines(['a', 'b', 'c', 'a', 'b', 'b', 'a'], ['c', 'b', 'a', 'b', 'a', 'c']).filter((line) => line.op !== ' ')).toHaveLength(5);
  });

  it('reconstructs both sides for any input', () => {
    const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd', ''), { maxLength: 30 });
    fc.assert(
      fc.property(lines, lines, (a, b) => {
        const script = diffLines(a, b);
        expect(script.filter((line) => line.op !== '+').map((line) => line.text)).toEqual(a);
        expect(script.filter((line) => line.op !== '-').map((line) => line.text)).toEqual(b);
      }),
    );
  });
});

describe('unifiedDiff', () => {
  it('prints git-style hunks with three lines of context, merging close changes', () => {
    const before = 'a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\n';
    const after = 'a\nB\nc\nd\ne\nf\ng\nh\nI\nj\nk\n';
    expect(unifiedDiff('x.yaml', before, after).text).toBe(
      ['--- a/x.yaml', '+++ b/x.yaml', '@@ -1,11 +1,11 @@', ' a', '-b', '+B', ' c', ' d', ' e', ' f', ' g', ' h', '-i', '+I', ' j', ' k', ''].join('\n'),
    );
  });

  it('splits changes further apart than twice the context', () => {
    const before = Array.from({ length: 20 }, (_, index) => `line ${index + 1}`);
    const after = before.map((line, index) => (index === 1 || index === 17 ? `${line}!` : line));
    const diff = unifiedDiff('x.yaml', `${before.join('\n')}\n`, `${after.join('\n')}\n`);
    expect(diff.text.split('\n').filter((line) => line.startsWith('@@'))).toEqual(['@@ -1,5 +1,5 @@', '@@ -15,6 +15,6 @@']);
    expect(diff).toMatchObject({ added: 2, removed: 2 });
  });

  it('shows created and deleted files against /dev/null', () => {
    expect(unifiedDiff('x.yaml', undefined, 'a\n').text).toBe('--- /dev/null\n+++ b/x.yaml\n@@ -0,0 +1 @@\n+a\n');
    expect(unifiedDiff('x.yaml', 'a\nb\n', undefined).text).toBe('--- a/x.yaml\n+++ /dev/null\n@@ -1,2 +0,0 @@\n-a\n-b\n');
  });

  it('is empty for equal texts', () => {
    expect(unifiedDiff('x.yaml', 'a\n', 'a\n')).toEqual({ text: '', added: 0, removed: 0 });
  });

  it('produces hunks that patch the old text into the new one', () => {
    const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 40 });
    fc.assert(
      fc.property(lines, lines, fc.integer({ min: 0, max: 4 }), (a, b, context) => {
        const text = (lines: string[]) => lines.map((line) => `${line}\n`).join('');
        const diff = unifiedDiff('x', text(a), text(b), context);
        expect(diff.text === '' ? a : applyUnified(a, diff.text)).toEqual(b);
      }),
    );
  });
});
