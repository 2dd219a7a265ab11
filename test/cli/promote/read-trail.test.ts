/** The trail as promotion and rollback read it: the one parser, the chain check, and deploy commits from the deploy repo's history. */
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleGit } from 'simple-git';
import { afterAll, describe, expect, it } from 'vitest';
import { serializeEntry } from '../../../compiler/audit/audit-entry.ts';
import { chainBreak } from '../../../compiler/audit/chain-break.ts';
import { parseTrail, trailEntries } from '../../../compiler/audit/parse-trail.ts';
import { readDeployCommits, readDeployTrail } from '../../../compiler/cli/trail/read-trail.ts';
import { buildTrail, hoursAfterStart as at } from '../../promote/support/trail.ts';
import { removeAll, tempDir } from './support.ts';

const made: string[] = [];
afterAll(async () => removeAll(made));

const entries = buildTrail([
  { event: 'deploy', time: '2026-10-31T23:00:00Z', sha: 'a1', changes: [{ environment: 'staging', version: '1.5.0' }] },
  { event: 'synced', time: at(1), sha: 'a1', cluster: 'stg-eu' },
  { event: 'deploy', time: at(2), sha: 'b2', changes: [{ environment: 'prod', version: '1.5.0' }] },
]);
const lines = entries.map(serializeEntry);

describe('the trail as promotion reads it: parseTrail and an unbroken chain', () => {
  const read = (files: { path: string; content: string }[]) => {
    const parsed = parseTrail(files);
    return { entries: trailEntries(parsed), broken: chainBreak(parsed, true) };
  };

  it('reads the months in order, whatever order the files come in', () => {
    expect(read([{ path: 'audit/2026-11.jsonl', content: `${lines[1]}\n${lines[2]}\n` }, { path: 'audit/2026-10.jsonl', content: `${lines[0]}\n` }])).toEqual({ entries, broken: undefined });
  });

  it('stops at malformed, foreign, removed, edited or reordered lines', () => {
    const at = (content: string) => read([{ path: 'audit/2026-10.jsonl', content }]).broken;
    expect(at('{oops\n')).toEqual({ file: 'audit/2026-10.jsonl', line: 1, reason: 'not an audit entry (not valid JSON)' });
    expect(at('{"seq":1}\n')).toEqual({ file: 'audit/2026-10.jsonl', line: 1, reason: 'not an audit entry (`time` is not a string)' });
    expect(at(`${lines[0]}\n${lines[2]}\n`)).toEqual({ file: 'audit/2026-10.jsonl', line: 2, seq: 3, reason: 'entry 3 does not chain to entry 1' });
    expect(at(`${lines[0]}\n${lines[1]!.replace('stg-eu', 'stg-us')}\n`)).toEqual({ file: 'audit/2026-10.jsonl', line: 2, seq: 2, reason: 'entry 2 does not match its hash (edited or forged)' });
    expect(at(`${lines[1]}\n${lines[0]}\n`)).toEqual({ file: 'audit/2026-10.jsonl', line: 1, seq: 2, reason: 'entry 2 does not chain to the start of the trail' });
  });
});

describe('readDeployTrail and readDeployCommits', () => {
  it('read the trail at HEAD and map each deploy to the commit that recorded it', async () => {
    const dir = await tempDir('mlops-trail-');
    made.push(dir);
    const git = simpleGit(dir);
    await git.init(['--initial-branch=main']);
    await git.addConfig('user.email', 'test@example.com').addConfig('user.name', 'Test');
    await mkdir(join(dir, 'audit'));
    const shas: string[] = [];
    for (const entry of entries) {
      await appendFile(join(dir, `audit/${entry.time.slice(0, 7)}.jsonl`), `${serializeEntry(entry)}\n`);
      await writeFile(join(dir, 'manifest.yaml'), `seq: ${entry.seq}\n`);
      await git.add('.').commit(`entry ${entry.seq}`);
      shas.push((await git.revparse(['HEAD'])).trim());
    }
    expect(await readDeployTrail(dir)).toEqual(entries);
    expect(await readDeployTrail(dir, 'HEAD~1')).toEqual(entries.slice(0, 2));
    expect(await readDeployCommits(dir)).toEqual(new Map([[1, shas[0]], [2, shas[1]], [3, shas[2]]]));
  });
});
