/**
 * Pipelines → Argo Workflows. Every pipeline becomes a `WorkflowTemplate` (its steps as a DAG); manual
 * runs are `Workflow`s submitted from it (`argo submit --from workflowtemplate/<name>`), which are not
 * kept in git. A pipeline with a `schedule` (including `retrain.on: schedule`) also gets a
 * `CronWorkflow` that runs the template on the `schedules` list (Argo Workflows 4.x has no `schedule`).
 * Retraining on drift is wired from the other side: the deployment's drift-check job submits this
 * template when drift crosses its threshold (see `compiler/emit/monitoring/drift-check.ts`).
 */
import { ApiObject, type Chart } from 'cdk8s';
import type { ResolvedPipeline } from '../../resolve/resolved-org.ts';
import { MLOPS_DOMAIN, sourceAnnotations, standardLabels } from '../labels.ts';
import { identityScope } from '../../resolve/workload-identity.ts';
import { withPipelineIdentity } from './pipeline-identity.ts';
import type { TeamClusterContext } from '../team-cluster-context.ts';
import { dnsName, MAX_CRON_NAME } from './dns-name.ts';
import { emitPipelineExecutor } from './pipeline-executor.ts';
import { workflowTemplateSpec } from './workflow-template.ts';
import { constructId } from '../construct-id.ts';

/** Argo Workflows API version. */
export const ARGO_WORKFLOWS_API_VERSION = 'argoproj.io/v1alpha1';

/** Name of a pipeline's WorkflowTemplate. */
export function workflowTemplateName(pipeline: Pick<ResolvedPipeline, 'name'>): string {
  return dnsName([pipeline.name]);
}

/** Name of a pipeline's CronWorkflow (at most 52 characters, as Argo requires). */
export function cronWorkflowName(pipeline: Pick<ResolvedPipeline, 'name'>): string {
  return dnsName([pipeline.name], MAX_CRON_NAME);
}

/** The pipelines of the context's team that run in the context's environment on the context's cluster. */
export function pipelinesOnCluster(context: TeamClusterContext): ResolvedPipeline[] {
  return context.team.pipelines.filter((pipeline) => pipeline.cluster.name === context.cluster.name && pipeline.environment === context.environment.name);
}

function pipelineLabels(pipeline: ResolvedPipeline): Record<string, string> {
  return standardLabels({ team: pipeline.team, name: pipeline.name, component: 'pipeline', environment: pipeline.environment, ...(pipeline.produces ? { model: pipeline.produces } : {}) });
}

function templateAnnotations(context: TeamClusterContext, pipeline: ResolvedPipeline): Record<string, string> {
  const search = pipeline.hyperparameterSearch;
  return {
    ...sourceAnnotations(context.org, pipeline.source),
    ...(search ? { [`${MLOPS_DOMAIN}/hyperparameter-search`]: `${search.algorithm}, max ${search.maxTrials} trials` } : {}),
    ...(pipeline.retrain ? { [`${MLOPS_DOMAIN}/retrain-on`]: pipeline.retrain.on } : {}),
  };
}

/**
 * Emits, for every pipeline of the team whose cluster is `context.cluster`, a WorkflowTemplate and, when
 * the pipeline is scheduled, a CronWorkflow referencing it (`workflowSpec.workflowTemplateRef`); plus,
 * once per namespace that runs pipelines, the Argo executor's ServiceAccount and Role.
 */
export function emitPipelines(chart: Chart, context: TeamClusterContext): void {
  const pipelines = pipelinesOnCluster(context);
  for (const namespace of [...new Set(pipelines.map((pipeline) => pipeline.namespace))].sort()) emitPipelineExecutor(chart, context, namespace);
  for (const pipeline of pipelines) {
    const labels = pipelineLabels(pipeline);
    const name = workflowTemplateName(pipeline);
    new ApiObject(chart, constructId(chart, `pipeline-${pipeline.name}-workflowtemplate`), {
      apiVersion: ARGO_WORKFLOWS_API_VERSION,
      kind: 'WorkflowTemplate',
      metadata: { name, namespace: pipeline.namespace, labels, annotations: templateAnnotations(context, pipeline) },
      spec: withPipelineIdentity(workflowTemplateSpec(pipeline, labels, context.org.platform.scheduling), context.org.platform.config, identityScope(context)),
    });
    if (!pipeline.schedule) continue;
    new ApiObject(chart, constructId(chart, `pipeline-${pipeline.name}-cronworkflow`), {
      apiVersion: ARGO_WORKFLOWS_API_VERSION,
      kind: 'CronWorkflow',
      metadata: { name: cronWorkflowName(pipeline), namespace: pipeline.namespace, labels, annotations: sourceAnnotations(context.org, pipeline.source) },
      spec: {
        concurrencyPolicy: 'Forbid',
        failedJobsHistoryLimit: 3,
        schedules: [pipeline.schedule],
        successfulJobsHistoryLimit: 3,
        timezone: pipeline.timezone,
        workflowMetadata: { labels: { ...labels, [`${MLOPS_DOMAIN}/trigger`]: pipeline.retrain?.on === 'schedule' ? 'retrain' : 'schedule' } },
        workflowSpec: { workflowTemplateRef: { name } },
      },
    });
  }
}
