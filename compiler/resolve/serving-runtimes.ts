/**
 * Serving runtimes and the Prometheus metrics their model servers export. The built-in defaults are
 * read from KServe v0.20.0: `config/runtimes/kserve-*.yaml` (the `prometheus.kserve.io/port` and
 * `prometheus.kserve.io/path` annotations of each ClusterServingRuntime) and the Python model server's
 * `python/kserve/kserve/metrics.py` (histogram `request_predict_seconds`, label `model_name`; no
 * request counter with the response status). TorchServe (`ts_inference_requests_total`,
 * `ts_inference_latency_microseconds`: counters without status, on :8082), Triton
 * (`nv_inference_request_success`/`_failure`, on :8002) and TF Serving export no latency histogram and
 * no status-labelled counter by default, so they declare only where metrics are scraped (and TorchServe
 * its request counter as `throughput`, which `rps` autoscaling reads).
 */
import type { Model, RuntimeMetrics } from '../config/types.generated.ts';
import type { ServingBackend } from './resolved-org.ts';

/** A runtime's metrics with the path defaulted. */
export interface ResolvedRuntimeMetrics {
  /** Container port of the metrics endpoint; undefined means the deployment's serving port. */
  readonly port?: number;
  readonly path: string;
  readonly latency?: { readonly histogram: string; readonly unit: 'seconds' | 'milliseconds' | 'microseconds' };
  readonly requests?: { readonly counter: string; readonly errorLabel: string; readonly errorPattern: string };
  /** A counter of served requests of any outcome (platform.yaml `metrics.throughput`), for `rps` autoscaling. */
  readonly throughput?: { readonly counter: string };
}

const KSERVE_PYTHON_SERVER: ResolvedRuntimeMetrics = { port: 8080, path: '/metrics', latency: { histogram: 'request_predict_seconds', unit: 'seconds' } };

/** Metrics of KServe v0.20's built-in ClusterServingRuntimes. */
export const BUILTIN_RUNTIME_METRICS: Readonly<Record<string, ResolvedRuntimeMetrics>> = {
  'kserve-huggingfaceserver': KSERVE_PYTHON_SERVER,
  'kserve-lgbserver': KSERVE_PYTHON_SERVER,
  'kserve-paddleserver': KSERVE_PYTHON_SERVER,
  'kserve-pmmlserver': KSERVE_PYTHON_SERVER,
  'kserve-sklearnserver': KSERVE_PYTHON_SERVER,
  'kserve-tensorflow-serving': { port: 8080, path: '/metrics' },
  'kserve-torchserve': { port: 8082, path: '/metrics', throughput: { counter: 'ts_inference_requests_total' } },
  'kserve-tritonserver': { port: 8002, path: '/metrics' },
  'kserve-xgbserver': KSERVE_PYTHON_SERVER,
};

/** The runtime KServe v0.20 auto-selects for a model format (highest priority in config/runtimes). */
export const KSERVE_RUNTIME_BY_FRAMEWORK: Readonly<Partial<Record<Model['framework'], string>>> = {
  huggingface: 'kserve-huggingfaceserver',
  lightgbm: 'kserve-lgbserver',
  onnx: 'kserve-tritonserver',
  pytorch: 'kserve-torchserve',
  sklearn: 'kserve-sklearnserver',
  tensorflow: 'kserve-tensorflow-serving',
  triton: 'kserve-tritonserver',
  xgboost: 'kserve-xgbserver',
};

/** The built-in runtimes with the platform's `serving.runtimes` laid over them (an entry replaces a default whole). */
export function resolveRuntimeMetrics(declared: Readonly<Record<string, { metrics: RuntimeMetrics }>> | undefined): Readonly<Record<string, ResolvedRuntimeMetrics>> {
  const runtimes: Record<string, ResolvedRuntimeMetrics> = { ...BUILTIN_RUNTIME_METRICS };
  for (const [name, runtime] of Object.entries(declared ?? {})) {
    const { port, path, latency, requests, throughput } = runtime.metrics;
    runtimes[name] = { ...(port !== undefined ? { port } : {}), path: path ?? '/metrics', ...(latency ? { latency } : {}), ...(requests ? { requests } : {}), ...(throughput ? { throughput } : {}) };
  }
  return runtimes;
}

/**
 * The runtime name a model is served with: its own `runtime`, else on KServe the built-in runtime of
 * its framework and on the `deployment` backend the framework's name (the server of `serving.images.<framework>`).
 */
export function servingRuntimeName(backend: ServingBackend, model: { readonly framework: Model['framework']; readonly runtime?: string }): string | undefined {
  if (model.runtime) return model.runtime;
  return backend === 'kserve' ? KSERVE_RUNTIME_BY_FRAMEWORK[model.framework] : model.framework;
}
