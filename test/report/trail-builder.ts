/** Builds audit trails for tests with the real `chainEntry`: terse events in, chained entries and JSONL files out. */
import { type AuditEntry, type AuditServingChange, type AuditWaiver, auditFilePath, chainEntry, serializeEntry, type UnchainedAuditEntry } from '../../compiler/audit/audit-entry.ts';
import type { TrailFile } from '../../compiler/audit/parse-trail.ts';

/** A production serving change of `team/deployment` to `version`. */
export function prodChange(team: string, deployment: string, version: string, options: { riskTier?: 'low' | 'medium' | 'high'; metrics?: Record<string, number>; action?: AuditServingChange['action']; environment?: string; tier?: AuditServingChange['tier']; model?: string } = {}): AuditServingChange {
  return {
    team,
    deployment,
    model: options.model ?? `${deployment}-model`,
    environment: options.environment ?? 'prod',
    tier: options.tier ?? 'production',
    riskTier: options.riskTier ?? 'medium',
    action: options.action ?? 'changed',
    versionAfter: version,
    ...(options.metrics ? { metrics: options.metrics } : {}),
  };
}

/** What a test says about one event. */
export interface EventSpec {
  readonly time: string;
  readonly event: UnchainedAuditEntry['event'];
  readonly tree?: string;
  readonly cluster?: string;
  readonly pr?: number;
  readonly prOpenedAt?: string;
  readonly author?: string;
  readonly approvers?: readonly string[];
  readonly required?: number;
  readonly changes?: readonly AuditServingChange[];
  readonly policyPassed?: boolean;
  readonly waivers?: readonly AuditWaiver[];
}

/** One unchained entry from a spec. */
export function unchained(spec: EventSpec): UnchainedAuditEntry {
  const approvers = spec.approvers ?? [];
  const required = spec.required ?? 0;
  return {
    time: spec.time,
    event: spec.event,
    actor: spec.event === 'synced' || spec.event === 'degraded' ? 'argocd' : (spec.author ?? 'deployer'),
    source: { repo: 'acme/mlops-config', sha: `sha-${spec.tree ?? 'x'}`, ...(spec.pr !== undefined ? { pr: spec.pr } : {}), ...(spec.prOpenedAt ? { prOpenedAt: spec.prOpenedAt } : {}), ...(spec.author ? { author: spec.author } : {}) },
    approvers,
    approvals: required > 0 ? [{ id: 'prod', count: required, approvedBy: approvers, satisfied: approvers.length >= required }] : [],
    deploy: { repo: 'acme/mlops-deploy', branch: 'main', treeHash: `sha256:${spec.tree ?? 'x'}`, ...(spec.cluster ? { cluster: spec.cluster, commit: `c-${spec.tree}` } : {}) },
    environments: [...new Set((spec.changes ?? []).map((change) => change.environment))],
    teams: [...new Set((spec.changes ?? []).map((change) => change.team))],
    changes: spec.changes ?? [],
    policy: { passed: spec.policyPassed ?? true, errors: spec.policyPassed === false ? 1 : 0, warnings: 0, waivers: spec.waivers ?? [] },
  };
}

/** Chains the specs in order. */
export function buildTrail(specs: readonly EventSpec[]): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (const spec of specs) entries.push(chainEntry(unchained(spec), entries.at(-1)));
  return entries;
}

/** The trail's files as the deploy repo stores them (`audit/YYYY-MM.jsonl`). */
export function trailFiles(entries: readonly AuditEntry[]): TrailFile[] {
  const byPath = new Map<string, string[]>();
  for (const entry of entries) {
    const path = auditFilePath(entry.time);
    byPath.set(path, [...(byPath.get(path) ?? []), serializeEntry(entry)]);
  }
  return [...byPath].map(([path, lines]) => ({ path, content: `${lines.join('\n')}\n` }));
}
