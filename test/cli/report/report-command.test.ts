/** `mlops report`: formats, --out, --since, --config, and usage errors. */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../compiler/cli/main.ts';
import type { RolloutReport } from '../../../compiler/report/report-model.ts';
import { scenarioTrail } from '../../report/scenario.ts';
import { trailFiles } from '../../report/trail-builder.ts';
import { captureIO } from '../capture-io.ts';

const SAMPLE = new URL('../../../sample-repo/', import.meta.url).pathname;
const NOW = { MLOPS_NOW: '2026-03-31T12:00:00Z' };
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlops-report-cmd-'));
  await mkdir(join(dir, 'deploy', 'audit'), { recursive: true });
  for (const file of trailFiles(scenarioTrail())) await writeFile(join(dir, 'deploy', file.path), file.content);
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function report(args: string[], env: Record<string, string> = NOW) {
  const captured = captureIO(dir, env);
  const code = await main(['report', ...args], captured.io);
  return { code, out: captured.out(), err: captured.err() };
}

describe('mlops report', () => {
  it('prints Markdown by default', async () => {
    const { code, out, err } = await report(['deploy']);
    expect([code, err]).toEqual([0, '']);
    expect(out).toContain('## 📊 Rollout report');
    expect(out).toContain('| Model deployment success | &#62; 90 % | 60 % | ❌ not met | 5 |');
  });

  it('--config brings the org: its phase, targets, adoption and approvals', async () => {
    const { out } = await report(['deploy', '--config', SAMPLE, '--format', 'json']);
    const json = JSON.parse(out) as RolloutReport;
    expect(json).toMatchObject({ version: 1, organisation: 'acme', phase: 3, window: { since: '2026-01-05', until: '2026-03-31' } });
    expect(json.criteria.find((result) => result.id === 'platformAdoption')!.measurement).toMatchObject({ value: 66.67, events: 3 });
    const features = json.kpis.find((kpi) => kpi.id === 'featureUsage')!.measurement;
    expect(features).toMatchObject({ value: 8, events: 13 });
    expect(features.method).toContain('phase 3: automated retraining, canary releases, A/B tests, multi-region; phase 4: none');
    // acme's prod needs two approvals: no change of the trail had two.
    expect(json.criteria.find((result) => result.id === 'complianceScore')!.measurement.value).toBe(0);
  });

  it('--format html --out writes the page and says where', async () => {
    const { code, out, err } = await report(['deploy', '--format', 'html', '--out', 'site/index.html', '--since', '2026-01-12']);
    expect([code, out]).toEqual([0, '']);
    expect(err).toBe(`Wrote the dashboard to ${join(dir, 'site/index.html')}\n`);
    const html = await readFile(join(dir, 'site/index.html'), 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('2026-01-12 to 2026-03-31');
  });

  it('usage errors are exit 2 with one line', async () => {
    expect(await report([])).toMatchObject({ code: 2, err: 'mlops: mlops report takes one deploy repo; got 0 arguments.\n' });
    expect(await report(['deploy', '--format', 'pdf'])).toMatchObject({ code: 2, err: 'mlops: --format must be one of md, html, json; got "pdf".\n' });
    expect(await report(['deploy', '--since', '2026-02-30'])).toMatchObject({ code: 2, err: 'mlops: --since must be a date (YYYY-MM-DD); got "2026-02-30".\n' });
    expect(await report(['deploy', '--since', '2026-04-01'])).toMatchObject({ code: 2, err: 'mlops: --since is after today.\n' });
    expect(await report(['nowhere'])).toMatchObject({ code: 2, err: 'mlops: Deploy repo nowhere is not a folder.\n' });
    expect(await report(['deploy', '--config', 'deploy'])).toMatchObject({ code: 2 });
  });
});
