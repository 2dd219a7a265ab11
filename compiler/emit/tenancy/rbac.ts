/**
 * Identity and access in a team namespace: the workload ServiceAccount (no token mounted) and, from
 * rollout phase 2, a Role and RoleBinding giving the team's owners and SSO groups the environment's
 * access level (`owner-access-rules.ts`), bound to the names the API server gives them (`owner-subjects.ts`).
 */
import { ApiObject, type Chart } from 'cdk8s';
import { sourceAnnotations, standardLabels } from '../labels.ts';
import { ownerRules } from './owner-access-rules.ts';
import { teamSubjects } from './owner-subjects.ts';
import type { TeamClusterContext } from '../team-cluster-context.ts';
import { constructId } from '../construct-id.ts';
import { identityScope, serviceAccountIdentity } from '../../resolve/workload-identity.ts';

/** Name of the ServiceAccount team workloads run as. */
export const WORKLOAD_SERVICE_ACCOUNT = 'mlops-workload';

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

/** The owners' Role (the environment's access level) and its RoleBinding (from rollout phase 2). */
export function emitOwnerAccess(chart: Chart, context: TeamClusterContext): void {
  if (context.org.platform.phase < RBAC_PHASE) return;
  const name = `${context.team.name}-owners`;
  new ApiObject(chart, constructId(chart, `role-${context.namespace}`), {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: metadata(context, name),
    rules: ownerRules(context.environment.access),
  });
  new ApiObject(chart, constructId(chart, `rolebinding-${context.namespace}`), {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: metadata(context, name),
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name },
    subjects: teamSubjects(context.team.owners, context.team.groups, context.org.platform.access),
  });
}
