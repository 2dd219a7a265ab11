/** `mlops plan --deploy-repo`: a change raising rollout.phase is gated on the criteria measured from the deploy repo's trail. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleGit } from 'simple-git';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../compiler/cli/main.ts';
import { buildTrail, prodChange, trailFiles } from '../../report/trail-builder.ts';
import { captureIO } from '../capture-io.ts';

const HOUR = 3_600_000;
const iso = (offset: number) => new Date(Date.now() + offset).toISOString();

function platform(phase: number, waiver = ''): string {
  return `apiVersion: mlops.cirruslabs.io/v1alpha1\nkind: Platform\nmetadata: { name: acme, owners: ["@pat"] }\nrollout:\n  phase: ${phase}\n${waiver}environments:\n  dev: { clusters: [{ name: dev-eu, region: eu-west-1 }] }\n`;
}

const AVAILABILITY_WAIVER = `  criteriaWaivers:\n    - { criterion: availability, phase: 1, justification: "pilot clusters have no Prometheus yet", ticket: PLAT-7, approvedBy: "@pat", expires: "${iso(30 * 24 * HOUR).slice(0, 10)}" }\n`;

let root: string;

async function configRepo(basePlatform: string): Promise<string> {
  const dir = await mkdtemp(join(root, 'config-'));
  const git = simpleGit(dir);
  await git.init();
  await git.addConfig('user.email', 't@example.com').addConfig('user.name', 't').addConfig('commit.gpgsign', 'false');
  await writeFile(join(dir, 'platform.yaml'), basePlatform);
  await git.add('.').commit('base');
  return dir;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'mlops-plan-gate-'));
  const deploy = join(root, 'deploy');
  await mkdir(join(deploy, 'audit'), { recursive: true });
  const entries = buildTrail([
    { time: iso(-10 * HOUR), event: 'deploy', tree: 'a', pr: 1, prOpenedAt: iso(-11 * HOUR), author: 'alice', changes: [prodChange('fraud', 'fraud-api', '1.0.0')] },
    { time: iso(-9.5 * HOUR), event: 'synced', tree: 'a', cluster: 'dev-eu' },
  ]);
  for (const file of trailFiles(entries)) await writeFile(join(deploy, file.path), file.content);
});

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

async function planRaise(basePlatform: string, args: string[]) {
  const dir = await configRepo(basePlatform);
  await writeFile(join(dir, 'platform.yaml'), basePlatform.replace('phase: 1', 'phase: 2'));
  const captured = captureIO(dir);
  const code = await main(['plan', '.', '--base', 'HEAD', '--format', 'markdown', ...args], captured.io);
  return { code, out: captured.out(), err: captured.err() };
}

describe('mlops plan --deploy-repo (phase gate)', () => {
  it('measures the trail: availability is not measurable without Prometheus, so the gate fails (exit 1, ML701)', async () => {
    const { code, out, err } = await planRaise(platform(1), ['--deploy-repo', join(root, 'deploy')]);
    expect(err).toBe('');
    expect(code).toBe(1);
    expect(out).toContain('### Phase gate: ❌ failed');
    expect(out).toMatch(/\| 1 \| Model deployment success \| &#62; 90 % \| 100 % \| ✅ met \| 1 \|/);
    expect(out).toMatch(/\| 1 \| Time to deploy a model \| &#60; 2 h \| 1\.5 h \| ✅ met \| 1 \|/);
    expect(out).toContain('<code>ML701</code>');
  });

  it('passes (exit 0) when a platform owner waived the criterion on the base', async () => {
    const { code, out } = await planRaise(platform(1, AVAILABILITY_WAIVER), ['--deploy-repo', join(root, 'deploy')]);
    expect(out).toContain('### Phase gate: ✅ passed');
    expect(out).toContain('🟡 waived');
    expect(code).toBe(0);
  });

  it('without --deploy-repo the gate fails with ML702, which says how to provide it', async () => {
    const { code, out } = await planRaise(platform(1, AVAILABILITY_WAIVER), []);
    expect(code).toBe(1);
    expect(out).toContain('<code>ML702</code>');
    expect(out).toContain('--deploy-repo');
  });

  it('--prometheus without --deploy-repo is a usage error', async () => {
    const { code, err } = await planRaise(platform(1), ['--prometheus', 'http://127.0.0.1:9/']);
    expect(code).toBe(2);
    expect(err).toBe('mlops: --prometheus needs --deploy-repo <deploy-repo>.\n');
  });
});
