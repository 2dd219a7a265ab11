/** Monitoring (SLOs and drift detection) added, removed or changed. */
import type { ResolvedMonitor, ResolvedOrg } from '../../resolve/resolved-org.ts';
import type { MonitorChange } from './ml-model.ts';
import { withoutSources } from './pipeline-changes.ts';

/** Short descriptions of a monitor, e.g. `latency p99 ≤ 150 ms`, `drift psi > 0.2 on amount (0 * * * *)`. */
export function describeMonitor(monitor: ResolvedMonitor | undefined): string[] {
  if (!monitor) return [];
  const lines: string[] = [];
  const slo = monitor.slo;
  if (slo?.latencyP99Ms !== undefined) lines.push(`latency p99 ≤ ${slo.latencyP99Ms} ms`);
  if (slo?.errorRatePercent !== undefined) lines.push(`error rate ≤ ${slo.errorRatePercent}%`);
  if (slo?.availabilityPercent !== undefined) lines.push(`availability ≥ ${slo.availabilityPercent}%`);
  const drift = monitor.drift;
  if (drift) {
    const extras = [drift.baseline ? `baseline ${drift.baseline}` : '', drift.image ? `image ${drift.image}` : ''].filter((extra) => extra !== '');
    lines.push(`drift ${drift.method} > ${drift.threshold} on ${drift.features.join(', ')} (${drift.schedule}${extras.length > 0 ? `, ${extras.join(', ')}` : ''})`);
  }
  return lines;
}

function monitorIndex(org: ResolvedOrg | undefined): Map<string, ResolvedMonitor> {
  const index = new Map<string, ResolvedMonitor>();
  for (const team of org?.teams ?? []) for (const monitor of team.monitors) index.set(`${team.name}\u0000${monitor.deployment}`, monitor);
  return index;
}

/** Monitor changes sorted by team and deployment. */
export function monitorChanges(base: ResolvedOrg | undefined, head: ResolvedOrg | undefined): MonitorChange[] {
  const before = monitorIndex(base);
  const after = monitorIndex(head);
  const changes: MonitorChange[] = [];
  for (const key of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const old = before.get(key);
    const current = after.get(key);
    if (old && current && withoutSources(old) === withoutSources(current)) continue;
    const subject = (current ?? old)!;
    changes.push({ team: subject.team, deployment: subject.deployment, action: !old ? 'added' : !current ? 'removed' : 'changed', before: describeMonitor(old), after: describeMonitor(current) });
  }
  return changes;
}
