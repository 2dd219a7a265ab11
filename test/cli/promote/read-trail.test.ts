/** The promote/rollback trail reader: parsing and chain checks, and deploy commits from the deploy repo's history. */
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleGit } from 'simple-git';
import { afterAll, describe, expect, it } from 'vitest';
import { serializeEntry } from '../../../compiler/audit/audit-entry.ts';
import { parseTrail } from '../../../compiler/cli/promote/parse-trail.ts';
import { readDeployCommits, readDeployTrail } from '../../../compiler/cli/promote/read-trail.ts';
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

describe('parseTrail', () => {
  it('reads the months in order, whatever order the files come in', () => {
    expect(parseTrail([{ path: 'audit/2026-11.jsonl', text: `${lines[1]}\n${lines[2]}\n` }, { path: 'audit/2026-10.jsonl', text: `${lines[0]}\n` }])).toEqual(entries);
  });

  it('stops at malformed, foreign, removed, edited or reordered lines', () => {
    expect(() => parseTrail([{ path: 'audit/2026-10.jsonl', text: '{oops\n' }])).toThrow('audit/2026-10.jsonl:1 is not JSON');
    expect(() => parseTrail([{ path: 'audit/2026-10.jsonl', text: '{"seq":1}\n' }])).toThrow('audit/2026-10.jsonl:1 is not an audit entry');
    expect(() => parseTrail([{ path: 'audit/2026-10.jsonl', text: `${lines[0]}\n${lines[2]}\n` }])).toThrow('The audit trail is broken at audit/2026-10.jsonl:2 (seq 3)');
    expect(() => parseTrail([{ path: 'audit/2026-10.jsonl', text: `${lines[0]}\n${lines[1]!.replace('stg-eu', 'stg-us')}\n` }])).toThrow('broken at audit/2026-10.jsonl:2 (seq 2)');
    expect(() => parseTrail([{ path: 'audit/2026-10.jsonl', text: `${lines[1]}\n${lines[0]}\n` }])).toThrow('broken at audit/2026-10.jsonl:1 (seq 2)');
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
