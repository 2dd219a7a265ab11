/**
 * The drift check of one placement: a ConfigMap with what to compare (method, threshold, features,
 * baseline, where the logged predictions are (`prediction-source.ts`), where to push results, what to retrain) and a CronJob that runs the check on the drift
 * schedule with secure pod defaults. The job pushes `mlops_drift_score` per feature to the Pushgateway
 * (alerted on by the PrometheusRule) and submits retraining runs (see `drift-retrain.ts`).
 */
import type { ResolvedMonitor, ResolvedPlacement, ResolvedPlatformMonitoring, ResolvedTeam } from '../../resolve/resolved-org.ts';
import { clusterScheduling } from '../pipelines/cluster-scheduling.ts';
import { secureContainer, securePodDefaults } from '../security-context.ts';
import { DEPLOYMENT_LABEL, DRIFT_SCORE, pushgatewayUrl } from './serving-metrics.ts';
import { retrainCredentialsSecret, type RetrainTarget } from './drift-retrain.ts';
import { driftCheckInputs } from './prediction-source.ts';

/** Key of the drift-check config in its ConfigMap. */
export const DRIFT_CONFIG_KEY = 'drift-check.json';

const CONFIG_DIRECTORY = '/etc/mlops/drift-check';

/**
 * The drift check's configuration, as the ConfigMap stores it: deterministic JSON with every key in
 * code-point order. It is built in that order (no key comes from the user), so it is written as it
 * is rather than copied sorted: one is emitted per monitored placement. Golden fixtures pin the bytes.
 */
export function driftCheckConfig(team: ResolvedTeam, placement: ResolvedPlacement, drift: NonNullable<ResolvedMonitor['drift']>, retrain: readonly RetrainTarget[], monitoring: ResolvedPlatformMonitoring): string {
  const inputs = driftCheckInputs(placement, drift, monitoring);
  if (!inputs) throw new Error(`bug: the drift check of ${placement.deployment} in ${placement.namespace} has no data source (validation's ML334 should have refused it)`);
  const stable = team.models.find((model) => model.name === placement.stable.model)?.versions.find((version) => version.version === placement.stable.version);
  const baseline = drift.baseline ?? stable?.config.dataset?.uri;
  const config = {
    baseline: baseline ?? null,
    cluster: placement.cluster.name,
    deployment: placement.deployment,
    environment: placement.environment,
    features: drift.features,
    inputs,
    method: drift.method,
    model: { ...(placement.canary ? { canaryVersion: placement.canary.version } : {}), name: placement.stable.model, version: placement.stable.version },
    namespace: placement.namespace,
    // DEPLOYMENT_LABEL (`mlops_deployment`) sorts before `namespace`.
    push: { gateway: pushgatewayUrl(monitoring.pushgateway), job: 'mlops-drift-check', labels: { [DEPLOYMENT_LABEL]: placement.deployment, namespace: placement.namespace }, metric: DRIFT_SCORE },
    retrain: retrain.map(({ cluster, inCluster, namespace, pipeline, server, workflowTemplate }) => ({ cluster, inCluster, namespace, pipeline, server, workflowTemplate })),
    schedule: drift.schedule,
    threshold: drift.threshold,
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

/** What the CronJob needs to know besides the placement. */
export interface DriftCheckJob {
  readonly name: string;
  readonly configMap: string;
  readonly serviceAccount: string;
  readonly image: string;
  readonly schedule: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly retrain: readonly RetrainTarget[];
  /** `envFrom` entries with the platform's storage credentials Secret (`resolve/workload-identity.ts`), if any. */
  readonly credentials?: readonly { readonly secretRef: { readonly name: string } }[];
}

/** The `spec` of the drift-check CronJob (batch/v1). */
export function driftCheckCronJobSpec(placement: ResolvedPlacement, job: DriftCheckJob): Record<string, unknown> {
  // The pod's own token is used only to submit on its own cluster (where a Role grants it); remote
  // clusters are reached with the credentials Secret, which is required: without it the job cannot work.
  const submitsHere = job.retrain.some((target) => target.inCluster);
  const remote = job.retrain.some((target) => !target.inCluster);
  const secured = secureContainer({
    name: 'drift-check',
    image: job.image,
    args: ['--config', `${CONFIG_DIRECTORY}/${DRIFT_CONFIG_KEY}`],
    resources: { cpu: '250m', memory: '512Mi', gpu: 0, limits: { cpu: '1', memory: '1Gi' } },
  });
  const container: Record<string, unknown> = {
    ...secured,
    volumeMounts: [{ mountPath: CONFIG_DIRECTORY, name: 'config', readOnly: true }, ...(secured.volumeMounts as unknown[])],
    ...(remote || job.credentials?.length ? { envFrom: [...(remote ? [{ secretRef: { name: retrainCredentialsSecret(placement.team) } }] : []), ...(job.credentials ?? []).map((entry) => ({ secretRef: { ...entry.secretRef } }))] } : {}),
  };
  const pod = securePodDefaults({ needsToken: submitsHere, serviceAccountName: job.serviceAccount });
  return {
    concurrencyPolicy: 'Forbid',
    failedJobsHistoryLimit: 3,
    jobTemplate: {
      metadata: { labels: { ...job.labels } },
      spec: {
        activeDeadlineSeconds: 3600,
        backoffLimit: 1,
        template: {
          metadata: { labels: { ...job.labels } },
          spec: {
            ...pod,
            ...clusterScheduling(placement.cluster),
            containers: [container],
            restartPolicy: 'Never',
            volumes: [{ configMap: { name: job.configMap }, name: 'config' }, ...(pod.volumes as unknown[])],
          },
        },
        ttlSecondsAfterFinished: 86400,
      },
    },
    schedule: job.schedule,
    successfulJobsHistoryLimit: 1,
    timeZone: 'Etc/UTC',
  };
}
