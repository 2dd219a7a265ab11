/**
 * A line diff (Myers' O(ND) algorithm) and its unified rendering with context hunks, as `git diff`
 * prints them. Used for the per-resource YAML diffs of a plan.
 */

/** One line of an edit script. */
export interface DiffLine {
  readonly op: ' ' | '-' | '+';
  readonly text: string;
}

/** Past this many edits the exact diff is skipped: the whole old text is removed and the new added. */
const MAX_EDIT_DISTANCE = 2000;

/** Splits text into lines; a trailing newline does not make an extra empty line. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** Furthest-reaching x per diagonal k ∈ [-d-1, d+1] before step d, stored at index k + d + 1. */
type Snapshot = Int32Array;

function backtrack(a: readonly string[], b: readonly string[], trace: Snapshot[]): DiffLine[] {
  const script: DiffLine[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d >= 0; d--) {
    const snapshot = trace[d]!;
    const at = (k: number) => snapshot[k + d + 1]!;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const previousK = down ? k + 1 : k - 1;
    const previousX = d === 0 ? 0 : at(previousK);
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      script.push({ op: ' ', text: a[x - 1]! });
      x--;
      y--;
    }
    if (d === 0) break;
    if (down) script.push({ op: '+', text: b[y - 1]! });
    else script.push({ op: '-', text: a[x - 1]! });
    x = previousX;
    y = previousY;
  }
  return script.reverse();
}

/** The shortest edit script turning `a` into `b` (falls back to remove-all/add-all when huge). */
export function diffLines(a: readonly string[], b: readonly string[]): DiffLine[] {
  const max = a.length + b.length;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Snapshot[] = [];
  for (let d = 0; d <= Math.min(max, MAX_EDIT_DISTANCE); d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!);
      let x = down ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < a.length && y < b.length && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= a.length && y >= b.length) return backtrack(a, b, trace);
    }
  }
  return [...a.map((text) => ({ op: '-' as const, text })), ...b.map((text) => ({ op: '+' as const, text }))];
}

/** A unified diff with its line counts. */
export interface UnifiedDiff {
  /** Empty when the texts are equal. */
  readonly text: string;
  readonly added: number;
  readonly removed: number;
}

function hunkRange(start: number, count: number): string {
  if (count === 0) return `${start - 1},0`;
  return count === 1 ? `${start}` : `${start},${count}`;
}

/**
 * Renders `old` → `new` as a unified diff with `context` lines around each change. A missing side
 * (`undefined`) is shown as `/dev/null`, like a created or deleted file.
 */
export function unifiedDiff(path: string, oldText: string | undefined, newText: string | undefined, context = 3): UnifiedDiff {
  const script = diffLines(splitLines(oldText ?? ''), splitLines(newText ?? ''));
  const added = script.filter((line) => line.op === '+').length;
  const removed = script.filter((line) => line.op === '-').length;
  if (added + removed === 0) return { text: '', added, removed };
  const out = [`--- ${oldText === undefined ? '/dev/null' : `a/${path}`}`, `+++ ${newText === undefined ? '/dev/null' : `b/${path}`}`];
  const changed = script.map((line) => line.op !== ' ');
  let index = 0;
  let oldLine = 1;
  let newLine = 1;
  while (index < script.length) {
    const next = changed.indexOf(true, index);
    if (next === -1) break;
    const start = Math.max(index, next - context);
    for (let skip = index; skip < start; skip++) {
      oldLine++;
      newLine++;
    }
    let end = next;
    while (end < script.length) {
      const nextChange = changed.indexOf(true, end + 1);
      if (nextChange === -1 || nextChange - end - 1 > 2 * context) break;
      end = nextChange;
    }
    const stop = Math.min(script.length, end + context + 1);
    const lines = script.slice(start, stop);
    const oldCount = lines.filter((line) => line.op !== '+').length;
    const newCount = lines.filter((line) => line.op !== '-').length;
    out.push(`@@ -${hunkRange(oldLine, oldCount)} +${hunkRange(newLine, newCount)} @@`);
    for (const line of lines) out.push(`${line.op}${line.text}`);
    oldLine += oldCount;
    newLine += newCount;
    index = stop;
  }
  return { text: `${out.join('\n')}\n`, added, removed };
}
