/**
 * The data the report templates render (Markdown and HTML), built from a RolloutReport. Strings are
 * plain text: the Markdown renderer escapes every one (`markdownView`), the HTML template lets
 * Handlebars escape them. Pure.
 */
import type { AuditServingChange } from '../../audit/audit-entry.ts';
import { PHASE_NAMES } from '../../validate/capabilities.ts';
import type { Comparison } from '../criteria.ts';
import type { CriterionResult, CriterionStatus, Measurement, ProdChange, RolloutReport, WaiverView } from '../report-model.ts';

/** Most production changes a rendered report lists (the newest); the JSON report has them all. */
export const DEFAULT_CHANGE_LIMIT = 50;

/** One criterion row. */
export interface CriterionRow {
  readonly title: string;
  readonly target: string;
  readonly value: string;
  readonly status: CriterionStatus;
  /** With an icon, for Markdown. */
  readonly statusText: string;
  /** Words only, for the page (its colour and class carry the rest). */
  readonly statusLabel: string;
  readonly how: string;
  readonly events: number;
}

/** One phase's criteria. */
export interface PhaseView {
  readonly heading: string;
  readonly current: boolean;
  readonly rows: readonly CriterionRow[];
}

/** One KPI or manual figure row. */
export interface FigureRow {
  readonly title: string;
  readonly value: string;
  readonly how: string;
  readonly events: string;
}

/** One production change row. */
export interface ChangeRow {
  readonly seq: number;
  readonly day: string;
  readonly pr: string;
  readonly author: string;
  readonly approvers: string;
  readonly changes: string;
  readonly policy: string;
  readonly waivers: string;
  readonly compliant: boolean;
  /** With an icon, for Markdown. */
  readonly compliance: string;
  /** Words only, for the page. */
  readonly complianceLabel: string;
}

/** The report, ready for a template. */
export interface ReportView {
  readonly title: string;
  readonly subtitle: string;
  readonly sources: readonly string[];
  readonly warnings: readonly string[];
  readonly phases: readonly PhaseView[];
  readonly kpis: readonly FigureRow[];
  readonly manual: readonly FigureRow[];
  readonly changes: readonly ChangeRow[];
  readonly changesHidden: number;
  readonly changesSummary: string;
  readonly waivers: readonly { readonly rule: string; readonly target: string; readonly team: string; readonly ticket: string; readonly approvedBy: string; readonly expires: string; readonly status: string }[];
  readonly riskTiers: readonly { readonly riskTier: string; readonly count: number; readonly models: string }[];
  readonly weeks: readonly { readonly week: string; readonly start: string; readonly deploys: number; readonly succeeded: number; readonly failed: number; readonly rollbacks: number; readonly prodChanges: number; readonly compliant: number; readonly hours: string; readonly availability: string }[];
}

const STATUS_TEXT: Readonly<Record<CriterionStatus, string>> = { met: '✅ met', 'not-met': '❌ not met', 'not-measurable': '⏳ not measurable yet', waived: '🟡 waived' };
const COMPARISON_TEXT: Readonly<Record<Comparison, string>> = { '>': '>', '<': '<', '>=': '≥', '<=': '≤' };

/** A number with its unit, e.g. `93.33 %`, `1.5 h`, `6×`. */
export function formatValue(value: number, unit: string): string {
  if (unit === '') return String(value);
  if (unit === '×') return `${value}×`;
  return `${value} ${unit}`;
}

/** A measured value, or why it is not measurable. */
export function formatMeasurement(measurement: Measurement): string {
  return measurement.value === undefined ? `not measurable yet (${measurement.reason ?? 'no data'})` : formatValue(measurement.value, measurement.unit);
}

/** One criterion as a row. */
export function criterionRow(result: CriterionResult): CriterionRow {
  const waiver = result.waiver;
  const waiverNote = waiver === undefined ? '' : waiver.valid ? ` Waived by ${waiver.approvedBy} until ${waiver.expires} (${waiver.ticket}): ${waiver.justification}` : ` A waiver does not apply: ${waiver.problem ?? ''}.`;
  return {
    title: result.title,
    target: `${COMPARISON_TEXT[result.comparison]} ${formatValue(result.target, result.measurement.unit)}`,
    value: formatMeasurement(result.measurement),
    status: result.status,
    statusText: STATUS_TEXT[result.status],
    statusLabel: STATUS_TEXT[result.status].slice(STATUS_TEXT[result.status].indexOf(' ') + 1),
    how: `${result.measurement.method} [${result.source}].${waiverNote}`,
    events: result.measurement.events,
  };
}

function waiverText(waiver: WaiverView): string {
  return `${waiver.rule} on ${waiver.target} (${waiver.status}, expires ${waiver.expires}${waiver.validAtChange ? '' : ', had expired at the change'})`;
}

/** `team/deployment@environment version (canary …)`. */
export function describeServingChange(change: AuditServingChange): string {
  const what = change.action === 'removed' ? 'removed' : (change.versionAfter ?? change.action);
  return `${change.team}/${change.deployment}@${change.environment} ${what}${change.canary ? ` (canary ${change.canary.version} at ${change.canary.traffic} %)` : ''}`;
}

function changeRow(change: ProdChange): ChangeRow {
  return {
    seq: change.seq,
    day: change.time.slice(0, 10),
    pr: change.pr === undefined ? '—' : `#${change.pr}`,
    author: change.author ?? '—',
    approvers: change.approvers.length === 0 ? 'none' : change.approvers.join(', '),
    changes: change.changes.map(describeServingChange).join('; '),
    policy: change.policyPassed ? 'passed' : `failed (${change.policyErrors} error${change.policyErrors === 1 ? '' : 's'})`,
    waivers: change.waivers.length === 0 ? '—' : change.waivers.map(waiverText).join('; '),
    compliant: change.compliant,
    compliance: change.compliant ? '✅ compliant' : `❌ ${change.problems.join('; ')}`,
    complianceLabel: change.compliant ? 'compliant' : `not compliant: ${change.problems.join('; ')}`,
  };
}

/** The view of a report; at most `changeLimit` production changes (the newest). */
export function reportView(report: RolloutReport, changeLimit = DEFAULT_CHANGE_LIMIT): ReportView {
  const phaseName = report.phase === undefined ? undefined : `phase ${report.phase} (${PHASE_NAMES[report.phase]})`;
  const shown = report.prodChanges.slice(-changeLimit).reverse();
  const compliant = report.prodChanges.filter((change) => change.compliant).length;
  const warnings = [
    ...(report.sources.config ? [] : ['No config repo given (--config): platform adoption and feature usage are not measurable, and the default targets apply.']),
    ...(report.sources.prometheus ? [] : ['No Prometheus given (--prometheus): availability, response time, utilisation and pipeline executions are not measurable.']),
    ...report.sources.unreadableLines.map((where) => `Line ${where} is not an audit entry and was left out.`),
    ...report.sources.chainBreaks.map((text) => `Audit chain: ${text} — run \`mlops audit verify\`.`),
  ];
  return {
    title: `Rollout report${report.organisation === undefined ? '' : ` — ${report.organisation}`}`,
    subtitle: `${phaseName === undefined ? 'Rollout phase unknown (no config repo)' : `Rollout ${phaseName}`} · ${report.window.since} to ${report.window.until}`,
    sources: [`${report.sources.entriesInWindow} of ${report.sources.entries} audit entries in the window, from ${report.sources.files} trail file${report.sources.files === 1 ? '' : 's'}.`],
    warnings,
    phases: ([1, 2, 3, 4] as const)
      .map((phase) => ({ phase, rows: report.criteria.filter((result) => result.phase === phase).map(criterionRow) }))
      .filter(({ rows }) => rows.length > 0)
      .map(({ phase, rows }) => ({ heading: `Phase ${phase}: ${PHASE_NAMES[phase]}${phase === report.phase ? ' (current)' : ''}`, current: phase === report.phase, rows })),
    kpis: report.kpis.map((kpi) => ({ title: kpi.title, value: formatMeasurement(kpi.measurement), how: `${kpi.measurement.method} [${kpi.source}]`, events: String(kpi.measurement.events) })),
    manual: report.manual.map((metric) => ({
      title: metric.name,
      value: formatValue(metric.value, metric.unit),
      how: `entered by hand by ${metric.enteredBy} on ${metric.date}; source: ${metric.source}${metric.target === undefined ? '' : `; target ${metric.target}`}`,
      events: 'entered by hand',
    })),
    changes: shown.map(changeRow),
    changesHidden: report.prodChanges.length - shown.length,
    changesSummary: report.prodChanges.length === 0 ? 'No production change in the window.' : `${report.prodChanges.length} production change${report.prodChanges.length === 1 ? '' : 's'}, ${compliant} compliant.`,
    waivers: report.waivers.map((waiver) => ({ rule: waiver.rule, target: waiver.target, team: waiver.team, ticket: waiver.ticket ?? '—', approvedBy: waiver.approvedBy ?? '—', expires: waiver.expires, status: waiver.status })),
    riskTiers: report.modelsInProd.map((tier) => ({ riskTier: tier.riskTier, count: tier.models.length, models: tier.models.join(', ') || '—' })),
    weeks: report.weeks.map((week) => ({
      week: week.week,
      start: week.start,
      deploys: week.deploys,
      succeeded: week.succeeded,
      failed: week.failed,
      rollbacks: week.rollbacks,
      prodChanges: week.prodChanges,
      compliant: week.compliant,
      hours: week.medianHoursToDeploy === undefined ? '—' : String(week.medianHoursToDeploy),
      availability: week.availability === undefined ? '—' : `${week.availability} %`,
    })),
  };
}
