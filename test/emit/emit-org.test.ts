import { describe, expect, it } from 'vitest';
import { readSourceTree } from '../../compiler/cli/fs-source.ts';
import { teamClusterUnits } from '../../compiler/emit/emit-org.ts';
import { SOURCE_ANNOTATION } from '../../compiler/emit/labels.ts';
import { compile, validate } from '../../compiler/pipeline.ts';
import { sourceTreeFromRecord } from '../../compiler/load/source-tree.ts';
import { parse } from 'yaml';
import { compileCase, goldenCases, REPO_ROOT } from './golden/golden-cases.ts';
import { compileTexts, platformYaml, teamYaml } from './emit-text.ts';
import { join } from 'node:path';

const sharedClusterPlatform = platformYaml().replace('  prod:\n    clusters: [{ name: prod-eu, region: eu-west-1, server: "https://prod-eu.k8s.example:6443" }]', '  staging:\n    clusters: [{ name: dev-eu, region: eu-west-1, server: "https://dev-eu.k8s.example:6443" }]');
const team = teamYaml('deployments:\n  scorer-api:\n    model: scorer\n    environments:\n      dev: { version: "1.0.0" }\n      staging: { version: "1.1.0" }');

describe('team × cluster units', () => {
  it('gives a cluster serving two environments one unit with a context per environment', () => {
    const { org } = validate(sourceTreeFromRecord({ 'platform.yaml': sharedClusterPlatform, 'teams/fraud/mlops.yaml': team }));
    const units = teamClusterUnits(org!);
    expect(units.map((unit) => [unit.cluster, unit.team, unit.contexts.map((context) => context.namespace)])).toEqual([['dev-eu', 'fraud', ['fraud-dev', 'fraud-staging']]]);
    expect(teamClusterUnits(org!, { environments: ['staging'] })[0]!.contexts.map((context) => context.environment.name)).toEqual(['staging']);
    expect(teamClusterUnits(org!, { clusters: ['elsewhere'] })).toEqual([]);
  });

  it('qualifies file names with the namespace where two environments share a cluster', () => {
    const paths = compileTexts(sharedClusterPlatform, team).files.map((file) => file.path);
    expect(paths).toContain('clusters/dev-eu/fraud/inferenceservice-fraud-dev-scorer-api.yaml');
    expect(paths).toContain('clusters/dev-eu/fraud/inferenceservice-fraud-staging-scorer-api.yaml');
    expect(paths).toContain('clusters/dev-eu/fraud/namespace-fraud-dev.yaml');
  });
});

describe('emit output', () => {
  it('is byte-for-byte identical when sample-repo is compiled twice', async () => {
    const tree = await readSourceTree(join(REPO_ROOT, 'sample-repo'));
    const first = compile(tree, { policies: false });
    const second = compile(await readSourceTree(join(REPO_ROOT, 'sample-repo')), { policies: false });
    expect(first.files.length).toBeGreaterThan(100);
    expect(second.files).toEqual(first.files);
  });

  it('follows the layout and labels and annotates every object with its source line', async () => {
    for (const golden of goldenCases()) {
      const result = await compileCase(golden);
      for (const file of result.files) expect(file.path, golden.name).toMatch(/^(clusters|argocd)\/[a-z0-9-]+\/[a-z0-9-]+\/[a-z]+-[a-z0-9.-]+\.yaml$|^argocd\/[a-z0-9-]+\/(appproject|application)-mlops-root-[a-z0-9-]+\.yaml$|^registry\.json$/);
      for (const { object, path } of result.manifests) {
        expect(object.metadata.labels?.['app.kubernetes.io/managed-by'], path).toBe('cirrus-mlops');
        expect(object.metadata.labels?.['mlops.cirruslabs.io/team'], path).toBe(path.split('/')[2]);
        expect(object.metadata.annotations?.[SOURCE_ANNOTATION], path).toMatch(golden.name === 'default-platform' ? /^(teams\/[a-z-]+\/mlops\.yaml:\d+|platform\.yaml)$/ : /^(teams\/[a-z-]+\/mlops\.yaml|platform\.yaml):\d+$/);
      }
    }
  });

  it('renders the same objects as JSON with --format json', () => {
    const yaml = compileTexts(platformYaml(), team.replace('staging', 'prod'));
    const json = compileTexts(platformYaml(), team.replace('staging', 'prod'), { format: 'json' });
    expect(json.files.map((file) => file.path)).toEqual(yaml.files.map((file) => file.path.replace(/\.yaml$/, '.json')));
    for (const [index, file] of json.files.entries()) expect(JSON.parse(file.content), file.path).toEqual(parse(yaml.files[index]!.content));
  });

  it('emits only the environments and clusters asked for, plus registry.json', () => {
    const result = compileTexts(platformYaml(), team.replace('staging', 'prod'), { environments: ['prod'] });
    const roots = new Set(result.files.map((file) => file.path.split('/').slice(0, 2).join('/')));
    expect([...roots].sort()).toEqual(['argocd/prod-eu', 'clusters/prod-eu', 'registry.json']);
  });
});
