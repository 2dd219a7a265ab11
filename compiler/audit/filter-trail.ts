/** Filters of `mlops audit log`: by team, model, environment, event and time. Pure. */
import type { AuditEntry, AuditEventKind } from './audit-entry.ts';

/** What to keep; every given filter must match. */
export interface TrailFilter {
  readonly team?: string;
  readonly model?: string;
  readonly environment?: string;
  readonly event?: AuditEventKind;
  /** ISO date or time: entries at or after it. */
  readonly since?: string;
}

/** True when the entry matches the filter. */
export function matchesFilter(entry: AuditEntry, filter: TrailFilter): boolean {
  if (filter.team !== undefined && !entry.teams.includes(filter.team) && !entry.changes.some((change) => change.team === filter.team)) return false;
  if (filter.model !== undefined && !entry.changes.some((change) => change.model === filter.model)) return false;
  if (filter.environment !== undefined && !entry.environments.includes(filter.environment) && !entry.changes.some((change) => change.environment === filter.environment)) return false;
  if (filter.event !== undefined && entry.event !== filter.event) return false;
  if (filter.since !== undefined && Date.parse(entry.time) < Date.parse(filter.since)) return false;
  return true;
}

/** The entries that match, in trail order. */
export function filterTrail(entries: readonly AuditEntry[], filter: TrailFilter): AuditEntry[] {
  return entries.filter((entry) => matchesFilter(entry, filter));
}
