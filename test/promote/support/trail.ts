/** Builds audit trails with known answers for the promotion and rollback tests (chained with the contract's `chainEntry`). */
import { type AuditEntry, type AuditServingChange, chainEntry, type UnchainedAuditEntry } from '../../../compiler/audit/audit-entry.ts';

/** A serving change in short form. */
export interface ShortChange {
  readonly deployment?: string;
  readonly team?: string;
  readonly environment: string;
  readonly version?: string;
  readonly canary?: { readonly version: string; readonly traffic: number };
  readonly action?: AuditServingChange['action'];
}

/** One event in short form. */
export type ShortEvent =
  | { readonly event: 'deploy' | 'rollback' | 'promotion'; readonly time: string; readonly sha: string; readonly pr?: number; readonly changes: readonly ShortChange[] }
  | { readonly event: 'synced' | 'degraded'; readonly time: string; readonly sha: string; readonly cluster: string; readonly commit?: string };

const TIERS: Readonly<Record<string, AuditServingChange['tier']>> = { dev: 'development', staging: 'staging', prod: 'production' };

function unchained(event: ShortEvent): UnchainedAuditEntry {
  const base = {
    time: event.time,
    event: event.event,
    actor: 'changes' in event ? 'maria' : 'argocd',
    approvers: [],
    approvals: [],
    policy: { passed: true, errors: 0, warnings: 0, waivers: [] },
  };
  if (!('changes' in event)) {
    return { ...base, source: { repo: 'acme/mlops-config', sha: event.sha }, deploy: { repo: 'acme/mlops-deploy', branch: 'main', treeHash: 'sha256:t', cluster: event.cluster, ...(event.commit ? { commit: event.commit } : {}) }, environments: [], teams: [], changes: [] };
  }
  const changes: AuditServingChange[] = event.changes.map((change) => ({
    team: change.team ?? 'fraud',
    deployment: change.deployment ?? 'fraud-api',
    model: 'fraud-detector',
    environment: change.environment,
    tier: TIERS[change.environment] ?? 'staging',
    riskTier: 'high',
    action: change.action ?? 'changed',
    ...(change.version !== undefined ? { versionAfter: change.version } : {}),
    ...(change.canary ? { canary: change.canary } : {}),
  }));
  return {
    ...base,
    source: { repo: 'acme/mlops-config', sha: event.sha, ...(event.pr !== undefined ? { pr: event.pr } : {}) },
    deploy: { repo: 'acme/mlops-deploy', branch: 'main', treeHash: `sha256:${event.sha}` },
    environments: [...new Set(changes.map((change) => change.environment))],
    teams: [...new Set(changes.map((change) => change.team))],
    changes,
  };
}

/** Chains the events into a trail, seq 1, 2, 3, … */
export function buildTrail(events: readonly ShortEvent[]): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (const event of events) entries.push(chainEntry(unchained(event), entries.at(-1)));
  return entries;
}

/** An ISO time `hours` after 2026-11-01T00:00:00Z. */
export function hoursAfterStart(hours: number): string {
  return new Date(Date.parse('2026-11-01T00:00:00Z') + hours * 3_600_000).toISOString().replace('.000Z', 'Z');
}
