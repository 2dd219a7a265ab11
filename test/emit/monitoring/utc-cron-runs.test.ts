import { CronExpressionParser } from 'cron-parser';
import { describe, expect, it } from 'vitest';
import { utcCronRuns } from '../../../compiler/emit/monitoring/utc-cron-runs.ts';

const EPOCH = Date.parse('2026-01-02T00:00:00Z');
const END = EPOCH + 366 * 86_400_000;

/** What cron-parser's own iterator yields, with the same stopping rule. */
function parserRuns(schedule: string, limit: number, until: number): number[] {
  const runs = CronExpressionParser.parse(schedule, { currentDate: new Date(EPOCH), tz: 'UTC' });
  const times: number[] = [];
  while (times.length < limit) {
    const time = runs.next().getTime();
    times.push(time);
    if (times.length >= 2 && time >= until) break;
  }
  return times;
}

function fastRuns(schedule: string, limit: number, until: number): number[] | undefined {
  return utcCronRuns(CronExpressionParser.parse(schedule, { currentDate: new Date(EPOCH), tz: 'UTC' }), EPOCH, limit, until);
}

const PLAIN = [
  '0 0 * * *', '* * * * *', '15 * * * *', '0 3 * * 1', '0 3 * * 7', '0 3 * * 0,6', '30 */2 * * *', '0 * * * 1-5', '*/5 * * * 1-5',
  '0 0 1 * *', '0 0 31 * *', '0 12 1,15 * 1', '0 0 13 * 5', '5-10/2 3,4 * 1-3 *', '0 0 1 1 *', '59 23 31 12 *',
  '0 0 * * MON', '0 0 1 JAN,JUL *', '0 */6 1-7 * *', '0 0 */3 * *', '0 0 1-31 * *', '0 0 * * 0-6', '*/7 1-23/5 2-30/3 */2 1-5',
];

describe('utcCronRuns', () => {
  it.each(PLAIN)('gives the runs cron-parser gives for %s', (schedule) => {
    for (const [limit, until] of [[301, END], [5, EPOCH], [2000, END + 400 * 86_400_000]] as const) {
      expect(fastRuns(schedule, limit, until)).toEqual(parserRuns(schedule, limit, until));
    }
  });

  it('handles plain fields and declines L, # and ?', () => {
    expect(fastRuns('0 3 * * 1', 3, END)).toEqual([Date.parse('2026-01-05T03:00:00Z'), Date.parse('2026-01-12T03:00:00Z'), Date.parse('2026-01-19T03:00:00Z')]);
    expect(fastRuns('0 0 L * *', 3, END)).toBeUndefined();
    expect(fastRuns('0 0 * * 5#3', 3, END)).toBeUndefined();
    expect(fastRuns('0 0 * * 5L', 3, END)).toBeUndefined();
    expect(fastRuns('0 0 ? * 1', 3, END)).toBeUndefined();
  });

  it('declines a schedule with more than 400 days between runs', () => {
    expect(fastRuns('0 0 29 2 *', 3, END)).toBeUndefined();
  });

  it('starts strictly after the given time', () => {
    expect(fastRuns('0 0 * * *', 1, END)).toEqual([EPOCH + 86_400_000]);
  });
});
