/**
 * Renders the dashboard's Vega-Lite specs to SVG headless (vega's `View.toSVG()` with no renderer:
 * no canvas, no DOM). The loader refuses every URL, so rendering never reads a file or the network.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { ChartSpec } from '../../report/render/chart-specs.ts';
import type { RenderedChart } from '../../report/render/render-report.ts';

const NO_LOADING = vega.loader();
NO_LOADING.load = async (uri: string) => {
  throw new Error(`chart rendering loads nothing (asked for ${uri})`);
};

/** Each chart as SVG, in order. */
export async function renderCharts(charts: readonly ChartSpec[]): Promise<RenderedChart[]> {
  const rendered: RenderedChart[] = [];
  for (const chart of charts) {
    const { spec } = compile(chart.spec as unknown as TopLevelSpec);
    const view = new vega.View(vega.parse(spec), { renderer: 'none', loader: NO_LOADING });
    try {
      const svg = await view.toSVG();
      rendered.push({ id: chart.id, title: chart.title, description: chart.description, svg });
    } finally {
      view.finalize();
    }
  }
  return rendered;
}
