import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { command } from '../../../compiler/cli/commands/compile.ts';
import { platformYaml, teamYaml } from '../../emit/emit-text.ts';
import { captureIO } from '../capture-io.ts';
import { writeTempRepo } from '../temp-repo.ts';

// Served in dev only, so the org's production policies (model cards, digests, monitoring) do not apply.
const team = teamYaml('deployments:\n  scorer-api:\n    model: scorer\n    environments:\n      dev: { version: "1.0.0" }');

async function repo(teamText = team): Promise<string> {
  return writeTempRepo({ 'config/platform.yaml': platformYaml(), 'config/teams/fraud/mlops.yaml': teamText });
}

function run(cwd: string, positionals: string[], values: Record<string, string | string[]>) {
  const captured = captureIO(cwd);
  return command.run({ positionals, values }, captured.io).then((code) => ({ code, out: captured.out(), err: captured.err() }));
}

function listTree(root: string, prefix = ''): string[] {
  return readdirSync(join(root, prefix), { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? listTree(root, join(prefix, entry.name)) : [join(prefix, entry.name)]));
}

describe('mlops compile', () => {
  it('writes the manifest tree to --out and leaves no temp folders behind', async () => {
    const root = await repo();
    const result = await run(root, ['config'], { out: 'deploy' });
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/✔ wrote \d+ files \(\d+ objects\) to deploy/);
    expect(readFileSync(join(root, 'deploy/clusters/dev-eu/fraud/inferenceservice-scorer-api.yaml'), 'utf8')).toContain('storageUri: s3://models/scorer/1.0.0');
    expect(existsSync(join(root, 'deploy/registry.json'))).toBe(true);
    expect(readdirSync(root).sort()).toEqual(['config', 'deploy']);
  });

  it('replaces a previous output as a whole, so stale files disappear', async () => {
    const root = await repo();
    await run(root, ['config'], { out: 'deploy' });
    const stale = join(root, 'deploy/clusters/old-cluster/fraud/deployment-gone.yaml');
    await mkdir(dirname(stale), { recursive: true });
    await writeFile(stale, 'kind: Deployment\n');
    expect((await run(root, ['config'], { out: 'deploy' })).code).toBe(0);
    expect(existsSync(stale)).toBe(false);
  });

  /** Compiles once, breaks the team file with `replacement`, compiles again: expects `code` reported and nothing touched. */
  async function expectPreviousOutputKept(replacement: string, code: string): Promise<void> {
    const root = await repo();
    await run(root, ['config'], { out: 'deploy' });
    const before = listTree(join(root, 'deploy'));
    await writeFile(join(root, 'config/teams/fraud/mlops.yaml'), team.replace('dev: { version: "1.0.0" }', replacement));
    const result = await run(root, ['config'], { out: 'deploy' });
    expect(result.code).toBe(1);
    expect(result.out).toContain(code);
    expect(result.err).toContain('Nothing written');
    expect(listTree(join(root, 'deploy'))).toEqual(before);
    expect(readdirSync(root).sort()).toEqual(['config', 'deploy']);
  }

  it('writes nothing and keeps the previous output when any error is found', async () => {
    await expectPreviousOutputKept('dev: { version: "9.9.9" }', 'ML303');
  });

  it('discards the batches already written when policies fail only after emit', async () => {
    await expectPreviousOutputKept('prod: { version: "1.0.0" }', 'ml/model-card');
  });

  it('creates nothing at all when the config does not validate', async () => {
    const root = await repo(team.replace('model: scorer', 'model: scorer\n    replicas: many'));
    const result = await run(root, ['config'], { out: 'out/deploy' });
    expect(result.code).toBe(1);
    expect(readdirSync(root).sort()).toEqual(['config']);
  });

  it('narrows output with --env and --cluster and writes JSON with --format json', async () => {
    const root = await repo();
    expect((await run(root, ['config'], { out: 'deploy', env: ['dev'], format: 'json' })).code).toBe(0);
    const files = listTree(join(root, 'deploy'));
    expect(files).toContain('clusters/dev-eu/fraud/inferenceservice-scorer-api.json');
    expect(files.every((file) => file === 'registry.json' || file.startsWith('clusters/dev-eu/') || file.startsWith('argocd/dev-eu/'))).toBe(true);
    expect(files.filter((file) => file !== 'registry.json').every((file) => file.endsWith('.json'))).toBe(true);
    expect((await run(root, ['config'], { out: 'deploy-2', cluster: ['prod-eu'] })).code).toBe(0);
    const prodOnly = listTree(join(root, 'deploy-2'));
    // The team deploys nothing to prod-eu: only the cluster's Argo CD root, notifications and platform bootstrap are written there.
    expect(prodOnly.filter((file) => file !== 'registry.json').sort()).toEqual([
      'argocd/prod-eu/application-mlops-root-prod-eu.yaml',
      'argocd/prod-eu/appproject-mlops-root-prod-eu.yaml',
      'argocd/prod-eu/argocd-notifications/configmap-argocd-notifications-cm.yaml',
      'argocd/prod-eu/platform/application-mlops-platform-prod-eu.yaml',
      'argocd/prod-eu/platform/appproject-mlops-platform-prod-eu.yaml',
      'clusters/prod-eu/platform/clusterstoragecontainer-cirrus-mlops-restricted.yaml',
      'clusters/prod-eu/platform/configmap-workflow-controller-configmap.yaml',
    ]);
  });

  it('refuses to replace a folder it did not write, the config repo itself, or to run without --out', async () => {
    const root = await repo();
    await writeTempFile(join(root, 'notes/todo.txt'));
    await expect(run(root, ['config'], { out: 'notes' })).rejects.toThrow(/refusing to replace/);
    await expect(run(root, ['config'], { out: '.' })).rejects.toThrow(/contains the config repo/);
    await expect(run(root, ['config'], {})).rejects.toThrow(/needs --out/);
    await expect(run(root, ['config'], { out: 'deploy', format: 'xml' })).rejects.toThrow(/--format/);
    expect(readFileSync(join(root, 'notes/todo.txt'), 'utf8')).toBe('keep me\n');
  });
});

async function writeTempFile(path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, 'keep me\n');
}
