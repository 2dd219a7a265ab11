/** A pipeline as an Argo Workflows WorkflowTemplate: its steps as a DAG, fanned out per trial when it searches hyper-parameters. */
import type { ResolvedPipeline } from '../../resolve/resolved-org.ts';
import type { ResolvedScheduling } from '../../resolve/scheduling-settings.ts';
import { clusterScheduling } from './cluster-scheduling.ts';
import { hyperparameterTrials, type TrialPlan } from './hyperparameter-trials.ts';
import { executorSpecFields } from './pipeline-executor.ts';
import { restrictedPodSecurityContext, scratchVolume } from '../security-context.ts';
import { stepTemplate } from './step-template.ts';

/** A name no step uses, starting from `base` (steps are templates too, so names must not clash). */
function freeTemplateName(base: string, used: ReadonlySet<string>): string {
  let name = base;
  while (used.has(name)) name = `${name}-x`;
  return name;
}

function dagTasks(pipeline: ResolvedPipeline, plan: TrialPlan | undefined): Record<string, unknown>[] {
  return pipeline.steps.map((step) => ({
    name: step.name,
    template: step.name,
    ...(step.dependsOn.length > 0 ? { dependencies: [...step.dependsOn] } : {}),
    ...(plan ? { arguments: { parameters: plan.parameters.map((parameter) => ({ name: parameter.parameter, value: `{{inputs.parameters.${parameter.parameter}}}` })) } } : {}),
  }));
}

/** The templates and entrypoint of the WorkflowTemplate spec (`scheduling`: platform.yaml's, for GPU steps). */
export function workflowTemplates(pipeline: ResolvedPipeline, scheduling: ResolvedScheduling): { entrypoint: string; templates: Record<string, unknown>[] } {
  const plan = hyperparameterTrials(pipeline);
  const used = new Set(pipeline.steps.map((step) => step.name));
  const steps = pipeline.steps.map((step) => stepTemplate(step, { cluster: pipeline.cluster, scheduling }, plan?.parameters));
  if (!plan) {
    const entrypoint = freeTemplateName('main', used);
    return { entrypoint, templates: [{ dag: { tasks: dagTasks(pipeline, undefined) }, name: entrypoint }, ...steps] };
  }
  const entrypoint = freeTemplateName('search', used);
  used.add(entrypoint);
  const trial = freeTemplateName('trial', used);
  const fanOut = {
    dag: {
      tasks: [
        {
          arguments: { parameters: plan.parameters.map((parameter) => ({ name: parameter.parameter, value: `{{item.${parameter.parameter}}}` })) },
          name: 'trial',
          template: trial,
          withItems: plan.items.map((item) => ({ ...item })),
        },
      ],
    },
    name: entrypoint,
  };
  const trialDag = { dag: { tasks: dagTasks(pipeline, plan) }, inputs: { parameters: plan.parameters.map((parameter) => ({ name: parameter.parameter })) }, name: trial };
  return { entrypoint, templates: [fanOut, trialDag, ...steps] };
}

/** The `spec` of a pipeline's WorkflowTemplate. */
export function workflowTemplateSpec(pipeline: ResolvedPipeline, workflowLabels: Readonly<Record<string, string>>, scheduling: ResolvedScheduling): Record<string, unknown> {
  const { entrypoint, templates } = workflowTemplates(pipeline, scheduling);
  return {
    ...executorSpecFields(),
    entrypoint,
    podGC: { strategy: 'OnPodSuccess' },
    securityContext: restrictedPodSecurityContext(),
    templates,
    ttlStrategy: { secondsAfterCompletion: 7 * 24 * 3600 },
    volumes: [scratchVolume().volume],
    workflowMetadata: { labels: { ...workflowLabels } },
    ...clusterScheduling(pipeline.cluster),
  };
}
