/**
 * The rollout report from its inputs: the audit trail's entries, the resolved org when a config repo
 * is given, and Prometheus samples when a server is given. Every figure says how it was computed and
 * from how many events, or why it is not measurable yet. Pure: the shell reads the inputs.
 */
import type { AuditEntry } from '../audit/audit-entry.ts';
import type { ResolvedOrg } from '../resolve/resolved-org.ts';
import { dayOf } from './calendar.ts';
import type { CriterionId, Phase } from './criteria.ts';
import { type DeployAttempt, deployAttempts, LANDED_EVENTS } from './deploy-attempts.ts';
import { evaluateCriteria, type RolloutEvidence } from './evaluate-criteria.ts';
import { modelsDeployed, modelsInProd } from './models-in-prod.ts';
import { featureUsage, platformAdoption } from './org-figures.ts';
import { type ComplianceContext, complianceScore, prodChanges, waiversInWindow } from './prod-changes.ts';
import { apiResponseTime, availability, pipelineExecutions, type PrometheusSamples, resourceUtilisation } from './prometheus-figures.ts';
import type { Trail } from './report-trail.ts';
import type { KpiResult, Measurement, ProdChange, RolloutReport } from './report-model.ts';
import { inWindow, notMeasurable, type ReportWindow } from './report-window.ts';
import { accuracyImprovement, activeUsers, deploymentFrequency, deploymentSuccess, rollbacks, timeToDeploy, timeToMarket } from './trail-figures.ts';
import { weeklyTrends } from './weekly-trends.ts';

/** Inputs of a report. */
export interface ReportInputs {
  readonly trail: Trail;
  /** The config repo's resolved org, for adoption, feature usage, targets, waivers and approvals. */
  readonly org?: ResolvedOrg;
  readonly prometheus?: PrometheusSamples;
  /** The report's end, e.g. now. */
  readonly until: Date;
  /** The report's start. @default the trail's first entry (or `until` for an empty trail) */
  readonly since?: Date;
}

/** The window of a report. */
export function reportWindow(inputs: Pick<ReportInputs, 'trail' | 'until' | 'since'>): ReportWindow {
  const until = inputs.until.getTime();
  const first = inputs.trail.entries[0];
  const since = inputs.since?.getTime() ?? (first ? Math.min(Date.parse(first.time), until) : until);
  return { since: Math.floor(since / 86_400_000) * 86_400_000, until };
}

function complianceContext(org: ResolvedOrg | undefined): ComplianceContext {
  if (!org) return {};
  return { productionApprovals: new Map(org.platform.environments.filter((environment) => environment.tier === 'production').map((environment) => [environment.name, environment.approvals])) };
}

/**
 * The entries of changes (landed or failed deploys) and their times: every figure but deploy
 * outcomes reads only these, and Argo CD reports (one per cluster per deploy) are most of a trail.
 */
function changeEntries(trail: Trail): Pick<Trail, 'entries' | 'times'> {
  const entries: AuditEntry[] = [];
  const times: number[] = [];
  for (let index = 0; index < trail.entries.length; index++) {
    const entry = trail.entries[index]!;
    if (LANDED_EVENTS.has(entry.event) || entry.event === 'deploy-failed') {
      entries.push(entry);
      times.push(trail.times[index]!);
    }
  }
  return { entries, times: Float64Array.from(times) };
}

interface Computed {
  readonly window: ReportWindow;
  readonly changeTrail: Pick<Trail, 'entries' | 'times'>;
  readonly attempts: readonly DeployAttempt[];
  readonly changes: readonly ProdChange[];
  readonly measurements: Record<CriterionId, Measurement>;
}

function compute(inputs: ReportInputs): Computed {
  const window = reportWindow(inputs);
  const attempts = deployAttempts(inputs.trail);
  const trail = changeEntries(inputs.trail);
  const changes = prodChanges(trail, window, complianceContext(inputs.org));
  return {
    window,
    changeTrail: trail,
    attempts,
    changes,
    measurements: {
      deploymentSuccess: deploymentSuccess(attempts, window),
      timeToDeploy: timeToDeploy(attempts, window),
      availability: availability(inputs.prometheus),
      deploymentFrequency: deploymentFrequency(attempts, window),
      accuracyImprovement: accuracyImprovement(trail, window),
      platformAdoption: platformAdoption(inputs.org, trail, window),
      timeToMarket: timeToMarket(trail, window),
      complianceScore: complianceScore(changes),
    },
  };
}

/** Every criterion measured, for the phase gate of `plan` (`rolloutEvidence`). */
export function measureCriteria(inputs: ReportInputs, source: string): RolloutEvidence {
  const { window, measurements } = compute(inputs);
  return { measurements, source, window: { since: dayOf(window.since), until: dayOf(window.until) } };
}

/** The whole report. */
export function buildReport(inputs: ReportInputs): RolloutReport {
  const { window, changeTrail, attempts, changes, measurements } = compute(inputs);
  const entries = inputs.trail.entries;
  const platform = inputs.org?.platform;
  const byTier = modelsInProd(changeTrail, window);
  const landed = attempts.some((attempt) => attempt.landed && attempt.time <= window.until);
  const kpis: KpiResult[] = [
    { id: 'deploymentTime', title: 'Deployment time', source: 'audit trail', measurement: measurements.timeToDeploy },
    { id: 'availability', title: 'Availability', source: 'Prometheus', measurement: measurements.availability },
    { id: 'apiResponseTime', title: 'API response time (p99)', source: 'Prometheus', measurement: apiResponseTime(inputs.prometheus) },
    { id: 'resourceUtilisation', title: 'Resource utilisation (CPU)', source: 'Prometheus', measurement: resourceUtilisation(inputs.prometheus) },
    { id: 'modelsDeployed', title: 'Models deployed in production', source: 'audit trail', measurement: landed ? modelsDeployed(byTier, changes.length) : notMeasurable('', 'distinct models serving in production at the end of the window', 'no deploy yet') },
    { id: 'pipelineExecutions', title: 'Pipeline executions', source: 'Prometheus', measurement: pipelineExecutions(inputs.prometheus) },
    { id: 'activeUsers', title: 'Active users (PR authors and reviewers)', source: 'audit trail', measurement: activeUsers(changeTrail, window) },
    { id: 'featureUsage', title: 'Feature usage (capabilities in use)', source: 'config', measurement: featureUsage(inputs.org) },
    { id: 'rollbacks', title: 'Rollbacks', source: 'audit trail', measurement: rollbacks(changeTrail, window) },
  ];
  return {
    version: 1,
    ...(platform ? { organisation: platform.name, phase: platform.phase as Phase } : {}),
    window: { since: dayOf(window.since), until: dayOf(window.until) },
    sources: {
      entries: entries.length,
      entriesInWindow: inputs.trail.times.filter((time) => inWindow(window, time)).length,
      files: inputs.trail.files,
      unreadableLines: inputs.trail.unreadableLines,
      chainBreaks: inputs.trail.chainBreaks,
      config: inputs.org !== undefined,
      prometheus: inputs.prometheus !== undefined,
    },
    criteria: evaluateCriteria(platform?.config, measurements, inputs.until),
    kpis,
    manual: (platform?.config.rollout?.manualMetrics ?? []).map((metric) => ({ name: metric.name, value: metric.value, unit: metric.unit ?? '', ...(metric.target !== undefined ? { target: metric.target } : {}), source: metric.source, enteredBy: metric.enteredBy, date: metric.date })),
    prodChanges: changes,
    waivers: waiversInWindow(changes),
    modelsInProd: byTier,
    weeks: weeklyTrends(attempts, changes, window, inputs.prometheus),
  };
}
