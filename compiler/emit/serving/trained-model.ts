/** KServe `TrainedModel` (serving.kserve.io/v1alpha1): a further model loaded into a multi-model InferenceService. */
import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';
import type { ResolvedDeployment, ResolvedPlacement, ServedVersion } from '../../resolve/resolved-org.ts';
import type { TeamClusterContext } from '../team-cluster-context.ts';
import { servedModel, servedVersion, servingMetadata } from './served-model.ts';
import { constructId } from '../construct-id.ts';

/** Memory reserved for an additional model that declares none. */
export const DEFAULT_TRAINED_MODEL_MEMORY = '1Gi';

/** Adds one TrainedModel per additional model, named `<inferenceService>-<model>`. */
export function emitTrainedModels(scope: Construct, context: TeamClusterContext, deployment: ResolvedDeployment, placement: ResolvedPlacement, inferenceService: string): void {
  for (const extra of deployment.additionalModels) {
    const served: ServedVersion = { model: extra.model, version: extra.version };
    const name = `${inferenceService}-${extra.model}`;
    new ApiObject(scope, constructId(scope, `trainedmodel-${name}`), {
      apiVersion: 'serving.kserve.io/v1alpha1',
      kind: 'TrainedModel',
      metadata: servingMetadata(context, deployment, placement, name, served),
      spec: {
        inferenceService,
        model: {
          framework: servedModel(context.team, served).framework,
          memory: extra.memory ?? DEFAULT_TRAINED_MODEL_MEMORY,
          storageUri: servedVersion(context.team, served).config.artifact,
        },
      },
    });
  }
}
