/**
 * The figures the audit trail alone answers: deployment success, time to deploy, deployment
 * frequency against the first weeks, accuracy improvement of the versions serving in production,
 * time to market, rollbacks, active users. Each says how it was computed and from how many events,
 * or why it is not measurable yet. Pure.
 */
import type { AuditEntry, AuditServingChange } from '../audit/audit-entry.ts';
import { loginKey } from './login.ts';
import type { Trail } from './report-trail.ts';
import { DAY_MS, median, round } from './calendar.ts';
import { type DeployAttempt, LANDED_EVENTS } from './deploy-attempts.ts';
import type { Measurement } from './report-model.ts';
import { inWindow, notMeasurable, type ReportWindow } from './report-window.ts';

/** Weeks of the baseline (the trail's first weeks) and of the recent period deployment frequency compares. */
export const FREQUENCY_WEEKS = 4;

/** Share of attempts in the window that Argo CD reported synced and healthy. */
export function deploymentSuccess(attempts: readonly DeployAttempt[], window: ReportWindow): Measurement {
  const inside = attempts.filter((attempt) => inWindow(window, attempt.time));
  const succeeded = inside.filter((attempt) => attempt.outcome === 'succeeded').length;
  const failed = inside.filter((attempt) => attempt.outcome === 'failed').length;
  const pending = inside.length - succeeded - failed;
  const method = `succeeded / (succeeded + failed) deploy attempts: ${succeeded} synced healthy, ${failed} failed or degraded${pending > 0 ? `, ${pending} awaiting Argo CD (left out)` : ''}`;
  if (succeeded + failed === 0) return notMeasurable('%', method, inside.length === 0 ? 'no deploy in the window' : 'no deploy outcome reported by Argo CD yet', inside.length);
  return { value: round((100 * succeeded) / (succeeded + failed)), unit: '%', method, events: succeeded + failed };
}

/** Median hours from PR opened to synced healthy, over the window's succeeded attempts. */
export function timeToDeploy(attempts: readonly DeployAttempt[], window: ReportWindow): Measurement {
  const hours = attempts.filter((attempt) => inWindow(window, attempt.time) && attempt.hoursToDeploy !== undefined).map((attempt) => attempt.hoursToDeploy!);
  const method = 'median hours from PR opened to the last cluster synced healthy, over succeeded deploys with a PR';
  const value = median(hours);
  if (value === undefined) return notMeasurable('h', method, 'no deploy with a PR has synced healthy in the window');
  return { value: round(value), unit: 'h', method, events: hours.length };
}

/** Landed deploys per week over the last weeks of the window, as a multiple of the trail's first weeks. */
export function deploymentFrequency(attempts: readonly DeployAttempt[], window: ReportWindow): Measurement {
  const landed = attempts.filter((attempt) => attempt.landed && attempt.time <= window.until);
  const span = FREQUENCY_WEEKS * 7 * DAY_MS;
  const method = `landed deploys in the ${FREQUENCY_WEEKS} weeks before the report's end, divided by those in the trail's first ${FREQUENCY_WEEKS} weeks`;
  const first = landed[0]?.time;
  if (first === undefined) return notMeasurable('×', method, 'no deploy yet');
  if (window.until - first < 2 * span) return notMeasurable('×', method, `needs ${2 * FREQUENCY_WEEKS} weeks of trail; the first deploy is ${Math.floor((window.until - first) / DAY_MS)} days old`, landed.length);
  const baseline = landed.filter((attempt) => attempt.time < first + span).length;
  const recent = landed.filter((attempt) => attempt.time > window.until - span).length;
  return { value: round(recent / baseline), unit: '×', method: `${method} (${recent} against ${baseline})`, events: recent + baseline };
}

const PREFERRED_METRICS = ['accuracy', 'auc', 'f1', 'precision', 'recall', 'ndcg'];
const LOWER_IS_BETTER = /rmse|mae|mse|loss|error|latency|perplexity/i;

function primaryMetric(first: Readonly<Record<string, number>>, last: Readonly<Record<string, number>>): string | undefined {
  const common = Object.keys(first).filter((name) => typeof last[name] === 'number').sort();
  return PREFERRED_METRICS.find((name) => common.includes(name)) ?? common[0];
}

function productionChanges(entry: AuditEntry): readonly AuditServingChange[] {
  return LANDED_EVENTS.has(entry.event) ? entry.changes.filter((change) => change.tier === 'production') : [];
}

/** Mean relative improvement of the primary metric from the first to the latest version each production deployment served. */
export function accuracyImprovement({ entries, times }: Pick<Trail, 'entries' | 'times'>, window: ReportWindow): Measurement {
  const served = new Map<string, { first: Readonly<Record<string, number>>; last: Readonly<Record<string, number>>; firstVersion: string; lastVersion: string }>();
  let events = 0;
  for (let index = 0; index < entries.length && times[index]! <= window.until; index++) {
    for (const change of productionChanges(entries[index]!)) {
      if (change.action === 'removed' || !change.metrics || change.versionAfter === undefined) continue;
      events++;
      const key = `${change.team}/${change.deployment}`;
      const known = served.get(key);
      if (known) served.set(key, { ...known, last: change.metrics, lastVersion: change.versionAfter });
      else served.set(key, { first: change.metrics, last: change.metrics, firstVersion: change.versionAfter, lastVersion: change.versionAfter });
    }
  }
  const improvements: number[] = [];
  for (const { first, last, firstVersion, lastVersion } of served.values()) {
    const metric = primaryMetric(first, last);
    if (metric === undefined || firstVersion === lastVersion || first[metric] === 0) continue;
    const change = ((last[metric]! - first[metric]!) / Math.abs(first[metric]!)) * 100;
    improvements.push(LOWER_IS_BETTER.test(metric) ? -change : change);
  }
  const method = 'mean relative change of the primary registry metric (accuracy, auc, f1… ; lower-is-better metrics inverted), first to latest version served in production, per deployment';
  if (improvements.length === 0) return notMeasurable('%', method, 'no production deployment has served two versions with registry metrics yet', events);
  return { value: round(improvements.reduce((sum, value) => sum + value, 0) / improvements.length), unit: '%', method: `${method} (${improvements.length} deployments)`, events };
}

/** Change of the median lead time (first deploy of a model anywhere → its first production deploy), recent models against the first ones. */
export function timeToMarket({ entries, times }: Pick<Trail, 'entries' | 'times'>, window: ReportWindow): Measurement {
  const firstSeen = new Map<string, number>();
  const firstProd = new Map<string, number>();
  for (let index = 0; index < entries.length && times[index]! <= window.until; index++) {
    const entry = entries[index]!;
    const time = times[index]!;
    if (!LANDED_EVENTS.has(entry.event)) continue;
    for (const change of entry.changes) {
      if (change.action === 'removed') continue;
      const key = `${change.team}/${change.model}`;
      if (!firstSeen.has(key)) firstSeen.set(key, time);
      if (change.tier === 'production' && !firstProd.has(key)) firstProd.set(key, time);
    }
  }
  const leads = [...firstProd].map(([key, time]) => ({ time, hours: (time - firstSeen.get(key)!) / 3_600_000 }));
  const method = 'median hours from a model\'s first deploy to its first production deploy: models first in production in the second half of the trail against those of the first half, as a percent change';
  if (leads.length < 2) return notMeasurable('%', method, leads.length === 0 ? 'no model has reached production yet' : 'only one model has reached production', leads.length);
  const start = Math.min(...leads.map((lead) => lead.time));
  const middle = start + (window.until - start) / 2;
  const baseline = median(leads.filter((lead) => lead.time < middle).map((lead) => lead.hours));
  const recent = median(leads.filter((lead) => lead.time >= middle).map((lead) => lead.hours));
  if (baseline === undefined || recent === undefined || baseline === 0) return notMeasurable('%', method, 'needs models reaching production in both halves of the trail, with a non-zero first lead time', leads.length);
  return { value: round((recent / baseline - 1) * 100), unit: '%', method: `${method} (median ${round(recent)} h against ${round(baseline)} h)`, events: leads.length };
}

/** Rollbacks merged in the window. */
export function rollbacks({ entries, times }: Pick<Trail, 'entries' | 'times'>, window: ReportWindow): Measurement {
  const count = entries.filter((entry, index) => entry.event === 'rollback' && inWindow(window, times[index]!)).length;
  return { value: count, unit: '', method: 'rollback entries in the window', events: count };
}

/** People who authored or approved a change in the window. */
export function activeUsers({ entries, times }: Pick<Trail, 'entries' | 'times'>, window: ReportWindow): Measurement {
  const people = new Set<string>();
  let events = 0;
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!;
    if (!LANDED_EVENTS.has(entry.event) && entry.event !== 'deploy-failed') continue;
    if (!inWindow(window, times[index]!)) continue;
    events++;
    if (entry.source.author) people.add(loginKey(entry.source.author));
    for (const approver of entry.approvers) people.add(loginKey(approver));
  }
  if (events === 0) return notMeasurable('', 'distinct PR authors and approvers of the window\'s changes', 'no change in the window');
  return { value: people.size, unit: '', method: 'distinct PR authors and approvers of the window\'s changes', events };
}
