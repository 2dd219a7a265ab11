import { describe, expect, it } from 'vitest';
import { groupSubject, ownerSubject, teamSubjects } from '../../../compiler/emit/tenancy/owner-subjects.ts';
import { compileTexts, objectNamed, objectsOfKind, platformYaml, teamYaml } from '../emit-text.ts';

const servingTeam = teamYaml(`deployments:
  scorer-api:
    model: scorer
    environments:
      prod: { version: "1.0.0" }`).replace('owners: ["@acme/fraud-ml", "@alice"] }', 'owners: ["@acme/fraud-ml", "@alice", "sso:fraud-admins"], groups: [fraud-readers] }');

describe('owner subjects', () => {
  it('maps GitHub users, GitHub teams and SSO groups to RBAC subjects', () => {
    expect(ownerSubject('@alice')).toEqual({ kind: 'User', name: 'alice', apiGroup: 'rbac.authorization.k8s.io' });
    expect(ownerSubject('@acme/fraud-ml')).toEqual({ kind: 'Group', name: 'acme:fraud-ml', apiGroup: 'rbac.authorization.k8s.io' });
    expect(ownerSubject('sso:fraud-admins')).toEqual({ kind: 'Group', name: 'fraud-admins', apiGroup: 'rbac.authorization.k8s.io' });
  });

  it('maps SSO groups with or without `sso:` to the same Group, de-duplicated and sorted', () => {
    expect(teamSubjects(['@bob', 'sso:ops', '@bob'], ['ops', 'sso:analysts']).map((subject) => `${subject.kind}/${subject.name}`)).toEqual(['Group/analysts', 'Group/ops', 'User/bob']);
  });

  it('puts the API server\'s OIDC prefixes before every group and user', () => {
    const prefixes = { oidcGroupsPrefix: 'oidc:', oidcUsernamePrefix: 'oidc#' };
    expect(groupSubject('sso:fraud-ml-engineers', prefixes).name).toBe('oidc:fraud-ml-engineers');
    expect(ownerSubject('@acme/fraud-ml', prefixes).name).toBe('oidc:acme:fraud-ml');
    expect(ownerSubject('@alice', prefixes).name).toBe('oidc#alice');
    expect(teamSubjects(['@alice'], ['sso:ops'], prefixes).map((subject) => `${subject.kind}/${subject.name}`)).toEqual(['Group/oidc:ops', 'User/oidc#alice']);
  });
});

describe('tenancy per team × environment', () => {
  const result = compileTexts(platformYaml({ phase: 3, extra: 'quotas:\n  perTeam: { cpu: "8", memory: 32Gi }\n  teams:\n    fraud: { cpu: "16", gpu: 2, pods: 50 }' }), servingTeam);

  it('emits a cluster-scoped Namespace enforcing the restricted Pod Security Standard', () => {
    const namespace = objectNamed(result, 'prod-eu', 'Namespace', 'fraud-prod');
    expect(namespace.metadata.namespace).toBeUndefined();
    expect(namespace.metadata.labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
    expect(result.manifests.some((manifest) => manifest.path === 'clusters/prod-eu/fraud/namespace-fraud-prod.yaml')).toBe(true);
  });

  it('emits nothing for the team where it deploys and runs nothing (no empty namespace, quota, role or Argo CD project)', () => {
    expect(result.manifests.filter((manifest) => manifest.path.includes('/dev-eu/'))).toEqual([]);
    const inDev = compileTexts(platformYaml(), teamYaml('deployments:\n  scorer-api:\n    model: scorer\n    environments:\n      dev: { version: "1.0.0" }'));
    expect(inDev.manifests.filter((manifest) => manifest.path.includes('/prod-eu/'))).toEqual([]);
    expect(objectNamed(inDev, 'dev-eu', 'Namespace', 'fraud-dev').kind).toBe('Namespace');
  });

  it('gives owners the environment\'s access level: read in production, develop in development, as platform.yaml overrides', () => {
    const team = teamYaml('deployments:\n  scorer-api:\n    model: scorer\n    environments:\n      dev: { version: "1.0.0" }\n      prod: { version: "1.0.0" }');
    const verbsOn = (compiled: typeof result, cluster: string) => objectNamed(compiled, cluster, 'Role', 'fraud-owners').rules.flatMap((rule: { resources: string[]; verbs: string[] }) => rule.resources.flatMap((resource) => rule.verbs.map((verb) => `${verb} ${resource}`)));
    const defaults = compileTexts(platformYaml({ phase: 2 }), team);
    expect(verbsOn(defaults, 'prod-eu')).not.toContain('create workflows');
    expect(verbsOn(defaults, 'dev-eu')).toEqual(expect.arrayContaining(['create workflows', 'create pods/exec', 'delete pods']));
    const operate = compileTexts(platformYaml({ phase: 2 }).replace('  dev:\n', '  dev:\n    access: operate\n'), team);
    expect(verbsOn(operate, 'dev-eu')).toContain('create workflows');
    expect(verbsOn(operate, 'dev-eu')).not.toContain('create pods/exec');
  });

  it('binds SSO groups under the API server\'s OIDC groups prefix', () => {
    const prefixed = compileTexts(platformYaml({ phase: 3, extra: 'access: { oidcGroupsPrefix: "oidc:" }' }), servingTeam);
    const subjects = objectNamed(prefixed, 'prod-eu', 'RoleBinding', 'fraud-owners').subjects.map((subject: { kind: string; name: string }) => `${subject.kind}/${subject.name}`);
    expect(subjects).toEqual(['Group/oidc:acme:fraud-ml', 'Group/oidc:fraud-admins', 'Group/oidc:fraud-readers', 'User/alice']);
  });

  it('takes the ResourceQuota from the team override rather than perTeam', () => {
    expect(objectNamed(result, 'prod-eu', 'ResourceQuota', 'team-quota').spec.hard).toEqual({ pods: '50', 'requests.cpu': '16', 'requests.nvidia.com/gpu': '2' });
    const other = compileTexts(platformYaml({ extra: 'quotas:\n  perTeam: { cpu: "8", memory: 32Gi }' }), servingTeam);
    expect(objectNamed(other, 'prod-eu', 'ResourceQuota', 'team-quota').spec.hard).toEqual({ 'requests.cpu': '8', 'requests.memory': '32Gi' });
    expect(objectNamed(other, 'prod-eu', 'ResourceQuota', 'team-quota').metadata.annotations['mlops.cirruslabs.io/source']).toBe('platform.yaml:16');
  });

  it('emits no ResourceQuota when the platform sets none, but always a LimitRange', () => {
    const plain = compileTexts(platformYaml(), servingTeam);
    expect(objectsOfKind(plain, 'prod-eu', 'ResourceQuota')).toEqual([]);
    expect(objectNamed(plain, 'prod-eu', 'LimitRange', 'container-defaults').spec.limits[0].type).toBe('Container');
  });

  it('binds owners and SSO groups to a read-mostly Role from rollout phase 2 only', () => {
    const binding = objectNamed(result, 'prod-eu', 'RoleBinding', 'fraud-owners');
    expect(binding.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'fraud-owners' });
    expect(binding.subjects.map((subject: { kind: string; name: string }) => `${subject.kind}/${subject.name}`)).toEqual(['Group/acme:fraud-ml', 'Group/fraud-admins', 'Group/fraud-readers', 'User/alice']);
    const role = objectNamed(result, 'prod-eu', 'Role', 'fraud-owners');
    const verbs = role.rules.flatMap((rule: { verbs: string[] }) => rule.verbs);
    expect(new Set(verbs)).toEqual(new Set(['get', 'list', 'watch']));
    expect(role.rules.flatMap((rule: { resources: string[] }) => rule.resources)).not.toContain('secrets');
    const phaseOne = compileTexts(platformYaml({ phase: 1 }).replace(/ {2}prod:\n.*\n/, ''), teamYaml('deployments:\n  scorer-api:\n    model: scorer\n    environments:\n      dev: { version: "1.0.0" }'));
    expect(phaseOne.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    expect(objectsOfKind(phaseOne, 'dev-eu', 'Role')).toEqual([]);
    expect(objectsOfKind(phaseOne, 'dev-eu', 'ServiceAccount').map((account) => account.automountServiceAccountToken)).toContain(false);
  });

  it('denies all traffic by default and lets serving ingress in only where the team serves', () => {
    const policies = (cluster: string) => objectsOfKind(result, cluster, 'NetworkPolicy');
    const deny = policies('prod-eu').find((policy) => policy.metadata.name === 'default-deny')!;
    expect(deny.spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
    expect(policies('prod-eu').map((policy) => policy.metadata.name).sort()).toEqual(['allow-dns-egress', 'allow-serving-ingress', 'default-deny']);
    expect(policies('dev-eu').map((policy) => policy.metadata.name)).not.toContain('allow-serving-ingress');
    const ingress = policies('prod-eu').find((policy) => policy.metadata.name === 'allow-serving-ingress')!;
    expect(ingress.spec.podSelector.matchLabels).toEqual({ 'app.kubernetes.io/component': 'serving' });
    const isvc = objectNamed(result, 'prod-eu', 'InferenceService', 'scorer-api');
    expect(isvc.spec.predictor.labels['app.kubernetes.io/component']).toBe('serving');
  });
});
