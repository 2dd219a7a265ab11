/** Charts render to SVG headless, the same bytes every time, and never load anything. */
import { describe, expect, it } from 'vitest';
import { renderCharts } from '../../../compiler/cli/report/render-charts.ts';
import { buildReport } from '../../../compiler/report/build-report.ts';
import { readTrail } from '../../../compiler/report/read-trail.ts';
import { chartSpecs } from '../../../compiler/report/render/chart-specs.ts';
import { scenarioTrail, UNTIL } from '../../report/scenario.ts';
import { trailFiles } from '../../report/trail-builder.ts';

describe('renderCharts', () => {
  it('renders every chart of the report as SVG, deterministically', async () => {
    const specs = chartSpecs(buildReport({ trail: readTrail(trailFiles(scenarioTrail())), until: UNTIL }));
    const first = await renderCharts(specs);
    expect(first.map((chart) => chart.id)).toEqual(['deploys-per-week', 'time-to-deploy', 'compliance-per-week', 'models-by-risk-tier']);
    for (const chart of first) expect(chart.svg).toMatch(/^<svg [^>]*class="marks"[\s\S]*<\/svg>$/);
    expect(await renderCharts(specs)).toEqual(first);
  });

  it('refuses a spec that would load data from a URL', async () => {
    const spec = { id: 'x', title: 'x', description: 'x', spec: { data: { url: 'http://127.0.0.1:9/data.json' }, mark: 'bar', encoding: { x: { field: 'a', type: 'nominal' } } } };
    await expect(renderCharts([spec])).rejects.toThrow("bug: chart x asked to load http://127.0.0.1:9/data.json; chart data must be inline");
  });
});
