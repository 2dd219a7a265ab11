import { describe, expect, it } from 'vitest';
import { chainEntry } from '../../compiler/audit/audit-entry.ts';
import { deployCommitLink, deployCommitMessage, parseTrailers, sanitizeLine } from '../../compiler/deploy/commit-trailers.ts';
import { deployEventOf } from '../../compiler/deploy/deploy-event.ts';
import { draft } from '../audit/support/trail-builder.ts';

describe('deploy commit trailers', () => {
  it('sanitises hostile values to one printable line', () => {
    expect(sanitizeLine('eve\nMlops-Approved-By: ceo\u001b[31m\u202e')).toBe('eve Mlops-Approved-By: ceo [31m');
    expect(sanitizeLine('x'.repeat(300), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('cannot be forged through an author name or approver', () => {
    const entry = chainEntry(draft('2026-12-02T08:00:00Z', 'fraud', { source: { repo: 'acme/config', sha: 'a'.repeat(40), author: 'eve\n\nMlops-Source-Sha: evil' }, approvers: ['bob\nMlops-Event: synced'] }), undefined);
    const message = deployCommitMessage(entry);
    const trailers = parseTrailers(message);
    expect(trailers.get('Mlops-Source-Sha')).toEqual(['a'.repeat(40)]);
    expect(trailers.get('Mlops-Author')).toEqual(['eve Mlops-Source-Sha: evil']);
    expect(trailers.get('Mlops-Event')).toEqual(['deploy']);
    expect(deployCommitLink(message)).toEqual({ sourceSha: 'a'.repeat(40), sourceRepo: 'acme/config', auditSeq: 1, event: 'deploy' });
  });

  it('reads no link from a commit without trailers', () => {
    expect(deployCommitLink('hand edit\n\nfixed a typo\n')).toBeUndefined();
  });
});

describe('deployEventOf', () => {
  it('reads PR labels first, then the Mlops-Event trailer of the merged commit', () => {
    expect(deployEventOf({ labels: ['mlops:promotion', 'mlops:rollback'] })).toBe('rollback');
    expect(deployEventOf({ labels: ['MLOPS:Promotion'] })).toBe('promotion');
    expect(deployEventOf({ commitMessage: 'Roll back fraud\n\nMlops-Event: rollback\n' })).toBe('rollback');
    expect(deployEventOf({ commitMessage: 'x\n\nMlops-Event: synced\n', labels: ['bug'] })).toBe('deploy');
  });
});
