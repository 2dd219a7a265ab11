/** Figures per ISO week of the window: deploys and their outcomes, rollbacks, production changes and compliance, time to deploy, availability. Pure. */
import { DAY_MS, dayOf, isoWeek, median, round, weekStart } from './calendar.ts';
import type { DeployAttempt } from './deploy-attempts.ts';
import type { PrometheusSamples } from './prometheus-figures.ts';
import type { ProdChange, WeekTrend } from './report-model.ts';
import { inWindow, type ReportWindow } from './report-window.ts';

/** Most weeks a trend shows (the latest ones). */
export const MAX_WEEKS = 520;

const WEEK_MS = 7 * DAY_MS;

interface Bucket {
  deploys: number;
  succeeded: number;
  failed: number;
  rollbacks: number;
  prodChanges: number;
  compliant: number;
  hours: number[];
  up: number[];
}

/** One row per week from the window's first to its last week, empty weeks included. */
export function weeklyTrends(attempts: readonly DeployAttempt[], changes: readonly ProdChange[], window: ReportWindow, prometheus?: PrometheusSamples): WeekTrend[] {
  const last = weekStart(window.until);
  const first = Math.max(weekStart(window.since), last - (MAX_WEEKS - 1) * WEEK_MS);
  const buckets = new Map<number, Bucket>();
  for (let monday = first; monday <= last; monday += WEEK_MS) buckets.set(monday, { deploys: 0, succeeded: 0, failed: 0, rollbacks: 0, prodChanges: 0, compliant: 0, hours: [], up: [] });
  const bucket = (time: number) => (inWindow(window, time) ? buckets.get(weekStart(time)) : undefined);
  for (const attempt of attempts) {
    const week = bucket(attempt.time);
    if (!week) continue;
    week.deploys++;
    if (attempt.outcome === 'succeeded') week.succeeded++;
    if (attempt.outcome === 'failed') week.failed++;
    if (attempt.entry.event === 'rollback') week.rollbacks++;
    if (attempt.hoursToDeploy !== undefined) week.hours.push(attempt.hoursToDeploy);
  }
  for (const change of changes) {
    const week = bucket(Date.parse(change.time));
    if (!week) continue;
    week.prodChanges++;
    if (change.compliant) week.compliant++;
  }
  for (const [seconds, value] of prometheus?.availability?.points ?? []) if (Number.isFinite(value)) bucket(seconds * 1000)?.up.push(value);
  return [...buckets].map(([monday, week]) => {
    const hours = median(week.hours);
    return {
      week: isoWeek(monday),
      start: dayOf(monday),
      deploys: week.deploys,
      succeeded: week.succeeded,
      failed: week.failed,
      rollbacks: week.rollbacks,
      prodChanges: week.prodChanges,
      compliant: week.compliant,
      ...(hours !== undefined ? { medianHoursToDeploy: round(hours) } : {}),
      ...(week.up.length > 0 ? { availability: round((100 * week.up.reduce((sum, value) => sum + value, 0)) / week.up.length) } : {}),
    };
  });
}
