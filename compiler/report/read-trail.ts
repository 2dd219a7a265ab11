/**
 * Reads the audit trail's JSON Lines (`audit/YYYY-MM.jsonl`, as text) into entries ordered by `seq`,
 * noting lines that are not entries, breaks of the seq/prev chain and time running backwards (the
 * figures read the trail in order). Hashes are not recomputed here
 * (`mlops audit verify` does that); a removed, inserted or reordered line still shows as a break. Pure.
 */
import type { AuditEntry } from '../audit/audit-entry.ts';
import { asEntry, entryTime } from './entry-shape.ts';

/** One trail file: its path in the deploy repo and its text. */
export interface TrailFile {
  readonly path: string;
  readonly text: string;
}

/** The entries read, and what could not be read. */
export interface Trail {
  readonly entries: readonly AuditEntry[];
  /** `Date.parse(entries[i].time)`, parsed once for every figure. */
  readonly times: Float64Array;
  readonly files: number;
  readonly unreadableLines: readonly string[];
  readonly chainBreaks: readonly string[];
}

const MAX_NOTES = 20;

/** Parses every line of every file; files are taken in path order, entries sorted by `seq`. */
export function readTrail(files: readonly TrailFile[]): Trail {
  let entries: AuditEntry[] = [];
  let times: number[] = [];
  const unreadableLines: string[] = [];
  let unreadable = 0;
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const lines = file.text.split('\n');
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index]!;
      if (line.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        value = undefined;
      }
      const time = entryTime(value);
      if (Number.isFinite(time)) {
        entries.push(asEntry(value));
        times.push(time);
      } else if (++unreadable <= MAX_NOTES) unreadableLines.push(`${file.path}:${index + 1}`);
    }
  }
  if (entries.some((entry, index) => index > 0 && entry.seq < entries[index - 1]!.seq)) {
    const order = entries.map((_, index) => index).sort((a, b) => entries[a]!.seq - entries[b]!.seq);
    [entries, times] = [order.map((index) => entries[index]!), order.map((index) => times[index]!)];
  }
  const chainBreaks: string[] = [];
  for (let index = 0; index < entries.length && chainBreaks.length < MAX_NOTES; index++) {
    const entry = entries[index]!;
    const previous = entries[index - 1];
    if (previous === undefined ? entry.seq !== 1 : entry.seq !== previous.seq + 1) chainBreaks.push(`entry ${entry.seq} follows ${previous?.seq ?? 'the start'} (a gap or a duplicate)`);
    else if (previous !== undefined && entry.prev !== previous.hash) chainBreaks.push(`entry ${entry.seq} does not chain to entry ${previous.seq}`);
    else if (previous !== undefined && times[index]! < times[index - 1]!) chainBreaks.push(`entry ${entry.seq} is dated before entry ${previous.seq}`);
  }
  return { entries, times: Float64Array.from(times), files: files.length, unreadableLines, chainBreaks };
}
