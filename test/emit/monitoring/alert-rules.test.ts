import { describe, expect, it } from 'vitest';
import { driftCheckMaxAgeSeconds, longestScheduleGap } from '../../../compiler/emit/monitoring/alert-rules.ts';

describe('drift-check staleness', () => {
  it('measures the longest gap between runs of a schedule', () => {
    expect(longestScheduleGap('0 * * * *')).toBe(3600);
    expect(longestScheduleGap('30 */2 * * *')).toBe(7200);
    expect(longestScheduleGap('0 3 * * 1')).toBe(7 * 86_400);
    // Weekdays only: Friday 23:00 to Monday 00:00.
    expect(longestScheduleGap('0 * * * 1-5')).toBe(49 * 3600);
    expect(longestScheduleGap('0 0 1 * *')).toBe(31 * 86_400);
  });

  it('measures a schedule that runs less than once a year, and assumes a year for one that never runs', () => {
    expect(longestScheduleGap('0 0 29 2 *')).toBeGreaterThanOrEqual(4 * 365 * 86_400);
    expect(longestScheduleGap('0 0 30 2 *')).toBe(366 * 86_400);
  });

  it('allows the gap, the one-hour run deadline and ten minutes of slack', () => {
    expect(driftCheckMaxAgeSeconds('0 * * * *')).toBe(3600 + 3600 + 600);
  });
});
