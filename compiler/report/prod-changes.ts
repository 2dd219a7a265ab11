/**
 * Production changes and the compliance score: a change that reached production is compliant when
 * its required approvals were met by people other than its author and its policies passed, with
 * every waiver it relied on still valid on the day of the change. Pure.
 */
import type { AuditEntry, AuditWaiver } from '../audit/audit-entry.ts';
import { DAY_MS, dayOf, round } from './calendar.ts';
import { LANDED_EVENTS } from './deploy-attempts.ts';
import { loginKey } from './login.ts';
import type { Trail } from './report-trail.ts';
import type { Measurement, ProdChange, WaiverStatus, WaiverView } from './report-model.ts';
import { inWindow, notMeasurable, type ReportWindow } from './report-window.ts';

/** A waiver that expires within this many days of the report's end is `expiring`. */
export const EXPIRING_DAYS = 14;

/** The report's last day and the last day a waiver still counts as `expiring`, as `YYYY-MM-DD`. */
export interface WaiverDays {
  readonly until: string;
  readonly expiringUntil: string;
}

/** The waiver days of a report ending at `until`. */
export function waiverDays(until: number): WaiverDays {
  return { until: dayOf(until), expiringUntil: dayOf(until + EXPIRING_DAYS * DAY_MS) };
}

/** How a waiver stands at the report's end and on the day of the change. */
export function waiverView(waiver: AuditWaiver, changeDay: string, days: WaiverDays): WaiverView {
  const status: WaiverStatus = waiver.expires < days.until ? 'expired' : waiver.expires <= days.expiringUntil ? 'expiring' : 'active';
  return {
    rule: waiver.rule,
    target: waiver.target,
    team: waiver.team,
    ...(waiver.ticket !== undefined ? { ticket: waiver.ticket } : {}),
    ...(waiver.approvedBy !== undefined ? { approvedBy: waiver.approvedBy } : {}),
    expires: waiver.expires,
    status,
    validAtChange: waiver.expires >= changeDay,
  };
}

/** Input about the org the trail cannot give: approvals each production environment requires. */
export interface ComplianceContext {
  /** Environment name → approvals required (from platform.yaml); production environments only. */
  readonly productionApprovals?: ReadonlyMap<string, number>;
}

function isProduction(entry: AuditEntry, context: ComplianceContext): boolean {
  if (entry.changes.some((change) => change.tier === 'production')) return true;
  return entry.environments.some((environment) => context.productionApprovals?.has(environment) === true);
}

function prodChange(entry: AuditEntry, time: number, days: WaiverDays, context: ComplianceContext): ProdChange {
  const author = entry.source.author === undefined ? undefined : loginKey(entry.source.author);
  const approvers = entry.approvers.map(loginKey);
  const nonAuthor = new Set(approvers.filter((approver) => approver !== author));
  const configured = Math.max(0, ...entry.environments.map((environment) => context.productionApprovals?.get(environment) ?? 0));
  const requiredApprovals = Math.max(configured, ...entry.approvals.map((approval) => approval.count));
  const waivers = entry.policy.waivers.length === 0 ? [] : entry.policy.waivers.map((waiver) => waiverView(waiver, dayOf(time), days));
  const problems: string[] = [];
  const unmet = entry.approvals.filter((approval) => !approval.satisfied);
  if (unmet.length > 0) problems.push(`approval requirement${unmet.length === 1 ? '' : 's'} not met: ${unmet.map((approval) => approval.id).join(', ')}`);
  if (author !== undefined && approvers.includes(author)) problems.push('the author is listed among the approvers');
  if (nonAuthor.size < requiredApprovals) problems.push(`${nonAuthor.size} non-author approval${nonAuthor.size === 1 ? '' : 's'}, ${requiredApprovals} required`);
  if (!entry.policy.passed) problems.push(`policies failed (${entry.policy.errors} error${entry.policy.errors === 1 ? '' : 's'})`);
  for (const waiver of waivers) if (!waiver.validAtChange) problems.push(`waiver of ${waiver.rule} for ${waiver.target} had expired on ${waiver.expires}`);
  return {
    seq: entry.seq,
    time: entry.time,
    event: entry.event,
    ...(entry.source.pr !== undefined ? { pr: entry.source.pr } : {}),
    ...(entry.source.author !== undefined ? { author: entry.source.author } : {}),
    approvers: entry.approvers,
    changes: entry.changes.filter((change) => change.tier === 'production'),
    requiredApprovals,
    policyPassed: entry.policy.passed,
    policyErrors: entry.policy.errors,
    waivers,
    compliant: problems.length === 0,
    problems,
  };
}

/** Every landed change in the window that reached production, in trail order. */
export function prodChanges({ entries, times }: Pick<Trail, 'entries' | 'times'>, window: ReportWindow, context: ComplianceContext = {}): ProdChange[] {
  const days = waiverDays(window.until);
  const changes: ProdChange[] = [];
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!;
    if (LANDED_EVENTS.has(entry.event) && inWindow(window, times[index]!) && isProduction(entry, context)) changes.push(prodChange(entry, times[index]!, days, context));
  }
  return changes;
}

/** Compliant production changes over all production changes, in percent. */
export function complianceScore(changes: readonly ProdChange[]): Measurement {
  const method = 'production changes with the required non-author approvals and policies passed or validly waived, over all production changes';
  if (changes.length === 0) return notMeasurable('%', method, 'no production change in the window');
  const compliant = changes.filter((change) => change.compliant).length;
  return { value: round((100 * compliant) / changes.length), unit: '%', method: `${method} (${compliant} of ${changes.length})`, events: changes.length };
}

/** Each waiver relied on in the window once (its latest use), sorted by expiry. */
export function waiversInWindow(changes: readonly ProdChange[]): WaiverView[] {
  const byKey = new Map<string, WaiverView>();
  for (const change of changes) for (const waiver of change.waivers) byKey.set(`${waiver.team}\u0000${waiver.rule}\u0000${waiver.target}`, waiver);
  return [...byKey.values()].sort((a, b) => (a.expires < b.expires ? -1 : a.expires > b.expires ? 1 : a.rule < b.rule ? -1 : 1));
}
