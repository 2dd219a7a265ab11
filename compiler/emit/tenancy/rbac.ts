/**
 * Identity and access in a team namespace: the workload ServiceAccount (no token mounted) and, from
 * rollout phase 2, a Role and RoleBinding giving the team's owners and SSO groups what they need.
 */
import { ApiObject, type Chart } from 'cdk8s';
import { sourceAnnotations, standardLabels } from '../labels.ts';
import { compareCodePoints } from '../../support/compare-code-points.ts';
import type { TeamClusterContext } from '../team-cluster-context.ts';
import { constructId } from '../construct-id.ts';
import { identityScope, serviceAccountIdentity } from '../../resolve/workload-identity.ts';

/** Name of the ServiceAccount team workloads run as. */
export const WORKLOAD_SERVICE_ACCOUNT = 'mlops-workload';

/** A RoleBinding subject. */
export interface RbacSubject {
  readonly kind: 'User' | 'Group';
  readonly name: string;
  readonly apiGroup: 'rbac.authorization.k8s.io';
}

/**
 * The subject an owner handle stands for: `@alice` → User `alice`; `@acme/fraud-ml` → Group
 * `acme:fraud-ml` (the `org:team` form GitHub identity connectors use); `sso:fraud-ml` → Group `fraud-ml`.
 */
export function ownerSubject(owner: string): RbacSubject {
  const apiGroup = 'rbac.authorization.k8s.io';
  if (owner.startsWith('sso:')) return { kind: 'Group', name: owner.slice(4), apiGroup };
  const handle = owner.startsWith('@') ? owner.slice(1) : owner;
  const slash = handle.indexOf('/');
  return slash >= 0 ? { kind: 'Group', name: `${handle.slice(0, slash)}:${handle.slice(slash + 1)}`, apiGroup } : { kind: 'User', name: handle, apiGroup };
}

/** Subjects of the team's owners and SSO groups (passed through as Group names), de-duplicated and sorted. */
export function teamSubjects(owners: readonly string[], groups: readonly string[]): RbacSubject[] {
  const subjects = new Map<string, RbacSubject>();
  for (const subject of [...owners.map(ownerSubject), ...groups.map((name) => ({ kind: 'Group' as const, name, apiGroup: 'rbac.authorization.k8s.io' as const }))]) {
    subjects.set(`${subject.kind}/${subject.name}`, subject);
  }
  return [...subjects.entries()].sort(([a], [b]) => compareCodePoints(a, b)).map(([, subject]) => subject);
}

const READ = ['get', 'list', 'watch'];

/** What owners may do: read everything Cirrus MLOps deploys, read logs, and start manual pipeline runs. */
export const OWNER_RULES = [
  { apiGroups: [''], resources: ['configmaps', 'endpoints', 'events', 'pods', 'pods/log', 'services'], verbs: READ },
  { apiGroups: ['apps'], resources: ['deployments', 'replicasets'], verbs: READ },
  { apiGroups: ['argoproj.io'], resources: ['cronworkflows', 'workflowtemplates'], verbs: READ },
  { apiGroups: ['argoproj.io'], resources: ['workflows'], verbs: ['create', 'get', 'list', 'watch'] },
  { apiGroups: ['autoscaling'], resources: ['horizontalpodautoscalers'], verbs: READ },
  { apiGroups: ['batch'], resources: ['cronjobs', 'jobs'], verbs: READ },
  { apiGroups: ['gateway.networking.k8s.io'], resources: ['httproutes'], verbs: READ },
  { apiGroups: ['monitoring.coreos.com'], resources: ['prometheusrules', 'servicemonitors'], verbs: READ },
  { apiGroups: ['serving.kserve.io'], resources: ['inferenceservices', 'trainedmodels'], verbs: READ },
] as const;

/** Rollout phase from which RBAC for owners is emitted. */
export const RBAC_PHASE = 2;

function metadata(context: TeamClusterContext, name: string) {
  return {
    name,
    namespace: context.namespace,
    labels: standardLabels({ team: context.team.name, name, component: 'tenancy', environment: context.environment.name }),
    annotations: sourceAnnotations(context.org, { file: context.team.file, path: ['metadata', 'owners'] }),
  };
}

/** The ServiceAccount team workloads run as, with the platform's workload identity; its token is not mounted unless a pod asks for it. */
export function emitServiceAccount(chart: Chart, context: TeamClusterContext): void {
  const base = metadata(context, WORKLOAD_SERVICE_ACCOUNT);
  const identity = serviceAccountIdentity(context.org.platform.config, identityScope(context));
  new ApiObject(chart, constructId(chart, `serviceaccount-${context.namespace}`), {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { ...base, annotations: { ...base.annotations, ...identity.annotations } },
    automountServiceAccountToken: false,
    ...(identity.secrets ? { secrets: identity.secrets } : {}),
  });
}

/** The owners' Role and its RoleBinding (from rollout phase 2). */
export function emitOwnerAccess(chart: Chart, context: TeamClusterContext): void {
  if (context.org.platform.phase < RBAC_PHASE) return;
  const name = `${context.team.name}-owners`;
  new ApiObject(chart, constructId(chart, `role-${context.namespace}`), {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: metadata(context, name),
    rules: OWNER_RULES.map((rule) => ({ apiGroups: [...rule.apiGroups], resources: [...rule.resources], verbs: [...rule.verbs] })),
  });
  new ApiObject(chart, constructId(chart, `rolebinding-${context.namespace}`), {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: metadata(context, name),
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name },
    subjects: teamSubjects(context.team.owners, context.team.groups),
  });
}
