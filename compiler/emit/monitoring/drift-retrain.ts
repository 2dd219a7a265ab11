/**
 * Retraining on drift. A pipeline with `retrain.on: drift` is retrained when the drift check of its
 * deployment (`retrain.deployment`) finds drift in a production-tier environment. The drift-check job reads the `retrain` entries of its config and, for each, creates a
 * `Workflow` with `spec.workflowTemplateRef.name` = the pipeline's WorkflowTemplate in the pipeline's
 * namespace — what `argo submit --from workflowtemplate/<name> -n <namespace>` does.
 *  - Pipeline on the same cluster: the job uses its own ServiceAccount token; a Role in the pipeline's
 *    namespace lets that account create Workflows and read those templates (nothing else).
 *  - Pipeline on another cluster: the job calls that cluster's declared API server (`server`; validation's
 *    ML346 refuses a pipeline cluster without one, which the job would reach as its own API server) with
 *    the credentials in the Secret {@link retrainCredentialsSecret} (provisioned by the platform team, not
 *    kept in git, and required: the pod does not start without it). The job mounts its own token only
 *    when some target is on its own cluster.
 */
import type { ResolvedPipeline, ResolvedPlacement, ResolvedTeam } from '../../resolve/resolved-org.ts';
import { workflowTemplateName } from '../pipelines/emit-pipelines.ts';

/** Where the drift check submits a retraining run. */
export interface RetrainTarget {
  readonly pipeline: string;
  readonly workflowTemplate: string;
  readonly namespace: string;
  readonly cluster: string;
  /** API server of the pipeline's cluster. */
  readonly server: string;
  /** True when the pipeline runs on the drift check's own cluster. */
  readonly inCluster: boolean;
}

/** The pipelines that retrain on drift of `deployment` (validation guarantees `retrain.deployment` is set). */
export function retrainPipelines(team: ResolvedTeam, deployment: string): ResolvedPipeline[] {
  return team.pipelines.filter((pipeline) => pipeline.retrain?.on === 'drift' && pipeline.retrain.deployment === deployment);
}

/**
 * The retraining targets of a placement's drift check. Only placements in production-tier environments
 * trigger retraining: drift there is drift in real traffic (staging traffic is often synthetic).
 */
export function retrainTargets(team: ResolvedTeam, placement: ResolvedPlacement): RetrainTarget[] {
  if (placement.tier !== 'production') return [];
  return retrainPipelines(team, placement.deployment).map((pipeline) => ({
    pipeline: pipeline.name,
    workflowTemplate: workflowTemplateName(pipeline),
    namespace: pipeline.namespace,
    cluster: pipeline.cluster.name,
    server: pipeline.cluster.server,
    inCluster: pipeline.cluster.name === placement.cluster.name,
  }));
}

/** Secret holding the credentials for submitting retraining runs on other clusters. */
export function retrainCredentialsSecret(team: string): string {
  return `${team}-retrain-credentials`;
}

/** RBAC rules letting the drift check submit the given templates in one namespace. */
export function retrainRoleRules(workflowTemplates: readonly string[]): Record<string, unknown>[] {
  return [
    { apiGroups: ['argoproj.io'], resources: ['workflows'], verbs: ['create'] },
    { apiGroups: ['argoproj.io'], resourceNames: [...new Set(workflowTemplates)].sort(), resources: ['workflowtemplates'], verbs: ['get'] },
  ];
}
