/** Where Argo CD reaches each cluster: ML344 (clusters without a server), ML345 (contradictory in-cluster), ML347 (one server, two clusters). */
import { describe, expect, it } from 'vitest';
import { validate } from '../../../compiler/pipeline.ts';
import { sourceTreeFromRecord } from '../../../compiler/load/source-tree.ts';
import { suggestedServer } from '../../../compiler/validate/semantic/cluster-servers.ts';
import { platformYaml, teamYaml } from '../../emit/emit-text.ts';

const DEV = '{ name: dev-eu, region: eu-west-1, server: "https://dev-eu.k8s.example:6443" }';
const PROD = '{ name: prod-eu, region: eu-west-1, server: "https://prod-eu.k8s.example:6443" }';
const team = teamYaml('deployments:\n  scorer-api:\n    model: scorer\n    environments:\n      dev: { version: "1.0.0" }\n      prod: { version: "1.0.0" }');

function check(dev: string, prod: string) {
  const result = validate(sourceTreeFromRecord({ 'platform.yaml': platformYaml().replace(DEV, dev).replace(PROD, prod), 'teams/fraud/mlops.yaml': team }));
  return { codes: result.diagnostics.map((diagnostic) => diagnostic.code), result };
}

describe('cluster servers', () => {
  it('take the one cluster without a server as Argo CD\'s own', () => {
    const { codes, result } = check('{ name: dev-eu, region: eu-west-1 }', PROD);
    expect(codes).toEqual([]);
    const clusters = result.org!.platform.environments.flatMap((environment) => environment.clusters);
    expect(clusters.map((cluster) => [cluster.name, cluster.server, cluster.inCluster])).toEqual([
      ['dev-eu', 'https://kubernetes.default.svc', true],
      ['prod-eu', 'https://prod-eu.k8s.example:6443', false],
    ]);
  });

  it('refuse two clusters without a server, and one without beside an inCluster one', () => {
    expect(check('{ name: dev-eu, region: eu-west-1 }', '{ name: prod-eu, region: eu-west-1 }').codes).toEqual(['ML344', 'ML344']);
    expect(check('{ name: dev-eu, region: eu-west-1, inCluster: true }', '{ name: prod-eu, region: eu-west-1 }').codes).toEqual(['ML344']);
    expect(check('{ name: dev-eu, region: eu-west-1, inCluster: true }', PROD).codes).toEqual([]);
  });

  it('refuse two in-cluster clusters, inCluster with another server, and one server for two clusters', () => {
    expect(check('{ name: dev-eu, region: eu-west-1, inCluster: true }', '{ name: prod-eu, region: eu-west-1, inCluster: true }').codes).toEqual(['ML345']);
    expect(check('{ name: dev-eu, region: eu-west-1, inCluster: true, server: "https://dev.example" }', PROD).codes).toEqual(['ML345']);
    expect(check(DEV, '{ name: prod-eu, region: eu-west-1, server: "https://dev-eu.k8s.example:6443" }').codes).toEqual(['ML347']);
  });

  it('suggest a server following the pattern of the declared ones, and none without a pattern', () => {
    expect(suggestedServer('stg-eu', [{ name: 'prod-eu', region: 'x', server: 'https://prod-eu.k8s.acme.internal:6443' }])).toBe('https://stg-eu.k8s.acme.internal:6443');
    expect(suggestedServer('stg-eu', [{ name: 'prod-eu', region: 'x', server: 'https://10.0.0.1:6443' }])).toBeUndefined();
  });
});
