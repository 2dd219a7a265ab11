/** The report templates parse, and hostile names in the trail stay text in Markdown and HTML. */
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { readReportTemplates } from '../../compiler/cli/report/read-report-templates.ts';
import { buildReport } from '../../compiler/report/build-report.ts';
import { reportTrail } from '../../compiler/report/report-trail.ts';
import { chartSpecs } from '../../compiler/report/render/chart-specs.ts';
import { REPORT_MARKER, renderHtml, renderJson, renderMarkdown } from '../../compiler/report/render/render-report.ts';
import { scenarioTrail, UNTIL } from './scenario.ts';
import { buildTrail, prodChange, trailFiles } from './trail-builder.ts';

const HOSTILE = '<script>x</script> | `tick` [link](http://evil) @everyone \u001b[31m';

function hostileReport() {
  const entries = buildTrail([{ time: '2026-03-01T00:00:00Z', event: 'deploy', tree: 'a', pr: 1, author: HOSTILE, approvers: [HOSTILE], changes: [prodChange(HOSTILE, HOSTILE, HOSTILE, { model: HOSTILE })], waivers: [{ rule: HOSTILE, target: HOSTILE, team: HOSTILE, expires: '2026-04-01' }] }]);
  return buildReport({ trail: reportTrail(trailFiles(entries)), until: UNTIL });
}

describe('report templates', () => {
  it('every template parses', async () => {
    const templates = await readReportTemplates();
    expect(Object.keys(templates.partials).sort()).toEqual(['html-changes', 'html-charts', 'html-criteria', 'html-figures', 'html-style', 'md-changes', 'md-criteria', 'md-kpis']);
    for (const source of [templates.markdown, templates.html, ...Object.values(templates.partials)]) expect(() => Handlebars.parse(source)).not.toThrow();
  });

  it('Markdown: starts with the marker; hostile names cannot break tables, ping or link', async () => {
    const markdown = renderMarkdown(hostileReport(), await readReportTemplates());
    expect(markdown.startsWith(`${REPORT_MARKER}\n`)).toBe(true);
    expect(markdown).not.toMatch(/<script|\u001b|@everyone|\[link\]|`tick`/);
    let columns = 0;
    for (const line of markdown.split('\n')) {
      if (!line.startsWith('|')) {
        columns = 0;
        continue;
      }
      const pipes = line.split('|').length;
      if (columns === 0) columns = pipes;
      expect(pipes, line).toBe(columns);
    }
  });

  it('HTML: hostile names are escaped text, only chart SVGs are raw', async () => {
    const html = renderHtml(hostileReport(), await readReportTemplates(), [{ id: 'c', title: HOSTILE, description: HOSTILE, svg: '<svg><rect/></svg>' }]);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(html).toContain('<svg><rect/></svg>');
  });

  it('figures entered by hand are shown as such', async () => {
    const report = { ...buildReport({ trail: reportTrail(trailFiles(scenarioTrail())), until: UNTIL }), manual: [{ name: 'User satisfaction', value: 4.2, unit: '/5', target: '>= 4/5', source: 'Q1 survey (n=42)', enteredBy: '@pat', date: '2026-03-15' }] };
    const templates = await readReportTemplates();
    const markdown = renderMarkdown(report, templates);
    expect(markdown).toContain('**Entered by hand**');
    expect(markdown).toContain('| User satisfaction | 4.2 /5 | entered by hand by &#64;pat on 2026-03-15; source: Q1 survey (n=42); target &#62;= 4/5 |');
    const html = renderHtml(report, templates, []);
    expect(html).toContain('<h3>Entered by hand</h3>');
    expect(html).toContain('<tr><th scope="row">User satisfaction</th><td>4.2 /5</td>');
  });

  it('same input, same bytes', async () => {
    const templates = await readReportTemplates();
    const one = buildReport({ trail: reportTrail(trailFiles(scenarioTrail())), until: UNTIL });
    const two = buildReport({ trail: reportTrail(trailFiles(scenarioTrail())), until: UNTIL });
    expect(renderMarkdown(one, templates)).toBe(renderMarkdown(two, templates));
    expect(renderJson(one)).toBe(renderJson(two));
    expect(chartSpecs(one)).toEqual(chartSpecs(two));
  });
});
