import { describe, expect, it } from 'vitest';
import { chainEntry } from '../../compiler/audit/audit-entry.ts';
import { parseTrail } from '../../compiler/audit/parse-trail.ts';
import { claimedDeploy, deployMismatch, trustedEntries } from '../../compiler/deploy/trusted-deploy.ts';
import { chain, draft, files, forged } from '../audit/support/trail-builder.ts';

const TREE = `sha256:${'1'.repeat(64)}`;

describe('trustedEntries', () => {
  it('lists the deploying entries newest first, skipping audit-only events', () => {
    const entries = chain(['2026-12-01T00:00:00Z', '2026-12-02T00:00:00Z']);
    const synced = chainEntry(draft('2026-12-03T00:00:00Z', 'fraud', { event: 'synced' }), entries[1]);
    const trust = trustedEntries(parseTrail(files([...entries, synced])));
    expect(trust.deploying.map((entry) => entry.seq)).toEqual([2, 1]);
    expect(trust.distrusted).toBeUndefined();
  });

  it('distrusts the first line whose hash does not recompute, and every line after it', () => {
    const [first, second] = chain(['2026-12-01T00:00:00Z', '2026-12-02T00:00:00Z']);
    const edited = { ...second!, deploy: { ...second!.deploy, treeHash: `sha256:${'2'.repeat(64)}` } };
    const third = chainEntry(draft('2026-12-03T00:00:00Z'), edited);
    const trust = trustedEntries(parseTrail(files([first!, edited, third])));
    expect(trust.deploying.map((entry) => entry.seq)).toEqual([1]);
    expect(trust.distrusted).toEqual({ file: 'audit/2026-12.jsonl', line: 2, seq: 2, reason: 'entry 2 does not match its hash (edited or forged)' });
  });

  it('distrusts a recomputed line that does not chain to the one before it', () => {
    const [first, second] = chain(['2026-12-01T00:00:00Z', '2026-12-02T00:00:00Z']);
    const relinked = forged(second!, { prev: `sha256:${'3'.repeat(64)}` });
    expect(trustedEntries(parseTrail(files([first!, relinked]))).distrusted).toMatchObject({ seq: 2, reason: 'entry 2 does not chain to entry 1' });
  });
});

describe('deployMismatch', () => {
  const [entry] = chain(['2026-12-01T00:00:00Z']);
  const link = claimedDeploy(`deploy\n\nMlops-Source-Sha: ${'a'.repeat(40)}\nMlops-Source-Repo: acme/config\nMlops-Audit-Seq: 1\nMlops-Event: deploy\n`)!;

  it('accepts a commit whose trailers and tree are the entry', () => {
    expect(deployMismatch(link, entry, TREE)).toBeUndefined();
  });

  it('names what does not match', () => {
    expect(deployMismatch(link, entry, `sha256:${'9'.repeat(64)}`)).toBe('its generated files are not the tree audit entry 1 records');
    expect(deployMismatch(link, undefined, TREE)).toBe('no trusted audit entry 1 records it');
    expect(deployMismatch({ ...link, sourceSha: 'b'.repeat(40) }, entry, TREE)).toBe(`audit entry 1 records source ${'a'.repeat(12)}, the trailers claim ${'b'.repeat(12)}`);
    expect(deployMismatch({ sourceSha: link.sourceSha, sourceRepo: link.sourceRepo }, entry, TREE)).toBe('its trailers name no audit entry (Mlops-Audit-Seq)');
    expect(deployMismatch(link, { ...entry!, event: 'synced' }, TREE)).toBe('audit entry 1 is a synced, not a deploy');
  });

  it('only reads deploying events as claims', () => {
    expect(claimedDeploy('synced\n\nMlops-Source-Sha: abc\nMlops-Source-Repo: acme/config\nMlops-Event: synced\n')).toBeUndefined();
  });
});
