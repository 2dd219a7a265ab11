/** Charts render to SVG headless, the same bytes every time, and never load anything. */
import { describe, expect, it } from 'vitest';
import { renderCharts } from '../../../compiler/cli/report/render-charts.ts';
import { buildReport } from '../../../compiler/report/build-report.ts';
import { reportTrail } from '../../../compiler/report/report-trail.ts';
import { chartSpecs } from '../../../compiler/report/render/chart-specs.ts';
import { scenarioTrail, UNTIL } from '../../report/scenario.ts';
import { trailFiles } from '../../report/trail-builder.ts';

describe('renderCharts', () => {
  it('renders every chart of the report as SVG, deterministically', async () => {
    const specs = chartSpecs(buildReport({ trail: reportTrail(trailFiles(scenarioTrail())), until: UNTIL }));
    const first = await renderCharts(specs);
    expect(first.map((chart) => chart.id)).toEqual(['deploys-per-week', 'time-to-deploy', 'compliance-per-week', 'models-by-risk-tier']);
    for (const chart of first) expect(chart.svg).toMatch(/^<svg [^>]*class="marks"[\s\S]*<\/svg>$/);
    expect(await renderCharts(specs)).toEqual(first);
  });

  it('with Prometheus samples, availability per week is charted too', async () => {
    const start = Date.parse('2026-03-02T00:00:00Z') / 1000;
    const points: [number, number][] = Array.from({ length: 48 }, (_, hour) => [start + hour * 3600, hour < 12 ? 0.5 : 1]);
    const report = buildReport({ trail: reportTrail(trailFiles(scenarioTrail())), until: UNTIL, prometheus: { url: 'http://127.0.0.1:9090/', stepSeconds: 3600, availability: { query: 'avg(up)', points } } });
    expect(report.weeks.find((week) => week.week === '2026-W10')!.availability).toBe(87.5);
    const charts = await renderCharts(chartSpecs(report));
    const availability = charts.find((chart) => chart.id === 'availability-per-week')!;
    expect(availability.description).toBe('A line over 1 week of Prometheus data: the share of serving targets up, 87.5 % at its lowest.');
    expect(availability.svg).toContain('mark-line');
  });

  it('refuses a spec that would load data from a URL', async () => {
    const spec = { id: 'x', title: 'x', description: 'x', spec: { data: { url: 'http://127.0.0.1:9/data.json' }, mark: 'bar', encoding: { x: { field: 'a', type: 'nominal' } } } };
    await expect(renderCharts([spec])).rejects.toThrow("bug: chart x asked to load http://127.0.0.1:9/data.json; chart data must be inline");
  });
});
