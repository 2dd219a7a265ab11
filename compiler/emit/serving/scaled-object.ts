/**
 * KEDA `ScaledObject` (keda.sh/v1alpha1, KEDA v2.20) scaling a Deployment on a Prometheus query. KEDA
 * creates and owns the HorizontalPodAutoscaler (`keda-hpa-<name>`) itself, so no other HPA may target
 * the Deployment. Trigger metadata names follow KEDA v2.20.2 `pkg/scalers/prometheus_scaler.go`
 * (`prometheusMetadata`: `serverAddress`, `query`, `threshold`); `metricType: AverageValue` makes the
 * HPA compare the query's value divided by the replica count with the threshold.
 */
import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';
import { constructId } from '../construct-id.ts';

/** What one ScaledObject scales and on what. */
export interface ScaledObjectProps {
  readonly metadata: { readonly name: string; readonly namespace: string; readonly labels: Record<string, string>; readonly annotations: Record<string, string> };
  /** Name of the Deployment scaled. */
  readonly deployment: string;
  readonly minReplicas: number;
  readonly maxReplicas: number;
  /** Base URL of the Prometheus HTTP API. */
  readonly serverAddress: string;
  /** PromQL expression whose value, per replica, is held at `threshold`. */
  readonly query: string;
  readonly threshold: number;
}

/** The ScaledObject's `spec`. */
export function scaledObjectSpec(props: ScaledObjectProps): Record<string, unknown> {
  return {
    scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: props.deployment },
    // KEDA defaults `minReplicaCount` to 0 (scale to zero): always say it.
    minReplicaCount: props.minReplicas,
    maxReplicaCount: props.maxReplicas,
    triggers: [
      {
        type: 'prometheus',
        metricType: 'AverageValue',
        metadata: { serverAddress: props.serverAddress, query: props.query, threshold: String(props.threshold) },
      },
    ],
  };
}

/** Adds a ScaledObject to `scope`. */
export function emitScaledObject(scope: Construct, props: ScaledObjectProps): void {
  new ApiObject(scope, constructId(scope, `scaledobject-${props.metadata.name}`), {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: props.metadata,
    spec: scaledObjectSpec(props),
  });
}
