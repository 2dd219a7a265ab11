/**
 * The audit trail as the report's figures read it: the entries the one trail parser
 * (compiler/audit/parse-trail.ts) accepts, ordered by `seq`, with their times parsed once, and notes
 * of lines that are not entries, breaks of the seq/prev chain and time running backwards. Hashes are
 * not recomputed here (`mlops audit verify` does that); a removed, inserted or reordered line still
 * shows as a break. Pure.
 */
import type { AuditEntry } from '../audit/audit-entry.ts';
import { type TrailFile, visitTrail } from '../audit/parse-trail.ts';

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

/** Parses every line of every file with the one trail parser (`visitTrail`); files are taken in path order, entries sorted by `seq`. */
export function reportTrail(files: readonly TrailFile[]): Trail {
  let entries: AuditEntry[] = [];
  let times: number[] = [];
  const unreadableLines: string[] = [];
  let unreadable = 0;
  visitTrail(files, (file, line, _text, entry, time) => {
    if (entry) {
      entries.push(entry);
      times.push(time);
    } else if (++unreadable <= MAX_NOTES) unreadableLines.push(`${file}:${line}`);
  });
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
