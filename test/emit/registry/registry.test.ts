import { describe, expect, it } from 'vitest';
import { emitRegistryConfigMap, fullRegistryJson, namespaceRegistryJson, PRETTY_JSON_LIMIT, registryJson } from '../../../compiler/emit/registry/emit-registry-config-map.ts';
import { registryTemplate } from '../../../compiler/emit/registry/registry-template.ts';
import { readSourceTree } from '../../../compiler/cli/fs-source.ts';
import { validate } from '../../../compiler/pipeline.ts';
import type { ResolvedPlacement } from '../../../compiler/resolve/resolved-org.ts';
import { goldenCases } from '../golden/golden-cases.ts';
import { registryCatalog } from '../../../compiler/emit/registry/registry-catalog.ts';
import { stableJson } from '../../../compiler/emit/registry/stable-json.ts';
import { teamRegistry } from '../../../compiler/emit/registry/team-registry.ts';
import { sortKeys } from '../../../compiler/emit/render.ts';
import { contextFor, EXAMPLE_PLATFORM, EXAMPLE_TEAM, emitWith, objectOf, resolveExample } from '../pipelines/example-org.ts';
import { validateKubernetesObjects } from '../../support/kubernetes-schemas.ts';

const SEARCH_TEAM = `apiVersion: mlops.cirruslabs.io/v1alpha1
kind: Team
metadata: { name: search, owners: ["@acme/search"] }
models:
  ranker:
    framework: pytorch
    versions:
      "2.0.0": { artifact: "s3://models/ranker/2.0.0" }
      "2.1.0": { artifact: "s3://models/ranker/2.1.0" }
  scorer:
    framework: pytorch
    versions:
      "2.0.0": { artifact: "s3://models/scorer/2.0.0", dataset: { uri: "s3://data/clicks/2026-10" }, metrics: { ndcg: 0.71 } }
deployments:
  ranker-api:
    model: ranker
    environments:
      prod:
        version: "2.0.0"
        abTest: { variants: [{ name: control, version: "2.0.0", traffic: 70 }, { name: challenger, version: "2.1.0", traffic: 30 }] }
`;

describe('emitRegistryConfigMap', () => {
  const org = resolveExample();

  it('emits the team registry in the namespace, with deployments of this environment and cluster only', () => {
    const objects = emitWith(emitRegistryConfigMap, contextFor(org, 'fraud', 'prod-eu'));
    expect(validateKubernetesObjects(objects)).toEqual([]);
    const configMap = objectOf(objects, 'ConfigMap', 'fraud-model-registry');
    expect(configMap.metadata.namespace).toBe('fraud-prod');
    expect(configMap.metadata.labels).toMatchObject({ 'app.kubernetes.io/component': 'registry', 'mlops.cirruslabs.io/environment': 'prod', 'mlops.cirruslabs.io/team': 'fraud' });
    expect(configMap.metadata.annotations).toEqual({ 'mlops.cirruslabs.io/source': 'teams/fraud/mlops.yaml:4' });
    const text = (configMap.data as Record<string, string>)['registry.json']!;
    expect(text.endsWith('}\n')).toBe(true);
    const registry = JSON.parse(text);
    expect(registry).toMatchObject({ cluster: 'prod-eu', environment: 'prod', team: 'fraud', owners: ['@acme/fraud-ml'], costCenter: 'cc-1234' });
    const versions = registry.models['fraud-detector'].versions;
    expect(versions['1.4.0']).toEqual({
      artifact: 's3://models/fraud/1.4.0',
      dataset: { classification: 'pii', uri: 's3://data/fraud/2026-09' },
      deployedTo: [{ cluster: 'prod-eu', deployment: 'fraud-api', environment: 'prod', role: 'stable', traffic: 90 }],
      metrics: { auc: 0.941, f1: 0.8 },
      trainedBy: { pipeline: 'train-fraud', run: 'r-2026-10-01' },
    });
    expect(versions['1.5.0'].deployedTo).toEqual([{ cluster: 'prod-eu', deployment: 'fraud-api', environment: 'prod', role: 'canary', traffic: 10 }]);
    expect(text).toBe(`${stableJson(registry, 2)}\n`);
  });

  it('emits nothing for a team without models', () => {
    const empty = 'apiVersion: mlops.cirruslabs.io/v1alpha1\nkind: Team\nmetadata: { name: empty, owners: ["@acme/empty"] }\n';
    const withEmpty = resolveExample({ 'platform.yaml': EXAMPLE_PLATFORM, 'teams/empty/mlops.yaml': empty });
    expect(emitWith(emitRegistryConfigMap, contextFor(withEmpty, 'empty', 'dev-eu'))).toEqual([]);
  });
});

describe('registryJson', () => {
  it('is pretty for small registries and compact when pretty output nears the ConfigMap size limit', () => {
    expect(registryJson({ b: 1, a: [1] })).toBe('{\n  "a": [\n    1\n  ],\n  "b": 1\n}\n');
    const big = { models: Object.fromEntries(Array.from({ length: 12_000 }, (_, index) => [`model-${index}`, { framework: 'sklearn', riskTier: 'low' }])) };
    const text = registryJson(big);
    expect(`${JSON.stringify(big, null, 2)}\n`.length).toBeGreaterThan(PRETTY_JSON_LIMIT);
    expect(text.length).toBeLessThan(PRETTY_JSON_LIMIT);
    expect(text).not.toContain('\n  ');
    expect(JSON.parse(text)).toEqual(big);
  });
});

describe('registryCatalog', () => {
  const files = { 'platform.yaml': EXAMPLE_PLATFORM, 'teams/search/mlops.yaml': SEARCH_TEAM, 'teams/fraud/mlops.yaml': EXAMPLE_TEAM };

  it('writes every team, sorted, with every deployment of each version', () => {
    const file = registryCatalog(resolveExample(files));
    expect(file.path).toBe('registry.json');
    const catalog = JSON.parse(file.content);
    expect(Object.keys(catalog)).toEqual(['apiVersion', 'kind', 'organisation', 'teams']);
    expect(catalog.organisation).toBe('acme');
    expect(Object.keys(catalog.teams)).toEqual(['fraud', 'search']);
    expect(catalog.teams.fraud.models['fraud-detector'].versions['1.5.0'].deployedTo).toEqual([
      { cluster: 'stg-eu', deployment: 'fraud-api', environment: 'staging', role: 'stable' },
      { cluster: 'prod-eu', deployment: 'fraud-api', environment: 'prod', role: 'canary', traffic: 10 },
    ]);
    expect(catalog.teams.search.models.ranker.versions['2.0.0'].deployedTo.map((entry: { cluster: string; role: string; traffic: number }) => [entry.cluster, entry.role, entry.traffic])).toEqual([
      ['prod-eu', 'variant:control', 70],
      ['prod-us', 'variant:control', 70],
    ]);
    expect(catalog.teams.search.models.ranker.versions['2.1.0'].deployedTo.map((entry: { role: string }) => entry.role)).toEqual(['variant:challenger', 'variant:challenger']);
    expect(catalog.teams.search.models.scorer).toEqual({
      framework: 'pytorch',
      riskTier: 'low',
      versions: { '2.0.0': { artifact: 's3://models/scorer/2.0.0', dataset: { uri: 's3://data/clicks/2026-10' }, deployedTo: [], metrics: { ndcg: 0.71 } } },
    });
  });

  it('is pretty, key-sorted JSON with a trailing newline, byte-identical whatever the file order', () => {
    const first = registryCatalog(resolveExample(files)).content;
    const reversed = registryCatalog(resolveExample(Object.fromEntries(Object.entries(files).reverse()))).content;
    expect(reversed).toBe(first);
    expect(first).toBe(`${stableJson(JSON.parse(first), 2)}\n`);
    expect(first.startsWith('{\n  "apiVersion": "mlops.cirruslabs.io/v1alpha1",\n')).toBe(true);
  });
});

describe('teamRegistry', () => {
  it('builds its data with keys already sorted at every level, so serialising copies nothing', () => {
    const org = resolveExample({ 'platform.yaml': EXAMPLE_PLATFORM, 'teams/fraud/mlops.yaml': EXAMPLE_TEAM, 'teams/search/mlops.yaml': SEARCH_TEAM });
    for (const team of org.teams) {
      const registry = teamRegistry(team);
      expect(sortKeys(registry), team.name).toBe(registry);
      expect(JSON.stringify(registry)).toContain('"deployedTo"');
    }
  });
});

describe('registry template', () => {
  const cases = async () => {
    const orgs = [resolveExample({ 'platform.yaml': EXAMPLE_PLATFORM, 'teams/fraud/mlops.yaml': EXAMPLE_TEAM, 'teams/search/mlops.yaml': SEARCH_TEAM })];
    for (const golden of goldenCases()) {
      const { org } = validate(await readSourceTree(golden.input));
      if (org) orgs.push(org);
    }
    return orgs;
  };

  it('fills to exactly the bytes of the full serialisation, for every team, environment and cluster of every golden fixture', async () => {
    let compared = 0;
    for (const org of await cases()) {
      for (const team of org.teams) {
        for (const environment of org.platform.environments) {
          for (const cluster of environment.clusters) {
            const include = (placement: ResolvedPlacement) => placement.environment === environment.name && placement.cluster.name === cluster.name;
            expect(namespaceRegistryJson(team, environment.name, cluster.name), `${team.name} ${environment.name}/${cluster.name}`).toBe(fullRegistryJson(team, environment.name, cluster.name, include));
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(20);
  });

  it('falls back to the full serialisation when a user string holds the slot marker', () => {
    // Validation refuses NUL in config (ML327), so the marker is put into the resolved team directly.
    const org = resolveExample({ 'platform.yaml': EXAMPLE_PLATFORM, 'teams/search/mlops.yaml': SEARCH_TEAM });
    const team = { ...org.teams[0]!, costCenter: '\u0000mlops-registry-slot\u0000' };
    expect(registryTemplate(team)).toBeNull();
    const json = namespaceRegistryJson(team, 'prod', org.platform.environments.find((environment) => environment.name === 'prod')!.clusters[0]!.name);
    expect(JSON.parse(json).costCenter).toBe('\u0000mlops-registry-slot\u0000');
    expect(JSON.parse(json).models.ranker.versions['2.0.0'].deployedTo.map((entry: { role: string }) => entry.role)).toEqual(['variant:control']);
  });
});

describe('stableJson', () => {
  it('sorts keys at every level and drops undefined values', () => {
    expect(stableJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[{"y":2,"z":1}]},"b":1}');
  });
});
