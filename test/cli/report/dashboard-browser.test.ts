/**
 * The HTML dashboard in a real headless browser (Debian's chromium via playwright-core): it loads
 * from disk with no console error and no request but itself, its charts render as SVG with marks,
 * axe-core finds no serious or critical accessibility violation, hostile names stay text, and
 * screenshots at a laptop's and a phone's width are kept under test-artifacts/report/ (gitignored).
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../compiler/cli/main.ts';
import { scenarioTrail } from '../../report/scenario.ts';
import { buildTrail, prodChange, trailFiles } from '../../report/trail-builder.ts';
import { captureIO } from '../capture-io.ts';

const ARTIFACTS = new URL('../../../test-artifacts/report/', import.meta.url);
const AXE = new URL('../../../node_modules/axe-core/axe.min.js', import.meta.url);
const HOSTILE = '<img src=x onerror=alert(1)>';

let browser: Browser;
let dir: string;
let page: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlops-dashboard-'));
  await mkdir(join(dir, 'deploy', 'audit'), { recursive: true });
  const hostile = buildTrail([
    ...scenarioTrail().map(({ seq: _seq, prev: _prev, hash: _hash, ...entry }) => ({ time: entry.time, event: entry.event, tree: entry.deploy.treeHash.slice(7), ...(entry.deploy.cluster ? { cluster: entry.deploy.cluster } : {}), ...(entry.source.pr !== undefined ? { pr: entry.source.pr } : {}), ...(entry.source.prOpenedAt ? { prOpenedAt: entry.source.prOpenedAt } : {}), ...(entry.source.author ? { author: entry.source.author } : {}), approvers: entry.approvers, required: entry.approvals[0]?.count ?? 0, changes: entry.changes, waivers: entry.policy.waivers })),
    { time: '2026-03-20T09:00:00Z', event: 'deploy', tree: 'h', author: HOSTILE, changes: [prodChange(HOSTILE, 'x-api', '1', { model: HOSTILE })] },
  ]);
  for (const file of trailFiles(hostile)) await writeFile(join(dir, 'deploy', file.path), file.content);
  const captured = captureIO(dir, { MLOPS_NOW: '2026-03-31T12:00:00Z' });
  const code = await main(['report', 'deploy', '--config', new URL('../../../sample-repo/', import.meta.url).pathname, '--format', 'html', '--out', 'dashboard.html'], captured.io);
  expect(captured.err()).toContain('Wrote the dashboard');
  expect(code).toBe(0);
  page = join(dir, 'dashboard.html');
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the HTML dashboard in chromium', () => {
  it('is one file that loads with no console error and requests nothing', async () => {
    const html = await readFile(page, 'utf8');
    expect(html).not.toMatch(/<script|<link rel="stylesheet"|https?:\/\/(?!www\.w3\.org\/)/);
    const context = await browser.newContext();
    const tab = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    tab.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())));
    tab.on('pageerror', (error) => void errors.push(error.message));
    tab.on('request', (request) => void requests.push(request.url()));
    await tab.goto(pathToFileURL(page).href, { waitUntil: 'load' });
    expect(errors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(page).href]);
    await context.close();
  });

  it('renders every chart as SVG with marks, each with a text alternative', async () => {
    const tab = await browser.newPage();
    await tab.goto(pathToFileURL(page).href);
    const charts = await tab.$$eval('figure', (figures) =>
      figures.map((figure) => ({ id: figure.id, label: figure.querySelector('[role="img"]')?.getAttribute('aria-label') ?? '', marks: figure.querySelectorAll('svg .mark-rect path, svg .mark-line path, svg .mark-symbol path, svg .mark-rect rect').length, width: figure.querySelector('svg')?.getBoundingClientRect().width ?? 0 })),
    );
    expect(charts.map((chart) => chart.id)).toEqual(['chart-deploys-per-week', 'chart-time-to-deploy', 'chart-compliance-per-week', 'chart-models-by-risk-tier']);
    for (const chart of charts) {
      expect(chart.marks, chart.id).toBeGreaterThan(0);
      expect(chart.width, chart.id).toBeGreaterThan(100);
      expect(chart.label.length, chart.id).toBeGreaterThan(20);
    }
    expect(await tab.locator('img').count()).toBe(0);
    expect(await tab.getByText(HOSTILE).first().isVisible()).toBe(true);
    await tab.close();
  });

  it('has no serious or critical axe-core violation, and keyboard users can reach every section', async () => {
    // The page's Content-Security-Policy forbids scripts; the test lets axe-core in.
    const context = await browser.newContext({ bypassCSP: true });
    const tab = await context.newPage();
    await tab.goto(pathToFileURL(page).href);
    await tab.addScriptTag({ content: await readFile(AXE, 'utf8') });
    // Strings run in the page (the tests are type-checked without the DOM library).
    const violations = (await tab.evaluate('axe.run(document).then((result) => result.violations.map((violation) => ({ id: violation.id, impact: violation.impact, nodes: violation.nodes.length })))')) as { id: string; impact: string | null; nodes: number }[];
    expect(violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')).toEqual([]);
    await tab.keyboard.press('Tab');
    expect(await tab.evaluate('document.activeElement?.textContent')).toBe('Skip to the figures');
    await tab.keyboard.press('Enter');
    expect(await tab.evaluate('document.activeElement?.id')).toBe('main');
    await context.close();
  });

  it('fits a laptop and a phone; screenshots are kept as test artifacts', async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    for (const width of [1280, 390]) {
      const tab = await browser.newPage({ viewport: { width, height: 900 } });
      await tab.goto(pathToFileURL(page).href);
      const overflow = await tab.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      expect(overflow, `horizontal scroll at ${width}px`).toBe(0);
      const path = new URL(`dashboard-${width}.png`, ARTIFACTS);
      await tab.screenshot({ path: path.pathname, fullPage: true });
      expect((await readFile(path)).subarray(1, 4).toString()).toBe('PNG');
      await tab.close();
    }
  });
});
