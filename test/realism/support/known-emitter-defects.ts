/**
 * Defects of the emitted alerting rules that the promtool tests expose and that are not fixed yet
 * (the emitter, `compiler/emit/monitoring/alert-rules.ts`, is not this test's to change). The test
 * asserts each defect is still present in exactly these alerts: fixing the emitter makes it fail
 * until the entry is removed here, and a new alert with the same defect makes it fail too.
 */

/** One known defect and the alerts (by name) that have it today. */
export interface KnownEmitterDefect {
  readonly id: 'for-0m' | 'fires-forever-without-series' | 'failed-job-latches';
  readonly alerts: readonly string[];
  readonly description: string;
}

/** The defects of the emitted rules as of this commit. */
export const KNOWN_EMITTER_DEFECTS: readonly KnownEmitterDefect[] = [
  {
    id: 'for-0m',
    alerts: ['ModelDataDrift'],
    description: '`for: 0m`: fires on a single evaluation of a single push, which issue 11 lists as unidiomatic; give it a `for` of at least one evaluation interval.',
  },
  {
    id: 'fires-forever-without-series',
    alerts: ['ModelAvailabilityLow'],
    description:
      '`… or absent(up{…} == 1) * 0` fires, and keeps firing (24 h and more), when no `up` series exists at all — a deployment scaled to zero, not yet rolled out, or a ServiceMonitor that selects nothing; issue 11 item 4 says it must not fire forever.',
  },
  {
    id: 'failed-job-latches',
    alerts: ['ModelDriftCheckFailing'],
    description:
      '`max(kube_job_status_failed{…}) > 0` stays true while a failed Job is kept (the CronJob keeps 3 failed Jobs, each up to ttlSecondsAfterFinished = 24 h): one failed run alerts for up to a day although every later run succeeded. Alert on the age of `mlops_drift_check_last_success_timestamp_seconds` (or kube_cronjob_status_last_successful_time) instead.',
  },
];
