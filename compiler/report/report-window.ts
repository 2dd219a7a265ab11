/** The period a report covers, and the shape of a figure without data. Pure. */
import type { Measurement } from './report-model.ts';

/** The period a report covers: events from `since` to `until` (milliseconds, `until` inclusive). */
export interface ReportWindow {
  readonly since: number;
  readonly until: number;
}

/** True when `time` falls inside the window. */
export function inWindow(window: ReportWindow, time: number): boolean {
  return time >= window.since && time <= window.until;
}

/** A measurement that has no data yet. */
export function notMeasurable(unit: string, method: string, reason: string, events = 0): Measurement {
  return { unit, method, events, reason };
}
