/**
 * Where a drift check reads a deployment's logged predictions. A monitor's own `drift.inputs` wins (a
 * sink the team runs, required for the `deployment` backend); otherwise a KServe placement logs its
 * requests with KServe's payload logger (`predictor.logger`, see KServe v0.20
 * `pkg/apis/serving/v1beta1/inference_service.go` LoggerSpec) to the platform's prediction-log sink,
 * under `<namespace>/<deployment>`, and the check reads the same folder below the platform's `uri`.
 * Validation (ML334) guarantees one of the two exists for every drift check.
 */
import type { ResolvedMonitor, ResolvedPlacement, ResolvedPlatformMonitoring } from '../../resolve/resolved-org.ts';
import { DEFAULT_PREDICTION_WINDOW } from '../../resolve/resolve-platform.ts';

/** The `inputs` block of `drift-check.json` (keys in code-point order; see drift/README.md). */
export interface DriftCheckInputs {
  readonly columns?: readonly string[];
  readonly format: 'auto' | 'features' | 'kserve';
  readonly uri: string;
  readonly window: string;
}

/** KServe's `predictor.logger`. */
export interface PredictionLogger {
  readonly mode: 'request';
  readonly url: string;
}

function joinUrl(base: string, ...segments: string[]): string {
  return [base.replace(/\/+$/, ''), ...segments].join('/');
}

/** The logger a KServe predictor gets so its placement's drift check has inputs, or undefined when none is needed. */
export function predictionLogger(placement: Pick<ResolvedPlacement, 'backend' | 'namespace' | 'deployment'>, monitor: ResolvedMonitor | undefined, monitoring: ResolvedPlatformMonitoring): PredictionLogger | undefined {
  if (!monitor?.drift || monitor.drift.inputs || placement.backend !== 'kserve' || !monitoring.predictionLogs) return undefined;
  return { mode: 'request', url: joinUrl(monitoring.predictionLogs.sink, placement.namespace, placement.deployment) };
}

/** The drift check's inputs, or undefined when validation should have refused the config (a bug upstream). */
export function driftCheckInputs(placement: Pick<ResolvedPlacement, 'backend' | 'namespace' | 'deployment'>, drift: NonNullable<ResolvedMonitor['drift']>, monitoring: ResolvedPlatformMonitoring): DriftCheckInputs | undefined {
  const declared = drift.inputs;
  if (declared) {
    return { ...(declared.columns ? { columns: declared.columns } : {}), format: declared.format ?? 'auto', uri: declared.uri, window: declared.window ?? DEFAULT_PREDICTION_WINDOW };
  }
  const logs = monitoring.predictionLogs;
  if (placement.backend !== 'kserve' || !logs) return undefined;
  return { format: 'kserve', uri: joinUrl(logs.uri, placement.namespace, placement.deployment), window: logs.window };
}
