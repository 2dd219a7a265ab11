/**
 * When a version was healthy in an environment, from the audit trail: the serving periods (runs of
 * consecutive deploys after which the environment's stable version is that version) and, within them,
 * the stretches during which every cluster of the environment had reported a `synced` event for a deploy
 * of the period with no `degraded` since. A `degraded` event ends a cluster's healthy stretch; the next
 * `synced` starts a new one. Pure.
 */
import type { AuditEntry } from '../audit/audit-entry.ts';
import { type HealthEvent, healthEvents, servingTimeline, type TimelineKey } from './serving-timeline.ts';

/** A span of time in epoch milliseconds, `end` exclusive. */
export interface TimeSpan {
  readonly start: number;
  readonly end: number;
}

/** One run of deploys during which the environment served the version. */
export interface ServingPeriod {
  /** `seq` of the deploy that made the version serve. */
  readonly firstSeq: number;
  readonly start: number;
  /** When a later deploy replaced it; undefined while it still serves. */
  readonly end?: number;
  /** Stretches during which every cluster was healthy, clipped to the period (and to now). */
  readonly healthy: readonly TimeSpan[];
  /** Clusters whose latest report in the period is `degraded`, with that event. */
  readonly degraded: readonly HealthEvent[];
  /** Clusters with no `synced` report in the period. */
  readonly neverSynced: readonly string[];
}

function clusterSpans(events: readonly HealthEvent[], cluster: string, limit: number): { spans: TimeSpan[]; last?: HealthEvent } {
  const spans: TimeSpan[] = [];
  let since: number | undefined;
  let last: HealthEvent | undefined;
  for (const event of events) {
    if (event.cluster !== cluster) continue;
    const time = Math.min(Date.parse(event.entry.time), limit);
    last = event;
    if (event.healthy && since === undefined) since = time;
    if (!event.healthy && since !== undefined) {
      spans.push({ start: since, end: time });
      since = undefined;
    }
  }
  if (since !== undefined) spans.push({ start: since, end: limit });
  return { spans, ...(last ? { last } : {}) };
}

function intersect(a: readonly TimeSpan[], b: readonly TimeSpan[]): TimeSpan[] {
  const result: TimeSpan[] = [];
  for (const left of a) {
    for (const right of b) {
      const start = Math.max(left.start, right.start);
      const end = Math.min(left.end, right.end);
      if (start < end || (start === end && left.start === left.end && right.start === right.end)) result.push({ start, end });
    }
  }
  return result;
}

/**
 * The serving periods of `version` as the stable version of `key.deployment` in `key.environment`,
 * judged on `clusters` (the environment's clusters today), oldest first.
 */
export function servingPeriods(
  entries: readonly AuditEntry[],
  key: TimelineKey,
  version: string,
  clusters: readonly string[],
  now: Date,
  deployCommits?: ReadonlyMap<number, string>,
): ServingPeriod[] {
  const runs: { firstSeq: number; start: number; end?: number; seqs: Set<number> }[] = [];
  let open: (typeof runs)[number] | undefined;
  for (const step of servingTimeline(entries, key)) {
    const time = Date.parse(step.entry.time);
    if (step.state?.version === version) {
      if (!open) {
        open = { firstSeq: step.entry.seq, start: time, seqs: new Set() };
        runs.push(open);
      }
      open.seqs.add(step.entry.seq);
    } else if (open) {
      open.end = time;
      open = undefined;
    }
  }
  const events = healthEvents(entries, deployCommits);
  return runs.map((run) => {
    const limit = Math.min(run.end ?? now.getTime(), now.getTime());
    const inRun = events.filter((event) => run.seqs.has(event.deploySeq));
    let healthy: TimeSpan[] | undefined;
    const degraded: HealthEvent[] = [];
    const neverSynced: string[] = [];
    for (const cluster of clusters) {
      const { spans, last } = clusterSpans(inRun, cluster, limit);
      healthy = healthy === undefined ? spans : intersect(healthy, spans);
      if (last && !last.healthy) degraded.push(last);
      if (!inRun.some((event) => event.cluster === cluster && event.healthy)) neverSynced.push(cluster);
    }
    return { firstSeq: run.firstSeq, start: run.start, ...(run.end !== undefined ? { end: run.end } : {}), healthy: clusters.length === 0 ? [] : (healthy ?? []), degraded, neverSynced };
  });
}
