import { describe, expect, it } from 'vitest';
import { chainBreak } from '../../compiler/audit/chain-break.ts';
import { serializeEntry } from '../../compiler/audit/audit-entry.ts';
import { parseTrail, trailEntries } from '../../compiler/audit/parse-trail.ts';
import { chain, files, forged } from './support/trail-builder.ts';

const entries = chain(['2026-11-30T00:00:00Z', '2026-12-01T00:00:00Z', '2026-12-02T00:00:00Z']);

describe('the one trail parser', () => {
  it('locates every line, in month order, with its parsed time; other paths are ignored', () => {
    const lines = parseTrail([...files(entries).reverse(), { path: 'audit/notes.txt', content: 'x\n' }]);
    expect(lines.map((line) => [line.file, line.line, line.entry?.seq, line.time])).toEqual([
      ['audit/2026-11.jsonl', 1, 1, Date.parse('2026-11-30T00:00:00Z')],
      ['audit/2026-12.jsonl', 1, 2, Date.parse('2026-12-01T00:00:00Z')],
      ['audit/2026-12.jsonl', 2, 3, Date.parse('2026-12-02T00:00:00Z')],
    ]);
  });

  it('keeps a line without the deep shape of an entry as malformed, so no reader trips on it', () => {
    const bad = (edit: object) => serializeEntry({ ...entries[0]!, ...edit } as never);
    const lines = parseTrail([{ path: 'audit/2026-11.jsonl', content: [bad({ changes: [{ team: 1 }] }), bad({ time: 'yesterday' }), bad({ seq: 0 }), '[]', '{'].join('\n') }]);
    expect(lines.map((line) => line.error)).toEqual(['a member does not have the shape of an audit entry', '`time` is not a date', '`seq` is not a positive integer', 'not a JSON object', 'not valid JSON']);
    expect(trailEntries(lines)).toEqual([]);
  });
});

describe('chainBreak', () => {
  it('finds nothing in an intact trail, from the start or from its middle', () => {
    expect(chainBreak(parseTrail(files(entries)), true)).toBeUndefined();
    expect(chainBreak(parseTrail(files(entries.slice(1))), false)).toBeUndefined();
    expect(chainBreak(parseTrail(files(entries.slice(1))), true)).toMatchObject({ seq: 2, reason: 'entry 2 does not chain to the start of the trail' });
  });

  it('names the first edited or relinked line', () => {
    const edited = { ...entries[1]!, actor: 'mallory' };
    expect(chainBreak(parseTrail(files([entries[0]!, edited, entries[2]!])), true)).toEqual({ file: 'audit/2026-12.jsonl', line: 1, seq: 2, reason: 'entry 2 does not match its hash (edited or forged)' });
    const relinked = forged(entries[2]!, { prev: entries[0]!.hash });
    expect(chainBreak(parseTrail(files([entries[0]!, entries[1]!, relinked])), true)).toEqual({ file: 'audit/2026-12.jsonl', line: 2, seq: 3, reason: 'entry 3 does not chain to entry 2' });
  });
});
