/**
 * Renders a rollout report as Markdown (the PR comment of `/mlops report`), JSON, or the HTML
 * dashboard (one self-contained page: inline CSS, charts as inline SVG, no script, no request).
 * Template sources are inputs (`templates/report/`, read by the shell); chart SVGs too (the shell
 * renders the Vega-Lite specs of `chartSpecs`). Pure.
 */
import Handlebars from 'handlebars';
import { escapeInline } from '../../plan/report/escape.ts';
import type { RolloutReport } from '../report-model.ts';
import type { ChartSpec } from './chart-specs.ts';
import { DEFAULT_CHANGE_LIMIT, type ReportView, reportView } from './report-view.ts';

/** Marker that starts the `/mlops report` comment, so the bot updates its own comment. */
export const REPORT_MARKER = '<!-- mlops-rollout-report -->';

/** Template sources: the Markdown and HTML pages and their partials by name (`md-…` for Markdown, `html-…` for the page). */
export interface ReportTemplates {
  readonly markdown: string;
  readonly html: string;
  readonly partials: Readonly<Record<string, string>>;
}

/** A chart rendered to SVG. */
export interface RenderedChart extends Pick<ChartSpec, 'id' | 'title' | 'description'> {
  /** The SVG markup, as the chart library rendered it. */
  readonly svg: string;
}

/** Every string of a view, escaped for GitHub Markdown. */
function escapeStrings<T>(value: T): T {
  if (typeof value === 'string') return escapeInline(value) as T;
  if (Array.isArray(value)) return value.map(escapeStrings) as T;
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, member]) => [key, escapeStrings(member)])) as T;
  return value;
}

function handlebarsWith(partials: Readonly<Record<string, string>>, noEscape: boolean): typeof Handlebars {
  const handlebars = Handlebars.create();
  for (const [name, source] of Object.entries(partials)) handlebars.registerPartial(name, handlebars.compile(source, { noEscape, strict: true }));
  handlebars.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  return handlebars;
}

/** The report as Markdown (starts with REPORT_MARKER). */
export function renderMarkdown(report: RolloutReport, templates: ReportTemplates, changeLimit = DEFAULT_CHANGE_LIMIT): string {
  const view: ReportView = escapeStrings(reportView(report, changeLimit));
  const partials = Object.fromEntries(Object.entries(templates.partials).filter(([name]) => name.startsWith('md-')));
  const main = handlebarsWith(partials, true).compile<{ marker: string; view: ReportView }>(templates.markdown, { noEscape: true, strict: true });
  return `${main({ marker: REPORT_MARKER, view }).replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

/** The report as stable JSON. */
export function renderJson(report: RolloutReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** The dashboard page. Text is HTML-escaped by Handlebars; chart SVGs are inserted as rendered. */
export function renderHtml(report: RolloutReport, templates: ReportTemplates, charts: readonly RenderedChart[], changeLimit = 500): string {
  const view = reportView(report, changeLimit);
  const partials = Object.fromEntries(Object.entries(templates.partials).filter(([name]) => name.startsWith('html-')));
  const main = handlebarsWith(partials, false).compile<{ view: ReportView; charts: readonly RenderedChart[] }>(templates.html, { strict: true });
  const safeCharts = charts.map((chart) => ({ ...chart, svg: new Handlebars.SafeString(chart.svg) as unknown as string }));
  return `${main({ view, charts: safeCharts }).replace(/\n{3,}/g, '\n\n').trim()}\n`;
}
