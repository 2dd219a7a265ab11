import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSourceTree } from '../compiler/cli/fs-source.ts';
import { validate } from '../compiler/pipeline.ts';

const sampleRepo = resolve(import.meta.dirname, '../sample-repo');

describe('sample-repo', () => {
  it('validates with zero errors and zero warnings', async () => {
    const result = validate(await readSourceTree(sampleRepo));
    expect(result.diagnostics.map((diagnostic) => `${diagnostic.file}:${diagnostic.range.start.line}:${diagnostic.range.start.column} ${diagnostic.code} ${diagnostic.message}`)).toEqual([]);
    expect(result.org).toBeDefined();
  });

  it('declares the org the README tours', async () => {
    const org = validate(await readSourceTree(sampleRepo)).org!;
    expect(org.platform.name).toBe('acme');
    expect(org.platform.phase).toBe(3);
    expect(org.platform.environments.map((environment) => environment.name)).toEqual(['dev', 'staging', 'prod']);
    expect(org.teams.map((team) => team.name)).toEqual(['fraud', 'recsys', 'search']);
    const fraudApi = org.teams[0]!.deployments.find((deployment) => deployment.name === 'fraud-api')!;
    const prod = fraudApi.placements.filter((placement) => placement.environment === 'prod');
    expect(prod.map((placement) => placement.cluster.name)).toEqual(['prod-eu', 'prod-us']);
    expect(prod[0]!.canary).toEqual({ model: 'fraud-detector', version: '1.5.0', traffic: 10 });
    const homeFeed = org.teams[1]!.deployments[0]!;
    expect(homeFeed.backend).toBe('deployment');
    expect(homeFeed.placements.find((placement) => placement.environment === 'prod')!.abTest?.variants.map((variant) => variant.model)).toEqual(['home-ranker', 'session-ranker']);
  });

  it('has a model card file for every version that names one', async () => {
    const tree = await readSourceTree(sampleRepo);
    const org = validate(tree).org!;
    for (const team of org.teams) {
      for (const model of team.models) {
        for (const version of model.versions) {
          if (version.config.modelCard) expect(tree.otherPaths).toContain(`teams/${team.name}/${version.config.modelCard}`);
        }
      }
    }
  });
});
