/**
 * Renders the dashboard's Vega-Lite specs to SVG headless (vega's `View.toSVG()` with no renderer:
 * no canvas, no DOM). The loader refuses every URL, so rendering never reads a file or the network;
 * a spec that asked for one is a bug (the specs carry their data inline) and throws.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { ChartSpec } from '../../report/render/chart-specs.ts';
import type { RenderedChart } from '../../report/render/render-report.ts';

/** A loader that records what it was asked for and loads nothing. */
function refusingLoader(asked: string[]): ReturnType<typeof vega.loader> {
  const loader = vega.loader();
  loader.load = async (uri: string) => {
    asked.push(uri);
    throw new Error(`chart rendering loads nothing (asked for ${uri})`);
  };
  loader.sanitize = async (uri: string) => {
    asked.push(uri);
    throw new Error(`chart rendering loads nothing (asked for ${uri})`);
  };
  return loader;
}

/** Each chart as SVG, in order. */
export async function renderCharts(charts: readonly ChartSpec[]): Promise<RenderedChart[]> {
  const rendered: RenderedChart[] = [];
  for (const chart of charts) {
    const { spec } = compile(chart.spec as unknown as TopLevelSpec);
    const asked: string[] = [];
    const view = new vega.View(vega.parse(spec), { renderer: 'none', loader: refusingLoader(asked), logLevel: vega.None });
    try {
      const svg = await view.toSVG();
      if (asked.length > 0) throw new Error(`bug: chart ${chart.id} asked to load ${asked.join(', ')}; chart data must be inline`);
      rendered.push({ id: chart.id, title: chart.title, description: chart.description, svg });
    } finally {
      view.finalize();
    }
  }
  return rendered;
}
