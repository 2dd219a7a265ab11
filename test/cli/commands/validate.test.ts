import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DiagnosticsJson } from '../../../compiler/cli/format/diagnostics.ts';
import { main } from '../../../compiler/cli/main.ts';
import { captureIO } from '../capture-io.ts';
import { writeTempRepo } from '../temp-repo.ts';

const repoRoot = resolve(import.meta.dirname, '../../..');

const PLATFORM = `apiVersion: mlops.cirruslabs.io/v1alpha1
kind: Platform
metadata: { name: acme, owners: ["@acme/platform"] }
environments:
  dev: { clusters: [{ name: dev-eu, region: eu-west-1 }] }
gitops: { deployRepo: acme/deploy }
identity: { secret: storage-credentials }
`;
const TYPO_TEAM = `apiVersion: mlops.cirruslabs.io/v1alpha1
kind: Team
metadata:
  name: fraud
  owners: ["@acme/fraud"]
models:
  fraud-detector:
    framework: xgboost
    versions:
      "1.0.0": { artifact: s3://models/fraud/1.0.0 }
deployments:
  fraud-api:
    modl: fraud-detector
    environments:
      dev: { version: "1.0.0" }
`;

const temps: string[] = [];
async function tempRepo(files: Record<string, string>): Promise<string> {
  const root = await writeTempRepo(files);
  temps.push(root);
  return root;
}
afterAll(async () => {
  await Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('mlops validate', () => {
  it('exits 0 on sample-repo and prints a summary', async () => {
    const captured = captureIO(repoRoot);
    expect(await main(['validate', 'sample-repo'], captured.io)).toBe(0);
    expect(captured.out()).toMatch(/^✔ sample-repo is valid: 3 teams, \d+ models \(\d+ versions\), \d+ deployments, \d+ pipelines in 4 files\.\n$/);
    expect(captured.err()).toBe('');
  });

  it('validates the current directory when no dir is given', async () => {
    const captured = captureIO(join(repoRoot, 'sample-repo'));
    expect(await main(['validate'], captured.io)).toBe(0);
    expect(captured.out()).toContain('✔ . is valid: 3 teams');
  });

  it('exits 1 with file:line:col, the code, a code frame and the hint', async () => {
    const root = await tempRepo({ 'platform.yaml': PLATFORM, 'teams/fraud/mlops.yaml': TYPO_TEAM });
    const captured = captureIO(root);
    expect(await main(['validate'], captured.io)).toBe(1);
    const out = captured.out();
    expect(out).toContain('teams/fraud/mlops.yaml:13:5 error ML201');
    expect(out).toContain(' 13 |     modl: fraud-detector\n    |     ^~~~\n');
    expect(out).toContain('hint: Did you mean `model`?');
    expect(out).toMatch(/✖ \d+ errors?, 0 warnings in 1 file\n$/);
    expect(out).not.toContain('\u001b[');
  });

  it('prefixes paths with the directory argument so they open from the working directory', async () => {
    const root = await tempRepo({ 'platform.yaml': PLATFORM, 'teams/fraud/mlops.yaml': TYPO_TEAM });
    const captured = captureIO(join(root, '..'));
    expect(await main(['validate', root.split('/').at(-1)!], captured.io)).toBe(1);
    expect(captured.out()).toContain(`${root.split('/').at(-1)}/teams/fraud/mlops.yaml:13:5 error ML201`);
  });

  it('colours output on a terminal, and not with NO_COLOR', async () => {
    const root = await tempRepo({ 'platform.yaml': PLATFORM, 'teams/fraud/mlops.yaml': TYPO_TEAM });
    const tty = captureIO(root, {}, true);
    await main(['validate'], tty.io);
    expect(tty.out()).toContain('\u001b[31merror\u001b[0m');
    const noColor = captureIO(root, { NO_COLOR: '1' }, true);
    await main(['validate'], noColor.io);
    expect(noColor.out()).not.toContain('\u001b[');
  });

  it('prints parseable JSON with --format json', async () => {
    const root = await tempRepo({ 'platform.yaml': PLATFORM, 'teams/fraud/mlops.yaml': TYPO_TEAM });
    const captured = captureIO(root);
    expect(await main(['validate', '.', '--format', 'json'], captured.io)).toBe(1);
    const json = JSON.parse(captured.out()) as DiagnosticsJson;
    expect(json.version).toBe(1);
    const typo = json.diagnostics.find((diagnostic) => diagnostic.code === 'ML201');
    expect(typo).toMatchObject({ severity: 'error', file: 'teams/fraud/mlops.yaml', range: { start: { line: 13, column: 5 } } });
    expect(json.summary.errors).toBe(json.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length);
  });

  it('prints JSON with an empty list for a valid repo', async () => {
    const captured = captureIO(repoRoot);
    expect(await main(['validate', 'sample-repo', '--format=json'], captured.io)).toBe(0);
    const json = JSON.parse(captured.out()) as DiagnosticsJson;
    expect(json.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    expect(json.summary.errors).toBe(0);
  });

  it('exits 0 with warnings, printing them before the summary', async () => {
    const root = await tempRepo({ 'platform.yaml': PLATFORM, 'teams/fraud/mlops.yaml': TYPO_TEAM.replace('modl:', 'model:'), 'teams/search/mlops.yml': 'kind: Team\n' });
    const captured = captureIO(root);
    expect(await main(['validate'], captured.io)).toBe(0);
    expect(captured.out()).toContain('teams/search/mlops.yml:1:1 warning ML110');
    expect(captured.out()).toContain('✔ 0 errors, 1 warning in 1 file\n');
    expect(captured.out()).toMatch(/✔ \. is valid: 1 team, 1 model \(1 version\), 1 deployment, 0 pipelines in 2 files\.\n$/);
  });

  it('exits 2 naming a missing directory as the user gave it', async () => {
    const captured = captureIO(repoRoot);
    expect(await main(['validate', 'no-such-dir'], captured.io)).toBe(2);
    expect(captured.err()).toBe('mlops: No such directory: no-such-dir\n');
  });

  it('exits 2 for an unknown --format and for two directories', async () => {
    const first = captureIO(repoRoot);
    expect(await main(['validate', 'sample-repo', '--format', 'xml'], first.io)).toBe(2);
    expect(first.err()).toBe('mlops: --format must be one of human, json; got "xml".\n');
    const second = captureIO(repoRoot);
    expect(await main(['validate', 'a', 'b'], second.io)).toBe(2);
    expect(second.err()).toContain('takes one directory');
  });

  it('exits 1 for a directory without config', async () => {
    const root = await tempRepo({ 'README.md': '# nothing here\n' });
    const captured = captureIO(root);
    expect(await main(['validate'], captured.io)).toBe(1);
    expect(captured.out()).toContain('. error ML114 No config found');
  });

  it('never prints a stack trace for broken user input', async () => {
    const inputs: Record<string, string>[] = [
      { 'platform.yaml': 'apiVersion: [unclosed\n' },
      { 'platform.yaml': PLATFORM, 'teams/fraud/mlops.yaml': 'a: &a [*a, *a]\nb: *a\n' },
      { 'teams/x/mlops.yaml': '\t- tab\n:::\n' },
      { 'platform.yaml': '' },
      { 'platform.yaml': PLATFORM, 'teams/fraud/mlops.yml': TYPO_TEAM },
      { 'mlops.yaml': 'kind: Team\napiVersion: 3\nmetadata: 7\n' },
    ];
    for (const files of inputs) {
      const root = await tempRepo(files);
      const captured = captureIO(root);
      const code = await main(['validate'], captured.io);
      expect([0, 1]).toContain(code);
      expect(captured.err()).toBe('');
      expect(captured.out()).not.toMatch(/\n\s+at .*:\d+:\d+\)?\n/);
    }
  });
});
