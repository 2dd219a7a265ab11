/** `mlops check`: human, JSON and SARIF output, waivers shown, exit codes as `validate`. */
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CheckJson } from '../../../compiler/cli/commands/check.ts';
import { main } from '../../../compiler/cli/main.ts';
import type { SarifLog } from '../../../compiler/policy/sarif.ts';
import { captureIO } from '../../cli/capture-io.ts';
import { writeTempRepo } from '../../cli/temp-repo.ts';
import { fixtureFiles, type FixtureEdits, OTHER_PATHS, TEAM_FILE } from '../support.ts';

const repoRoot = resolve(import.meta.dirname, '../../..');
const temps: string[] = [];

async function fixtureRepo(edits: FixtureEdits = {}): Promise<string> {
  const files: Record<string, string> = { ...fixtureFiles(edits) };
  for (const path of OTHER_PATHS) files[path] = '# model card\n';
  const root = await writeTempRepo(files);
  temps.push(root);
  return root;
}

afterAll(async () => {
  await Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true })));
});

const TODAY = ['--today', '2026-11-27'];
const WITHOUT_DRIFT: FixtureEdits = { team: [['    drift: { method: psi, threshold: 0.2, features: [amount] }\n', '']] };

describe('mlops check', () => {
  it('passes sample-repo with a warning and shows the active waiver', async () => {
    const captured = captureIO(repoRoot);
    expect(await main(['check', 'sample-repo', ...TODAY], captured.io)).toBe(0);
    const out = captured.out();
    expect(out).toMatch(/Waivers in force \(\d+, covering \d+ findings?\):\n {2}\S+ for \S+ — .+, approved by @\S+, expires \d{4}-\d{2}-\d{2} \(\d+ days? left\)/);
    expect(out).toMatch(/ warning (k8s|ml|org)\//);
    expect(out).toMatch(/✔ 0 errors, [1-9]\d* warnings? in/);
    expect(out).toMatch(/\d+ rules evaluated\.\n$/);
  });

  it('exits 0 on a clean repo', async () => {
    const captured = captureIO(await fixtureRepo());
    expect(await main(['check', ...TODAY], captured.io)).toBe(0);
    expect(captured.out()).toContain('✔ no problems found');
  });

  it('exits 1 with the rule id at file:line:col and the fix', async () => {
    const captured = captureIO(await fixtureRepo(WITHOUT_DRIFT));
    expect(await main(['check', ...TODAY], captured.io)).toBe(1);
    expect(captured.out()).toContain(`${TEAM_FILE}:49:3 error ml/prod-monitoring Deployment fraud-api is served in prod without drift detection.`);
    expect(captured.out()).toContain('hint: Add `monitoring.<deployment>');
  });

  it('exits 1 with the validation errors when the config does not validate', async () => {
    const captured = captureIO(await fixtureRepo({ team: [['    model: fraud-detector\n', '    modl: fraud-detector\n']] }));
    expect(await main(['check', ...TODAY], captured.io)).toBe(1);
    expect(captured.out()).toContain(`${TEAM_FILE}:29:5 error ML201`);
    expect(captured.out()).not.toContain('rules evaluated');
  });

  it('prints JSON with waivers and their approvers as data', async () => {
    const captured = captureIO(repoRoot);
    expect(await main(['check', 'sample-repo', '--format', 'json', ...TODAY], captured.io)).toBe(0);
    const json = JSON.parse(captured.out()) as CheckJson;
    expect(json.version).toBe(1);
    expect(json.summary.errors).toBe(0);
    expect(json.waivers.length).toBeGreaterThan(0);
    expect(json.waivers[0]).toEqual(expect.objectContaining({ approvedBy: expect.stringMatching(/^@/), expires: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }));
    expect(json.waived[0]!.waiver.approvedBy).toBe(json.waivers[0]!.approvedBy);
  });

  it('prints SARIF 2.1.0', async () => {
    const captured = captureIO(await fixtureRepo(WITHOUT_DRIFT));
    expect(await main(['check', '--format', 'sarif', ...TODAY], captured.io)).toBe(1);
    const log = JSON.parse(captured.out()) as SarifLog;
    expect(log.version).toBe('2.1.0');
    const result = log.runs[0]!.results.find((candidate) => candidate.ruleId === 'ml/prod-monitoring')!;
    expect(result.locations[0]!.physicalLocation.region).toEqual(expect.objectContaining({ startLine: 49, startColumn: 3 }));
  });

  it('expires waivers against --today', async () => {
    const captured = captureIO(repoRoot);
    expect(await main(['check', 'sample-repo', '--format', 'json', '--today', '2030-01-01'], captured.io)).toBe(1);
    const json = JSON.parse(captured.out()) as CheckJson;
    expect(json.waivers).toEqual([]);
    expect(json.diagnostics.some((diagnostic) => diagnostic.code === 'ML608')).toBe(true);
  });

  it('exits 2 on usage and I/O errors', async () => {
    for (const argv of [['check', '--format', 'xml'], ['check', '--today', 'tomorrow'], ['check', join(repoRoot, 'no-such-dir')]]) {
      const captured = captureIO(repoRoot);
      expect(await main(argv, captured.io)).toBe(2);
      expect(captured.err()).not.toBe('');
    }
  });
});

describe('mlops explain', () => {
  it('prints a rule from its own docs', async () => {
    const captured = captureIO(repoRoot);
    expect(await main(['explain', 'k8s/no-privileged'], captured.io)).toBe(0);
    expect(captured.out()).toContain('k8s/no-privileged — No privileged containers\n');
    expect(captured.out()).toContain('Waivable:     no\n');
    expect(captured.out()).toContain('Fix: Remove `securityContext.privileged: true`');
  });

  it('prints tiered default modes and diagnostic codes', async () => {
    const rule = captureIO(repoRoot);
    expect(await main(['explain', 'ml/model-digest'], rule.io)).toBe(0);
    expect(rule.out()).toContain('Default mode: enforce in production, warn elsewhere\n');
    const code = captureIO(repoRoot);
    expect(await main(['explain', 'ML604'], code.io)).toBe(0);
    expect(code.out()).toContain('ML604 — Team weakens an org rule (error)');
  });

  it('knows org and team rules with --dir', async () => {
    const captured = captureIO(repoRoot);
    expect(await main(['explain', '--list', '--dir', 'sample-repo'], captured.io)).toBe(0);
    expect(captured.out()).toMatch(/^org\/\S+ /m);
    expect(captured.out()).toMatch(/^k8s\/no-latest-tag /m);
  });

  it('suggests the closest rule for a typo and exits 2', async () => {
    const captured = captureIO(repoRoot);
    expect(await main(['explain', 'k8s/no-latest-tags'], captured.io)).toBe(2);
    expect(captured.err()).toContain('Did you mean k8s/no-latest-tag?');
  });
});
