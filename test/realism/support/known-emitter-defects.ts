/**
 * Defects of the emitted alerting rules that the promtool tests expose and that are not fixed yet.
 * `prometheus-rules.test.ts` runs every defect's detector over every emitted alert and asserts it finds
 * exactly the alerts listed here (none, for a defect not listed): fixing the emitter makes the test
 * fail until the entry is removed, and a new alert with a known defect makes it fail too.
 *
 * The three defects the drift helper found are fixed (issue 11, item 4): `ModelDataDrift` waits 5 m
 * instead of `for: 0m`; `ModelAvailabilityLow` has no `absent(up == 1)` fallback that fired forever
 * without targets; `ModelDriftCheckFailing` alerts on the age of
 * `mlops_drift_check_last_success_timestamp_seconds` instead of a failed Job kept for a day.
 */

/** The defects a detector exists for. */
export type EmitterDefectId = 'for-0m' | 'fires-forever-without-series' | 'failed-job-latches';

/** One known defect and the alerts (by name) that have it today. */
export interface KnownEmitterDefect {
  readonly id: EmitterDefectId;
  readonly alerts: readonly string[];
  readonly description: string;
}

/** What each defect means (the detectors in `prometheus-rules.test.ts` test exactly this). */
export const EMITTER_DEFECT_DESCRIPTIONS: Readonly<Record<EmitterDefectId, string>> = {
  'for-0m': '`for: 0m`: fires on a single evaluation of a single push, which issue 11 lists as unidiomatic; give it a `for` of at least one evaluation interval.',
  'fires-forever-without-series':
    'fires, and keeps firing (24 h and more), when no series exists at all — a deployment scaled to zero, not yet rolled out, or a scrape config that selects nothing; issue 11 item 4 says it must not fire forever.',
  'failed-job-latches':
    'one failed drift-check run keeps the alert firing while every later run succeeds (e.g. `max(kube_job_status_failed{…}) > 0` while the failed Job is kept up to 24 h); alert on the age of `mlops_drift_check_last_success_timestamp_seconds` instead.',
};

/** The defects of the emitted rules as of this commit: none. */
export const KNOWN_EMITTER_DEFECTS: readonly KnownEmitterDefect[] = [];
