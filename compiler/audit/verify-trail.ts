/**
 * verifyTrail: checks the hash chain of an audit trail and names every entry that was edited,
 * removed, inserted or moved — by file, line and sequence number. An entry's own hash catches an edit;
 * the next entry's `prev` catches an edit whose hash was recomputed; sequence numbers catch removed,
 * inserted and reordered lines; the last sequence number the deploy commits name (their
 * `Mlops-Audit-Seq:` trailers) catches entries cut off the end. Pure.
 */
import { type AuditEntry, auditFilePath, entryHash, GENESIS_HASH, serializeEntry } from './audit-entry.ts';
import type { TrailLine } from './parse-trail.ts';

/** What is wrong with one line. */
export type TrailProblemKind = 'malformed' | 'edited' | 'removed' | 'inserted' | 'reordered' | 'broken-link' | 'misplaced' | 'not-canonical' | 'truncated'
  /** A superseded merge's record names, as the deploy commit that includes it, no deploy commit of the branch (found by `mlops audit verify`, which reads the history). */
  | 'dangling-include';

/** One problem, located. */
export interface TrailProblem {
  readonly kind: TrailProblemKind;
  readonly file: string;
  /** 1-based line; 0 when the problem is the end of the trail. */
  readonly line: number;
  /** The sequence number of the entry named, when known. */
  readonly seq?: number;
  /** One sentence. */
  readonly message: string;
}

/** The verdict. */
export interface TrailVerification {
  readonly ok: boolean;
  /** Well-formed entries read. */
  readonly entries: number;
  readonly lastSeq: number;
  readonly problems: readonly TrailProblem[];
}

/** Options of `verifyTrail`. */
export interface VerifyOptions {
  /** The highest `Mlops-Audit-Seq:` the deploy repo's commits name: a trail ending before it lost entries at its end. */
  readonly expectedLastSeq?: number;
}

interface Located {
  readonly line: TrailLine;
  readonly entry: AuditEntry;
}

function at(located: Located, kind: TrailProblemKind, message: string): TrailProblem {
  return { kind, file: located.line.file, line: located.line.line, seq: located.entry.seq, message };
}

/** Verifies the trail's lines (from `parseTrail`). */
export function verifyTrail(lines: readonly TrailLine[], options: VerifyOptions = {}): TrailVerification {
  const problems: TrailProblem[] = [];
  const entries: Located[] = [];
  for (const line of lines) {
    if (line.entry) entries.push({ line, entry: line.entry });
    else problems.push({ kind: 'malformed', file: line.file, line: line.line, message: `Line is not an audit entry (${line.error ?? 'unreadable'}).` });
  }
  const bySeq = new Map<number, Located[]>();
  for (const located of entries) bySeq.set(located.entry.seq, [...(bySeq.get(located.entry.seq) ?? []), located]);
  const edited = new Set<Located>();
  for (const located of entries) {
    const { entry } = located;
    if (entryHash(entry) !== entry.hash) {
      edited.add(located);
      problems.push(at(located, 'edited', `Entry ${entry.seq} was edited: its content no longer matches its hash.`));
    } else if (serializeEntry(entry) !== located.line.text) {
      problems.push(at(located, 'not-canonical', `Entry ${entry.seq} is not stored in canonical form (the line was rewritten).`));
    }
    if (auditFilePath(entry.time) !== located.line.file) problems.push(at(located, 'misplaced', `Entry ${entry.seq} (time ${entry.time}) belongs in ${auditFilePath(entry.time)}, not ${located.line.file}.`));
  }

  const intruders = new Set<Located>();
  for (const [index, located] of entries.entries()) {
    const twins = bySeq.get(located.entry.seq)!;
    if (twins.length < 2) continue;
    // Of two entries with one sequence number, the genuine one is the one the next entry links to.
    const next = entries[index + 1];
    if (next && next.entry.prev === located.entry.hash) for (const twin of twins) if (twin !== located) intruders.add(twin);
  }
  for (const twins of bySeq.values()) {
    if (twins.length > 1 && !twins.some((twin) => intruders.has(twin))) for (const twin of twins.slice(1)) intruders.add(twin);
  }
  for (const located of intruders) problems.push(at(located, 'inserted', `Entry ${located.entry.seq} was inserted: another entry carries the same sequence number and the chain runs through that one.`));

  let maxSeq = 0;
  for (const located of entries) {
    if (intruders.has(located)) continue;
    const { entry } = located;
    const expected = maxSeq + 1;
    if (entry.seq < expected) {
      problems.push(at(located, 'reordered', `Entry ${entry.seq} is out of order: it comes after entry ${maxSeq}.`));
    } else if (entry.seq > expected) {
      const missing: number[] = [];
      const moved: number[] = [];
      for (let seq = expected; seq < entry.seq; seq++) (bySeq.has(seq) ? moved : missing).push(seq);
      if (moved.length > 0) problems.push(at(located, 'reordered', `Entry ${entry.seq} is out of order: it comes before entr${moved.length === 1 ? 'y' : 'ies'} ${moved.join(', ')}.`));
      if (missing.length > 0) problems.push(at(located, 'removed', `Entr${missing.length === 1 ? 'y' : 'ies'} ${range(missing)} ${missing.length === 1 ? 'was' : 'were'} removed before entry ${entry.seq}.`));
    }
    maxSeq = Math.max(maxSeq, entry.seq);
    const previous = entry.seq === 1 ? undefined : bySeq.get(entry.seq - 1)?.find((candidate) => !intruders.has(candidate));
    const expectedPrev = entry.seq === 1 ? GENESIS_HASH : previous?.entry.hash;
    if (expectedPrev !== undefined && entry.prev !== expectedPrev && !(previous && edited.has(previous))) {
      if (previous) problems.push(at(previous, 'edited', `Entry ${previous.entry.seq} was replaced: entry ${entry.seq} (${located.line.file}:${located.line.line}) records a different hash for it.`));
      else problems.push(at(located, 'broken-link', `Entry 1 does not start the chain (its prev is not the genesis hash).`));
    }
  }
  const expectedLast = options.expectedLastSeq ?? 0;
  if (expectedLast > maxSeq) {
    const last = entries[entries.length - 1];
    problems.push({ kind: 'truncated', file: last?.line.file ?? 'audit/', line: 0, seq: maxSeq + 1, message: `Entries ${range(seqRange(maxSeq + 1, expectedLast))} were removed from the end: the deploy commits name entry ${expectedLast}, the trail ends at ${maxSeq}.` });
  }
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  return { ok: problems.length === 0, entries: entries.length, lastSeq: maxSeq, problems };
}

function seqRange(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

function range(seqs: readonly number[]): string {
  return seqs.length > 2 && seqs[seqs.length - 1]! - seqs[0]! === seqs.length - 1 ? `${seqs[0]}–${seqs[seqs.length - 1]}` : seqs.join(', ');
}
