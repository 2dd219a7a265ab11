/**
 * Deploy attempts and their outcomes. A `deploy`, `rollback` or `promotion` entry landed manifests;
 * Argo CD's `synced` and `degraded` entries are linked to the latest landed entry with the same
 * rendered tree (`deploy.treeHash`) before them — so a rollback to an earlier tree gets its own
 * outcome. An attempt succeeded when Argo CD reported it synced and healthy and never degraded; it
 * failed when it did not land (`deploy-failed`) or was reported degraded; it is pending otherwise. Pure.
 */
import type { AuditEntry } from '../audit/audit-entry.ts';
import type { Trail } from './report-trail.ts';

/** Entries that landed manifests in the deploy repo. */
export const LANDED_EVENTS: ReadonlySet<string> = new Set(['deploy', 'rollback', 'promotion']);

/** One deploy attempt with its outcome. */
export interface DeployAttempt {
  readonly entry: AuditEntry;
  /** Milliseconds since the epoch. */
  readonly time: number;
  readonly landed: boolean;
  readonly outcome: 'succeeded' | 'failed' | 'pending';
  /** When the last of its clusters first reported synced (succeeded attempts only). */
  readonly syncedAt?: number;
  /** PR opened → synced healthy, in hours, when the PR's opening time is known. */
  readonly hoursToDeploy?: number;
}

interface Outcome {
  readonly entry: AuditEntry;
  readonly time: number;
  /** Clusters reported synced, and the latest of their first reports. */
  clusters: string[] | undefined;
  lastFirstSynced: number;
  degraded: boolean;
}

/** Every attempt of the trail, in trail order. */
export function deployAttempts(trail: Pick<Trail, 'entries' | 'times'>): DeployAttempt[] {
  const { entries, times } = trail;
  const outcomes: Outcome[] = [];
  const latestByTree = new Map<string, Outcome>();
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!;
    if (LANDED_EVENTS.has(entry.event) || entry.event === 'deploy-failed') {
      const outcome: Outcome = { entry, time: times[index]!, clusters: undefined, lastFirstSynced: 0, degraded: false };
      outcomes.push(outcome);
      if (entry.event !== 'deploy-failed') latestByTree.set(entry.deploy.treeHash, outcome);
    } else if (entry.event === 'synced' || entry.event === 'degraded') {
      const outcome = latestByTree.get(entry.deploy.treeHash);
      if (!outcome) continue;
      if (entry.event === 'degraded') outcome.degraded = true;
      else {
        const cluster = entry.deploy.cluster ?? '';
        outcome.clusters ??= [];
        if (!outcome.clusters.includes(cluster)) {
          outcome.clusters.push(cluster);
          outcome.lastFirstSynced = Math.max(outcome.lastFirstSynced, times[index]!);
        }
      }
    }
  }
  return outcomes.map(({ entry, time, clusters, lastFirstSynced, degraded }) => {
    const landed = entry.event !== 'deploy-failed';
    if (!landed || degraded) return { entry, time, landed, outcome: 'failed' };
    if (clusters === undefined) return { entry, time, landed, outcome: 'pending' };
    const syncedAt = lastFirstSynced;
    const opened = entry.source.prOpenedAt === undefined ? Number.NaN : Date.parse(entry.source.prOpenedAt);
    return { entry, time, landed, outcome: 'succeeded', syncedAt, ...(Number.isFinite(opened) ? { hoursToDeploy: (syncedAt - opened) / 3_600_000 } : {}) };
  });
}
