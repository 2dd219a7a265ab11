/**
 * Replays the audit trail for one deployment in one environment: what it served after each deploy
 * (a `deploy`, `rollback` or `promotion` entry carries, in `changes`, what each changed deployment
 * serves per environment afterwards), and which deploy each Argo CD `synced` / `degraded` event is
 * about. Pure.
 */
import type { AuditEntry, AuditEventKind } from '../audit/audit-entry.ts';

/** The entries that record a deploy commit (their `changes` say what serves afterwards). */
export const DEPLOY_EVENTS: ReadonlySet<AuditEventKind> = new Set(['deploy', 'rollback', 'promotion']);

/** What a deployment serves in an environment: its stable version and canary. */
export interface ServingState {
  readonly version: string;
  readonly canary?: { readonly version: string; readonly traffic: number };
}

/** One deploy of the trail and what the deployment served in the environment after it. */
export interface TimelineStep {
  readonly entry: AuditEntry;
  /** Undefined when the deployment did not run in the environment after this deploy. */
  readonly state: ServingState | undefined;
  /** True when this deploy changed the deployment in the environment. */
  readonly changed: boolean;
}

/** Which deployment in which environment. */
export interface TimelineKey {
  readonly team: string;
  readonly deployment: string;
  readonly environment: string;
}

/** The deploys of the trail in `seq` order, with the deployment's state in the environment after each. */
export function servingTimeline(entries: readonly AuditEntry[], key: TimelineKey): TimelineStep[] {
  const steps: TimelineStep[] = [];
  let state: ServingState | undefined;
  for (const entry of [...entries].sort((a, b) => a.seq - b.seq)) {
    // A superseded merge's record (`includedIn`) comes after the newer deploy that serves: not replayed.
    if (!DEPLOY_EVENTS.has(entry.event) || entry.deploy.includedIn !== undefined) continue;
    const change = entry.changes.find((candidate) => candidate.team === key.team && candidate.deployment === key.deployment && candidate.environment === key.environment);
    if (change) {
      if (change.action === 'removed') state = undefined;
      else {
        const version = change.versionAfter ?? state?.version;
        state = version === undefined ? undefined : { version, ...(change.canary ? { canary: { version: change.canary.version, traffic: change.canary.traffic } } : {}) };
      }
    }
    steps.push({ entry, state, changed: change !== undefined });
  }
  return steps;
}

/** An Argo CD report about a deploy commit in one cluster. */
export interface HealthEvent {
  readonly entry: AuditEntry;
  readonly healthy: boolean;
  readonly cluster: string;
  /** The `seq` of the deploy entry the event is about. */
  readonly deploySeq: number;
}

/**
 * The `synced` / `degraded` events with the deploy each is about: the deploy whose commit it names
 * (when `deployCommits` maps deploy `seq` → deploy-repo commit), else the latest earlier deploy of the
 * same source SHA. Events that match no deploy, or name no cluster, are left out.
 */
export function healthEvents(entries: readonly AuditEntry[], deployCommits: ReadonlyMap<number, string> = new Map()): HealthEvent[] {
  const sorted = [...entries].sort((a, b) => a.seq - b.seq);
  const seqByCommit = new Map([...deployCommits].map(([seq, commit]) => [commit, seq] as const));
  const seqBySource = new Map<string, number>();
  const events: HealthEvent[] = [];
  for (const entry of sorted) {
    if (DEPLOY_EVENTS.has(entry.event)) seqBySource.set(entry.source.sha, entry.seq);
    if (entry.event !== 'synced' && entry.event !== 'degraded') continue;
    const cluster = entry.deploy.cluster;
    const deploySeq = (entry.deploy.commit !== undefined ? seqByCommit.get(entry.deploy.commit) : undefined) ?? seqBySource.get(entry.source.sha);
    if (cluster === undefined || deploySeq === undefined) continue;
    events.push({ entry, healthy: entry.event === 'synced', cluster, deploySeq });
  }
  return events;
}
