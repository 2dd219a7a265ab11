/**
 * Least privilege in the emitted tree of sample-repo and every golden fixture (issue 11, items 13–14):
 *  - no Role in a production-tier namespace lets a person (User or Group subject) create Workflows or
 *    pods, exec/attach/port-forward into pods, or touch Secrets — any of which reads the namespace's
 *    Secrets by proxy; Roles bound to ServiceAccounts only in production grant machines exactly their job
 *    (the drift check: create Workflows, get named WorkflowTemplates);
 *  - every pod that mounts a ServiceAccount token runs as an account some RoleBinding binds (a token
 *    nothing authorizes is an unused credential), and the drift check mounts one only to submit retraining
 *    on its own cluster.
 * Rule matching follows the API server (`support/rbac-rules.ts`, from kubernetes/kubernetes
 * pkg/apis/rbac/v1/evaluation_helpers.go); pod identities `support/pod-identities.ts`.
 */
import { describe, expect, it } from 'vitest';
import { type EmittedCase, emittedCases, type PlainObject } from './support/emitted-objects.ts';
import { podIdentities } from './support/pod-identities.ts';
import { type PolicyRule, type RbacRequest, rulesAllow } from './support/rbac-rules.ts';

const cases = await emittedCases();

/** Requests that read a namespace's Secrets, directly or by running code beside them. */
const FORBIDDEN_IN_PRODUCTION: readonly RbacRequest[] = [
  { verb: 'create', group: 'argoproj.io', resource: 'workflows' },
  { verb: 'create', group: 'argoproj.io', resource: 'cronworkflows' },
  { verb: 'create', group: '', resource: 'pods' },
  { verb: 'create', group: '', resource: 'pods/exec' },
  { verb: 'create', group: '', resource: 'pods/attach' },
  { verb: 'create', group: '', resource: 'pods/portforward' },
  { verb: 'create', group: 'batch', resource: 'jobs' },
  { verb: 'patch', group: 'apps', resource: 'deployments' },
  ...['get', 'list', 'watch'].map((verb) => ({ verb, group: '', resource: 'secrets' })),
];

type Subject = { kind: string; name: string; namespace?: string };
type RoleBinding = PlainObject & { roleRef: { kind: string; name: string }; subjects?: Subject[] };

function tierOf(emitted: EmittedCase, namespace: string | undefined): string | undefined {
  for (const team of emitted.org.teams) {
    for (const environment of emitted.org.platform.environments) if (`${team.name}-${environment.name}` === namespace) return environment.tier;
  }
  return undefined;
}

const objects = (emitted: EmittedCase) => emitted.manifests.map((manifest) => ({ object: manifest.object as unknown as PlainObject, path: manifest.path }));
const bindingsOf = (emitted: EmittedCase) => objects(emitted).filter(({ object }) => object.kind === 'RoleBinding').map(({ object }) => object as RoleBinding);

/** Every Role with the subjects bound to it, labelled `<case>: <path>`. */
const roles = cases.flatMap((emitted) =>
  objects(emitted)
    .filter(({ object }) => object.kind === 'Role')
    .map(({ object, path }) => {
      const subjects = bindingsOf(emitted)
        .filter((binding) => binding.metadata?.namespace === object.metadata?.namespace && binding.roleRef.kind === 'Role' && binding.roleRef.name === object.metadata?.name)
        .flatMap((binding) => binding.subjects ?? []);
      return { label: `${emitted.name}: ${path}`, rules: (object.rules ?? []) as PolicyRule[], subjects, tier: tierOf(emitted, object.metadata?.namespace) };
    }),
);

describe('emitted Roles', () => {
  it('include production Roles bound to people and to ServiceAccounts, and non-production Roles that grant more', () => {
    const production = roles.filter((role) => role.tier === 'production');
    expect(production.some((role) => role.subjects.some((subject) => subject.kind === 'Group'))).toBe(true);
    expect(roles.some((role) => role.tier === 'development' && rulesAllow(role.rules, FORBIDDEN_IN_PRODUCTION[0]!))).toBe(true);
  });

  it.each(roles.filter((role) => role.tier === 'production' && role.subjects.some((subject) => subject.kind !== 'ServiceAccount')))('$label lets people in production only read', ({ rules }) => {
    expect(FORBIDDEN_IN_PRODUCTION.filter((request) => rulesAllow(rules, request))).toEqual([]);
    expect(rules.flatMap((rule) => rule.verbs ?? []).filter((verb) => !['get', 'list', 'watch'].includes(verb))).toEqual([]);
  });

  it.each(roles.filter((role) => role.tier === 'production' && role.subjects.length > 0 && role.subjects.every((subject) => subject.kind === 'ServiceAccount')))('$label grants its ServiceAccount no Secrets, exec or pods', ({ rules }) => {
    expect(FORBIDDEN_IN_PRODUCTION.filter((request) => request.resource !== 'workflows' && rulesAllow(rules, request))).toEqual([]);
  });

  it('every Role is bound, and no Role grants wildcards', () => {
    for (const role of roles) {
      expect(role.subjects.length, role.label).toBeGreaterThan(0);
      for (const rule of role.rules) expect([...(rule.verbs ?? []), ...(rule.resources ?? []), ...(rule.apiGroups ?? [])], role.label).not.toContain('*');
    }
  });
});

/** Every pod that mounts a token, with whether a RoleBinding binds its account. */
const tokenPods = cases.flatMap((emitted) => {
  const accounts = new Map(objects(emitted).filter(({ object }) => object.kind === 'ServiceAccount').map(({ object }) => [`${object.metadata?.namespace}/${object.metadata?.name}`, object]));
  const bound = new Set(
    bindingsOf(emitted).flatMap((binding) => (binding.subjects ?? []).filter((subject) => subject.kind === 'ServiceAccount').map((subject) => `${subject.namespace ?? binding.metadata?.namespace}/${subject.name}`)),
  );
  return objects(emitted).flatMap(({ object, path }) =>
    podIdentities(object)
      .filter((pod) => pod.automount ?? (accounts.get(`${pod.namespace}/${pod.serviceAccount}`) as { automountServiceAccountToken?: boolean } | undefined)?.automountServiceAccountToken !== false)
      .map((pod) => ({ label: `${emitted.name}: ${path} (${pod.serviceAccount})`, account: `${pod.namespace}/${pod.serviceAccount}`, bound: bound.has(`${pod.namespace}/${pod.serviceAccount}`) })),
  );
});

describe('ServiceAccount tokens', () => {
  it('are mounted somewhere (the drift check that retrains, Argo executors)', () => {
    expect(tokenPods.length).toBeGreaterThan(0);
  });

  it.each(tokenPods)('$label mounts a token its account is bound for', ({ bound }) => {
    expect(bound).toBe(true);
  });

  it('are not mounted into drift checks that only submit to other clusters', () => {
    for (const emitted of cases) {
      for (const { object, path } of objects(emitted).filter(({ object: candidate }) => candidate.kind === 'ConfigMap' && candidate.data !== undefined)) {
        const config = (object.data as Record<string, string>)['drift-check.json'];
        if (!config) continue;
        const retrain = (JSON.parse(config) as { retrain: { inCluster: boolean }[] }).retrain;
        const cronJob = objects(emitted).find(({ object: candidate }) => candidate.kind === 'CronJob' && candidate.metadata?.name === object.metadata?.name && candidate.metadata?.namespace === object.metadata?.namespace)!;
        const [pod] = podIdentities(cronJob.object);
        expect(pod?.automount, path).toBe(retrain.some((target) => target.inCluster));
      }
    }
  });
});
