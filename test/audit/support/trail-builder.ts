/** Builds small valid audit trails for tests. */
import { type AuditEntry, chainEntry, entryHash, serializeEntry, type UnchainedAuditEntry } from '../../../compiler/audit/audit-entry.ts';
import type { TrailFile } from '../../../compiler/audit/parse-trail.ts';

/** An unchained entry at `time` for `team`. */
export function draft(time: string, team = 'fraud', extra: Partial<UnchainedAuditEntry> = {}): UnchainedAuditEntry {
  return {
    time,
    event: 'deploy',
    actor: 'alice',
    source: { repo: 'acme/config', sha: 'a'.repeat(40), pr: 1, author: 'alice' },
    approvers: ['bob'],
    approvals: [],
    deploy: { repo: 'acme/deploy', branch: 'main', treeHash: `sha256:${'1'.repeat(64)}` },
    environments: ['prod'],
    teams: [team],
    changes: [{ team, deployment: `${team}-api`, model: `${team}-model`, environment: 'prod', tier: 'production', riskTier: 'high', action: 'changed', versionBefore: '1.0.0', versionAfter: '1.1.0' }],
    policy: { passed: true, errors: 0, warnings: 0, waivers: [] },
    ...extra,
  };
}

/** A chain of entries at the given times. */
export function chain(times: readonly string[]): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (const [index, time] of times.entries()) entries.push(chainEntry(draft(time, index % 2 === 0 ? 'fraud' : 'search'), entries.at(-1)));
  return entries;
}

/** The trail files of entries, one per month, as stored. */
export function files(entries: readonly AuditEntry[]): TrailFile[] {
  const byFile = new Map<string, string[]>();
  for (const entry of entries) {
    const path = `audit/${entry.time.slice(0, 7)}.jsonl`;
    byFile.set(path, [...(byFile.get(path) ?? []), serializeEntry(entry)]);
  }
  return [...byFile].map(([path, lines]) => ({ path, content: `${lines.join('\n')}\n` }));
}

/** An entry with `changes` edited and its hash recomputed (a careful forger). */
export function forged(entry: AuditEntry, edit: Partial<AuditEntry>): AuditEntry {
  const { hash: _hash, ...rest } = { ...entry, ...edit };
  return { ...rest, hash: entryHash(rest) };
}
