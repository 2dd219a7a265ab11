import { describe, expect, it } from 'vitest';
import { serializeEntry } from '../../compiler/audit/audit-entry.ts';
import { parseTrail } from '../../compiler/audit/parse-trail.ts';
import { verifyTrail } from '../../compiler/audit/verify-trail.ts';
import { chain, files, forged } from './support/trail-builder.ts';

const TIMES = ['2026-11-29T10:00:00Z', '2026-11-30T10:00:00Z', '2026-12-01T10:00:00Z', '2026-12-01T11:00:00Z', '2026-12-02T10:00:00Z'];

function verify(entries: Parameters<typeof files>[0], options = {}) {
  return verifyTrail(parseTrail(files(entries)), options);
}

describe('verifyTrail', () => {
  it('accepts an intact chain across monthly files', () => {
    const trail = files(chain(TIMES));
    expect(trail.map((file) => file.path)).toEqual(['audit/2026-11.jsonl', 'audit/2026-12.jsonl']);
    expect(verifyTrail(parseTrail(trail))).toEqual({ ok: true, entries: 5, lastSeq: 5, problems: [] });
  });

  it('names an edited line by file, line and seq', () => {
    const entries = chain(TIMES);
    entries[3] = { ...entries[3]!, approvers: ['mallory'] };
    const result = verify(entries);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([{ kind: 'edited', file: 'audit/2026-12.jsonl', line: 2, seq: 4, message: expect.stringContaining('Entry 4 was edited') }]);
  });

  it('names an edited entry whose hash was recomputed, through the next entry', () => {
    const entries = chain(TIMES);
    entries[1] = forged(entries[1]!, { approvers: ['mallory'] });
    expect(verify(entries).problems).toEqual([{ kind: 'edited', file: 'audit/2026-11.jsonl', line: 2, seq: 2, message: expect.stringContaining('entry 3 (audit/2026-12.jsonl:1) records a different hash') }]);
  });

  it('names a removed line', () => {
    const entries = chain(TIMES);
    entries.splice(2, 1);
    expect(verify(entries).problems).toEqual([{ kind: 'removed', file: 'audit/2026-12.jsonl', line: 1, seq: 4, message: 'Entry 3 was removed before entry 4.' }]);
  });

  it('names an inserted line, even with a valid hash and link', () => {
    const entries = chain(TIMES);
    const intruder = forged(entries[2]!, { actor: 'mallory' });
    entries.splice(2, 0, intruder);
    expect(verify(entries).problems).toEqual([expect.objectContaining({ kind: 'inserted', file: 'audit/2026-12.jsonl', line: 1, seq: 3 })]);
  });

  it('names reordered lines', () => {
    const entries = chain(TIMES);
    [entries[2], entries[3]] = [entries[3]!, entries[2]!];
    const problems = verify(entries).problems;
    expect(problems.map((problem) => [problem.kind, problem.file, problem.line, problem.seq])).toEqual([
      ['reordered', 'audit/2026-12.jsonl', 1, 4],
      ['reordered', 'audit/2026-12.jsonl', 2, 3],
    ]);
  });

  it('finds entries cut off the end against the last seq the deploy commits name', () => {
    const entries = chain(TIMES).slice(0, 3);
    expect(verify(entries, { expectedLastSeq: 5 }).problems).toEqual([expect.objectContaining({ kind: 'truncated', seq: 4, message: expect.stringContaining('Entries 4, 5 were removed from the end') })]);
  });

  it('reports malformed, misplaced and rewritten lines', () => {
    const entries = chain(TIMES.slice(0, 2));
    const trail = files(entries);
    trail[0] = { path: 'audit/2026-11.jsonl', content: `${serializeEntry(entries[0]!)}\nnot json\n${JSON.stringify(entries[1], null, 1).replace(/\n/g, '')}\n` };
    trail.push({ path: 'audit/2026-10.jsonl', content: '' });
    const problems = verifyTrail(parseTrail(trail)).problems;
    expect(problems.map((problem) => [problem.kind, problem.line])).toEqual([
      ['malformed', 2],
      ['not-canonical', 3],
    ]);
    const moved = files(entries).map((file) => ({ ...file, path: 'audit/2026-10.jsonl' }));
    expect(verifyTrail(parseTrail(moved)).problems.map((problem) => problem.kind)).toEqual(['misplaced', 'misplaced']);
  });
});
