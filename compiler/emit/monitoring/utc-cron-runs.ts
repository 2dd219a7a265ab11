/**
 * The runs of a plain cron schedule in UTC, enumerated with integer arithmetic. cron-parser's own
 * `next()` steps through luxon dates and cost ~60 ms of every `mlops compile` for two drift schedules;
 * this walks the same calendar directly. It handles only fields of plain numbers (`*`, lists, ranges,
 * steps; no `L`, `#` or `?`) with second 0, and gives up (undefined) on anything else — the caller then
 * asks cron-parser, so every schedule gets the runs cron-parser would give.
 */
import type { CronExpression } from 'cron-parser';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Days searched past one run for the next before giving up (cron-parser is asked instead). */
const MAX_DAYS_BETWEEN_RUNS = 400;

function numbers(values: readonly unknown[]): number[] | undefined {
  return values.every((value) => typeof value === 'number') ? (values as number[]) : undefined;
}

/**
 * Up to `limit` run times (ms since the epoch, ascending) of `expression` strictly after `after`, in
 * UTC, stopping early at the first run from the second on that is at or past `until`; undefined when the schedule is not plain
 * (see the file comment) or has a gap longer than 400 days.
 */
export function utcCronRuns(expression: CronExpression, after: number, limit: number, until: number): number[] | undefined {
  const { second, minute, hour, dayOfMonth, dayOfWeek, month } = expression.fields;
  if (dayOfMonth.hasLastChar || dayOfWeek.hasLastChar || dayOfMonth.hasQuestionMarkChar || dayOfWeek.hasQuestionMarkChar || dayOfWeek.nthDay) return undefined;
  const seconds = numbers(second.values);
  const minutes = numbers(minute.values);
  const hours = numbers(hour.values);
  const days = numbers(dayOfMonth.values);
  const weekdays = numbers(dayOfWeek.values);
  const months = numbers(month.values);
  if (!seconds || !minutes || !hours || !days || !weekdays || !months || seconds.length !== 1 || seconds[0] !== 0) return undefined;
  const daySet = new Set(days);
  const weekdaySet = new Set(weekdays.map((day) => day % 7));
  const monthSet = new Set(months);
  const domRestricted = !dayOfMonth.isWildcard;
  const dowRestricted = !dayOfWeek.isWildcard;
  const dayMatches = (date: Date): boolean => {
    if (!monthSet.has(date.getUTCMonth() + 1)) return false;
    const dom = daySet.has(date.getUTCDate());
    const dow = weekdaySet.has(date.getUTCDay());
    if (domRestricted && dowRestricted) return dom || dow;
    if (domRestricted) return dom;
    if (dowRestricted) return dow;
    return dom;
  };
  const runs: number[] = [];
  let day = Math.floor(after / DAY_MS) * DAY_MS;
  let lastFound = day;
  while (runs.length < limit) {
    if (day - lastFound > MAX_DAYS_BETWEEN_RUNS * DAY_MS) return undefined;
    if (dayMatches(new Date(day))) {
      for (const h of hours) {
        for (const m of minutes) {
          const time = day + h * HOUR_MS + m * MINUTE_MS;
          if (time <= after) continue;
          runs.push(time);
          lastFound = day;
          if (runs.length >= limit || (runs.length >= 2 && time >= until)) return runs;
        }
      }
    }
    day += DAY_MS;
  }
  return runs;
}
