/** `writeDemoDashboard`: the demo's last step writes the dashboard of its trail and prints the path. */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoDashboard } from '../../../compiler/cli/report/demo-dashboard.ts';
import { scenarioTrail, UNTIL } from '../../report/scenario.ts';
import { trailFiles } from '../../report/trail-builder.ts';
import { captureIO } from '../capture-io.ts';

const SAMPLE = new URL('../../../sample-repo/', import.meta.url).pathname;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlops-demo-dashboard-test-'));
  await mkdir(join(dir, 'deploy', 'audit'), { recursive: true });
  for (const file of trailFiles(scenarioTrail())) await writeFile(join(dir, 'deploy', file.path), file.content);
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('writeDemoDashboard', () => {
  it('writes the dashboard of the demo trail and prints its path', async () => {
    const captured = captureIO(dir);
    const out = join(dir, 'site', 'dashboard.html');
    expect(await writeDemoDashboard({ deployRepo: join(dir, 'deploy'), config: SAMPLE, io: captured.io, out, until: UNTIL })).toBe(out);
    expect(captured.out()).toBe(`\nRollout dashboard of the demo's audit trail: ${out}\n`);
    const html = await readFile(out, 'utf8');
    expect(html).toContain('<title>Rollout report — acme</title>');
    expect(html).toContain('5 production changes');
  });

  it('a demo without a deploy repo yet still gets a dashboard: nothing measurable', async () => {
    const captured = captureIO(dir);
    const out = join(dir, 'empty.html');
    await writeDemoDashboard({ deployRepo: join(dir, 'missing'), config: SAMPLE, io: captured.io, out, until: UNTIL });
    const html = await readFile(out, 'utf8');
    expect(html).toContain('0 of 0 audit entries');
    expect(html).not.toContain('class="status-met"');
  });
});
