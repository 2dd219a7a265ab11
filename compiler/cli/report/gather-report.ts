/**
 * The shell side of a rollout report: reads the deploy repo's trail, the config repo (when given)
 * and Prometheus (when given), builds the report with the pure core, and renders it in a format.
 * Shared by `mlops report`, `mlops plan --deploy-repo`, the demo and the bot's `/mlops report`.
 */
import { relative } from 'node:path';
import { validate } from '../../pipeline.ts';
import { buildReport, measureCriteria, type ReportInputs } from '../../report/build-report.ts';
import type { RolloutEvidence } from '../../report/evaluate-criteria.ts';
import { reportTrail } from '../../report/report-trail.ts';
import type { RolloutReport } from '../../report/report-model.ts';
import { chartSpecs } from '../../report/render/chart-specs.ts';
import { renderHtml, renderJson, renderMarkdown } from '../../report/render/render-report.ts';
import type { ResolvedOrg } from '../../resolve/resolved-org.ts';
import { UsageError } from '../command.ts';
import { readSourceTree } from '../fs-source.ts';
import { type PrometheusOptions, queryPrometheus } from './prometheus-client.ts';
import { readReportTemplates } from './read-report-templates.ts';
import { readTrailFiles } from '../trail/read-trail.ts';
import { renderCharts } from './render-charts.ts';

/** Output formats of a report. */
export type ReportFormat = 'md' | 'html' | 'json';

/** Where the report's inputs are. */
export interface ReportRequest {
  /** Absolute path of the deploy repo. */
  readonly deployRepo: string;
  /** Absolute path of the config repo, or a resolved org already at hand. */
  readonly config?: string | ResolvedOrg;
  readonly prometheus?: string;
  readonly prometheusOptions?: PrometheusOptions;
  readonly since?: Date;
  readonly until: Date;
  /** Working directory, for the paths shown. */
  readonly cwd: string;
  /** The deploy repo as the user wrote it, for messages. @default its path relative to `cwd` */
  readonly deployRepoShown?: string;
}

async function resolveConfig(config: string, cwd: string): Promise<ResolvedOrg> {
  const result = validate(await readSourceTree(config));
  if (!result.org) throw new UsageError(`Config repo ${relative(cwd, config) || '.'} has errors; run \`mlops validate ${relative(cwd, config) || '.'}\`.`);
  return result.org;
}

/** Reads every input of a report. */
export async function gatherInputs(request: ReportRequest): Promise<{ inputs: ReportInputs; origin: string }> {
  const display = request.deployRepoShown ?? (relative(request.cwd, request.deployRepo) || '.');
  const source = await readTrailFiles(request.deployRepo, display);
  const trail = reportTrail(source.files);
  const org = typeof request.config === 'string' ? await resolveConfig(request.config, request.cwd) : request.config;
  const first = trail.entries[0];
  const since = request.since ?? (first ? new Date(Math.min(Date.parse(first.time), request.until.getTime())) : request.until);
  const prometheus = request.prometheus === undefined ? undefined : await queryPrometheus(request.prometheus, since, request.until, request.prometheusOptions);
  return {
    inputs: { trail, until: request.until, ...(request.since ? { since: request.since } : {}), ...(org ? { org } : {}), ...(prometheus ? { prometheus } : {}) },
    origin: source.origin,
  };
}

/** The report of a request. */
export async function gatherReport(request: ReportRequest): Promise<RolloutReport> {
  return buildReport((await gatherInputs(request)).inputs);
}

/** The criteria measured for the phase gate (`plan`'s `rolloutEvidence`). */
export async function gatherEvidence(request: ReportRequest): Promise<RolloutEvidence> {
  const { inputs, origin } = await gatherInputs(request);
  return measureCriteria(inputs, origin);
}

/** A report rendered in a format (the HTML page with its charts rendered to SVG). */
export async function renderReportAs(report: RolloutReport, format: ReportFormat): Promise<string> {
  if (format === 'json') return renderJson(report);
  const templates = await readReportTemplates();
  if (format === 'md') return renderMarkdown(report, templates);
  return renderHtml(report, templates, await renderCharts(chartSpecs(report)));
}
