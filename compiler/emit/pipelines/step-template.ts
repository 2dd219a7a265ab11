/** One pipeline step as an Argo Workflows container template. */
import type { ResolvedCluster, ResolvedStep } from '../../resolve/resolved-org.ts';
import type { ResolvedScheduling } from '../../resolve/scheduling-settings.ts';
import { gpuStepScheduling, stepRunLimits } from './step-scheduling.ts';
import type { TrialParameter } from './hyperparameter-trials.ts';
import { containerResources, restrictedContainerSecurityContext, scratchVolume } from '../security-context.ts';
import { compareCodePoints } from '../../support/compare-code-points.ts';

/**
 * The container template of a step: image, command, args, env (sorted by name), the step's Secret as
 * `envFrom`, requests and limits, a secure security context and the `/tmp` scratch mount; its retries and
 * deadline; for a GPU step, the GPU node placement. During a hyper-parameter search the step also takes
 * each trial parameter as an input and sees it as `HP_<NAME>`.
 */
export function stepTemplate(step: ResolvedStep, placement: { readonly cluster: Pick<ResolvedCluster, 'nodeSelector' | 'tolerations'>; readonly scheduling: ResolvedScheduling }, trialParameters: readonly TrialParameter[] = []): Record<string, unknown> {
  const env = [
    ...Object.entries(step.env).map(([name, value]) => ({ name, value })),
    ...trialParameters.map((parameter) => ({ name: parameter.envName, value: `{{inputs.parameters.${parameter.parameter}}}` })),
  ].sort((a, b) => compareCodePoints(a.name, b.name));
  const container: Record<string, unknown> = {
    image: step.image,
    resources: containerResources(step.resources),
    securityContext: restrictedContainerSecurityContext(),
    volumeMounts: [scratchVolume().mount],
  };
  if (step.command.length > 0) container.command = [...step.command];
  if (step.args.length > 0) container.args = [...step.args];
  if (env.length > 0) container.env = env;
  if (step.secretRef) container.envFrom = [{ secretRef: { name: step.secretRef } }];
  return {
    container,
    name: step.name,
    ...(trialParameters.length > 0 ? { inputs: { parameters: trialParameters.map((parameter) => ({ name: parameter.parameter })) } } : {}),
    ...stepRunLimits(step),
    ...gpuStepScheduling(step, placement.cluster, placement.scheduling),
  };
}
