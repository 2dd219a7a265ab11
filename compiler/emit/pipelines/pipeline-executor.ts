/**
 * The identity Argo's executor runs as in a team namespace. Steps run without a service-account token
 * (`automountServiceAccountToken: false`); only Argo's own init/wait containers get the token of
 * {@link PIPELINE_EXECUTOR}, which may do nothing but report step results (`workflowtaskresults`).
 */
import { ApiObject, type Chart } from 'cdk8s';
import { sourceAnnotations, standardLabels } from '../labels.ts';
import type { TeamClusterContext } from '../team-cluster-context.ts';
import { constructId } from '../construct-id.ts';

/** ServiceAccount (and Role/RoleBinding) name of the Argo executor in a team namespace. */
export const PIPELINE_EXECUTOR = 'pipeline-executor';

/** The RBAC rules Argo Workflows (≥ 3.4) needs for its executor. */
export const EXECUTOR_RULES: readonly Record<string, unknown>[] = [{ apiGroups: ['argoproj.io'], resources: ['workflowtaskresults'], verbs: ['create', 'patch'] }];

/** The WorkflowTemplate `spec` fields that keep tokens away from steps and give the executor its identity. */
export function executorSpecFields(): Record<string, unknown> {
  return { automountServiceAccountToken: false, executor: { serviceAccountName: PIPELINE_EXECUTOR } };
}

/** Emits the executor ServiceAccount, Role and RoleBinding in `namespace`. */
export function emitPipelineExecutor(chart: Chart, context: TeamClusterContext, namespace: string): void {
  const metadata = {
    name: PIPELINE_EXECUTOR,
    namespace,
    labels: standardLabels({ team: context.team.name, name: PIPELINE_EXECUTOR, component: 'pipeline', environment: context.environment.name }),
    annotations: sourceAnnotations(context.org, { file: context.team.file, path: ['pipelines'] }),
  };
  new ApiObject(chart, constructId(chart, `pipeline-executor-${namespace}-serviceaccount`), { apiVersion: 'v1', kind: 'ServiceAccount', metadata });
  new ApiObject(chart, constructId(chart, `pipeline-executor-${namespace}-role`), { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata, rules: EXECUTOR_RULES.map((rule) => ({ ...rule })) });
  new ApiObject(chart, constructId(chart, `pipeline-executor-${namespace}-rolebinding`), {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata,
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: PIPELINE_EXECUTOR },
    subjects: [{ kind: 'ServiceAccount', name: PIPELINE_EXECUTOR, namespace }],
  });
}
