/**
 * The dashboard's charts as Vega-Lite specs with their data inline (no URL, so rendering never
 * fetches), each with a text alternative that says what it shows. The shell renders them to SVG. Pure.
 */
import type { RolloutReport } from '../report-model.ts';

/** A chart: a Vega-Lite spec and its text alternative. */
export interface ChartSpec {
  readonly id: string;
  readonly title: string;
  /** A sentence or two for screen readers; the data is also in a table. */
  readonly description: string;
  readonly spec: Readonly<Record<string, unknown>>;
}

/** Colours with at least 3:1 contrast on white (WCAG non-text contrast). */
const COLORS = { good: '#1a7f37', bad: '#cf222e', neutral: '#6e7781', line: '#0969da', high: '#cf222e', medium: '#9a6700', low: '#1a7f37' };

const BASE = {
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  width: 520,
  height: 200,
  background: 'white',
  config: { font: 'system-ui, sans-serif', axis: { labelColor: '#24292f', titleColor: '#24292f', labelFontSize: 11, titleFontSize: 12 }, legend: { labelColor: '#24292f', titleColor: '#24292f' }, view: { stroke: null } },
};

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** The charts of a report (charts without data are left out). */
export function chartSpecs(report: RolloutReport): ChartSpec[] {
  const weeks = report.weeks;
  const charts: ChartSpec[] = [];
  const outcomes = weeks.flatMap((week) => [
    { week: week.week, outcome: 'synced healthy', count: week.succeeded },
    { week: week.week, outcome: 'failed or degraded', count: week.failed },
    { week: week.week, outcome: 'awaiting Argo CD', count: week.deploys - week.succeeded - week.failed },
  ]);
  charts.push({
    id: 'deploys-per-week',
    title: 'Deploys per week, by outcome',
    description: `Stacked bars, one per week from ${weeks[0]?.week ?? '—'} to ${weeks.at(-1)?.week ?? '—'}: ${sum(weeks.map((week) => week.deploys))} deploy attempts, ${sum(weeks.map((week) => week.succeeded))} synced healthy, ${sum(weeks.map((week) => week.failed))} failed or degraded. The weekly table below has every figure.`,
    spec: {
      ...BASE,
      data: { values: outcomes },
      mark: { type: 'bar' },
      encoding: {
        x: { field: 'week', type: 'ordinal', title: 'ISO week', axis: { labelAngle: -45 } },
        y: { field: 'count', type: 'quantitative', title: 'deploy attempts', axis: { tickMinStep: 1 } },
        color: { field: 'outcome', type: 'nominal', title: 'outcome', scale: { domain: ['synced healthy', 'failed or degraded', 'awaiting Argo CD'], range: [COLORS.good, COLORS.bad, COLORS.neutral] } },
        order: { field: 'outcome' },
      },
    },
  });
  const hours = weeks.filter((week) => week.medianHoursToDeploy !== undefined).map((week) => ({ week: week.week, hours: week.medianHoursToDeploy }));
  if (hours.length > 0) {
    charts.push({
      id: 'time-to-deploy',
      title: 'Median time to deploy per week (hours)',
      description: `A line over ${hours.length} week${hours.length === 1 ? '' : 's'} with measured deploys: the median hours from PR opened to synced healthy, from ${hours[0]!.hours} h in ${hours[0]!.week} to ${hours.at(-1)!.hours} h in ${hours.at(-1)!.week}.`,
      spec: { ...BASE, data: { values: hours }, mark: { type: 'line', point: true, color: COLORS.line }, encoding: { x: { field: 'week', type: 'ordinal', title: 'ISO week', axis: { labelAngle: -45 } }, y: { field: 'hours', type: 'quantitative', title: 'hours' } } },
    });
  }
  const compliance = weeks.flatMap((week) => [
    { week: week.week, state: 'compliant', count: week.compliant },
    { week: week.week, state: 'not compliant', count: week.prodChanges - week.compliant },
  ]);
  if (weeks.some((week) => week.prodChanges > 0)) {
    charts.push({
      id: 'compliance-per-week',
      title: 'Production changes per week, by compliance',
      description: `Stacked bars per week: ${sum(weeks.map((week) => week.prodChanges))} production changes, ${sum(weeks.map((week) => week.compliant))} of them compliant.`,
      spec: { ...BASE, data: { values: compliance }, mark: { type: 'bar' }, encoding: { x: { field: 'week', type: 'ordinal', title: 'ISO week', axis: { labelAngle: -45 } }, y: { field: 'count', type: 'quantitative', title: 'production changes', axis: { tickMinStep: 1 } }, color: { field: 'state', type: 'nominal', title: 'compliance', scale: { domain: ['compliant', 'not compliant'], range: [COLORS.good, COLORS.bad] } }, order: { field: 'state' } } },
    });
  }
  const availability = weeks.filter((week) => week.availability !== undefined).map((week) => ({ week: week.week, availability: week.availability }));
  if (availability.length > 0) {
    charts.push({
      id: 'availability-per-week',
      title: 'Availability per week (%)',
      description: `A line over ${availability.length} week${availability.length === 1 ? '' : 's'} of Prometheus data: the share of serving targets up, ${Math.min(...availability.map((week) => week.availability!))} % at its lowest.`,
      spec: { ...BASE, data: { values: availability }, mark: { type: 'line', point: true, color: COLORS.line }, encoding: { x: { field: 'week', type: 'ordinal', title: 'ISO week', axis: { labelAngle: -45 } }, y: { field: 'availability', type: 'quantitative', title: 'percent up', scale: { zero: false } } } },
    });
  }
  charts.push({
    id: 'models-by-risk-tier',
    title: 'Models in production by risk tier',
    description: `Bars per risk tier: ${report.modelsInProd.map((tier) => `${tier.models.length} ${tier.riskTier}`).join(', ')}.`,
    spec: {
      ...BASE,
      height: 120,
      data: { values: report.modelsInProd.map((tier) => ({ riskTier: tier.riskTier, models: tier.models.length })) },
      mark: { type: 'bar' },
      encoding: {
        y: { field: 'riskTier', type: 'nominal', title: 'risk tier', sort: ['high', 'medium', 'low'] },
        x: { field: 'models', type: 'quantitative', title: 'models', axis: { tickMinStep: 1 } },
        color: { field: 'riskTier', type: 'nominal', legend: null, scale: { domain: ['high', 'medium', 'low'], range: [COLORS.high, COLORS.medium, COLORS.low] } },
      },
    },
  });
  return charts;
}
