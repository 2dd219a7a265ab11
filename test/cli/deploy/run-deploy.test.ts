import { afterEach, describe, expect, it } from 'vitest';
import { LocalConfigSource } from '../../../compiler/cli/deploy/config-source.ts';
import { readGitTree } from '../../../compiler/cli/git-tree-source.ts';
import { GitDeployTarget } from '../../../compiler/cli/deploy/git-deploy-target.ts';
import { runDeploy } from '../../../compiler/cli/deploy/run-deploy.ts';
import { deployCommitLink } from '../../../compiler/deploy/commit-trailers.ts';
import { parseDeployState } from '../../../compiler/deploy/deploy-state.ts';
import { parseTrail } from '../../../compiler/audit/parse-trail.ts';
import { verifyTrail } from '../../../compiler/audit/verify-trail.ts';
import { smallOrg, teamFile } from '../../plan/support/small-org.ts';
import { bareRepo, commitsOf, configRepo, editBare, fileAt, removeTempDirs, tempDir } from './support/git-repos.ts';

afterEach(removeTempDirs);

const TIME = '2026-12-02T08:00:00.000Z';

async function setup() {
  const config = await configRepo(smallOrg(['fraud', 'search']));
  const deployRepo = await bareRepo();
  const target = async () => new GitDeployTarget({ url: deployRepo, branch: 'main', cacheDir: await tempDir('cache') });
  const metadata = (sha: string, extra: object = {}) => ({ sourceRepo: 'acme/config', sha, reviews: [{ reviewer: 'bob' }], actor: 'carol', author: 'alice', time: TIME, ...extra });
  return { config, deployRepo, target, metadata, source: new LocalConfigSource(config.dir) };
}

describe('runDeploy with real git repos', () => {
  it('merges to one deploy commit with trailers, manifests, state and a chained audit entry', async () => {
    const { config, deployRepo, target, metadata, source } = await setup();
    const result = await runDeploy({ source, target: await target(), metadata: metadata(config.first, { pullRequest: 7 }) });
    expect(result.status).toBe('deployed');
    const [commit] = await commitsOf(deployRepo);
    expect(deployCommitLink(commit!.message)).toEqual({ sourceSha: config.first, sourceRepo: 'acme/config', pullRequest: 7, auditSeq: 1, event: 'deploy' });
    expect(commit!.message).toContain('Mlops-Author: alice\nMlops-Approved-By: bob\n');
    expect(await fileAt(deployRepo, 'registry.json')).toContain('"fraud"');
    expect(await fileAt(deployRepo, 'clusters/prod-eu/fraud/namespace-fraud-prod.yaml')).toBeDefined();
    const state = parseDeployState((await fileAt(deployRepo, '.mlops/deploy-state.json'))!);
    expect(state?.sourceSha).toBe(config.first);
    const trail = (await fileAt(deployRepo, 'audit/2026-12.jsonl'))!;
    const verification = verifyTrail(parseTrail([{ path: 'audit/2026-12.jsonl', content: trail }]));
    expect(verification).toMatchObject({ ok: true, entries: 1 });
  });

  it('renders only the changed team on the next merge, and a redelivery is a no-op', async () => {
    const { config, deployRepo, target, metadata, source } = await setup();
    await runDeploy({ source, target: await target(), metadata: metadata(config.first) });
    const second = await config.commit({ 'teams/fraud/mlops.yaml': teamFile('fraud', '1.1.0') }, 'fraud dev 1.1.0');
    const result = await runDeploy({ source, target: await target(), metadata: metadata(second, { time: '2026-12-02T09:00:00.000Z' }) });
    expect(result).toMatchObject({ status: 'deployed', incremental: true });
    if (result.status !== 'deployed') throw new Error('unreachable');
    expect(result.entry.changes).toEqual([expect.objectContaining({ team: 'fraud', deployment: 'fraud-api', environment: 'dev', versionBefore: '1.0.0', versionAfter: '1.1.0', action: 'changed' })]);
    expect(result.entry.seq).toBe(2);
    const again = await runDeploy({ source, target: await target(), metadata: metadata(second) });
    expect(again).toEqual({ status: 'already-deployed', commit: result.commit });
    expect(await commitsOf(deployRepo)).toHaveLength(2);
  });

  it('refuses to overwrite a hand-edited generated file and audits the refusal', async () => {
    const { config, deployRepo, target, metadata, source } = await setup();
    await runDeploy({ source, target: await target(), metadata: metadata(config.first) });
    const { appendFile, rm, writeFile } = await import('node:fs/promises');
    await editBare(deployRepo, async (dir) => {
      await appendFile(`${dir}/clusters/dev-eu/search/namespace-search-dev.yaml`, '# edited\n');
      await rm(`${dir}/clusters/dev-eu/search/limitrange-container-defaults.yaml`);
      await writeFile(`${dir}/argocd/dev-eu/search/secret.yaml`, 'kind: Secret\n');
    });
    await editBare(deployRepo, (dir) => appendFile(`${dir}/README.md`, 'notes\n'), 'a later unrelated commit');
    const second = await config.commit({ 'teams/fraud/mlops.yaml': teamFile('fraud', '1.1.0') });
    const result = await runDeploy({ source, target: await target(), metadata: metadata(second) });
    expect(result.status).toBe('refused');
    if (result.status !== 'refused') throw new Error('unreachable');
    expect(result.outcome.drift).toEqual([
      { path: 'argocd/dev-eu/search/secret.yaml', kind: 'added' },
      { path: 'clusters/dev-eu/search/limitrange-container-defaults.yaml', kind: 'deleted' },
      { path: 'clusters/dev-eu/search/namespace-search-dev.yaml', kind: 'edited' },
    ]);
    expect(result.entry).toMatchObject({ event: 'deploy-failed', seq: 2 });
    expect(await fileAt(deployRepo, 'clusters/dev-eu/search/namespace-search-dev.yaml')).toContain('# edited');
    const state = parseDeployState((await fileAt(deployRepo, '.mlops/deploy-state.json'))!);
    expect(state?.sourceSha).toBe(config.first);
  });
});

describe('LocalConfigSource.treeFrom', () => {
  it('derives the tree at another commit from a known tree, equal to reading it whole', async () => {
    const config = await configRepo(smallOrg(['fraud', 'search']));
    const second = await config.commit({ 'teams/fraud/mlops.yaml': teamFile('fraud', '1.1.0'), 'teams/search/mlops.yaml': null, 'teams/vision/mlops.yaml': teamFile('vision'), 'teams/vision/cards/model.md': '', 'README.md': 'hi' });
    const source = new LocalConfigSource(config.dir);
    const normalize = (tree: Awaited<ReturnType<typeof readGitTree>>) => ({ files: tree.files.map((file) => [file.path, Buffer.from(file.content).toString()]), otherPaths: tree.otherPaths });
    const whole = async (sha: string) => readGitTree(config.dir, sha);
    expect(normalize(await source.treeFrom(config.first, { sha: second, tree: await whole(second) }))).toEqual(normalize(await whole(config.first)));
    expect(normalize(await source.treeFrom(second, { sha: config.first, tree: await whole(config.first) }))).toEqual(normalize(await whole(second)));
    // treeAt remembers the last tree and reads the next one by diff: the same result.
    expect(normalize(await source.treeAt(config.first))).toEqual(normalize(await whole(config.first)));
    expect(normalize(await source.treeAt(second))).toEqual(normalize(await whole(second)));
  });
});
