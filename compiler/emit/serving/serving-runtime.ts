/**
 * Namespaced KServe `ServingRuntime`s (serving.kserve.io/v1alpha1) pinned to the platform's model-server
 * images (platform.yaml `serving.images.<framework>`). A KServe deployment whose model names no
 * `runtime` and whose framework has a pinned image is served by `mlops-<framework>` in its namespace,
 * named in `predictor.model.runtime`: KServe v0.20 then looks the runtime up by name, namespace first
 * (`GetServingRuntime` in `pkg/controller/v1beta1/inferenceservice/utils/utils.go`), and checks that it
 * is not disabled, speaks the predictor's protocol and lists its model format (`reconcileModel` in
 * `components/predictor.go`, `RuntimeSupportsModel` in `pkg/apis/serving/v1beta1/predictor_model.go`).
 *
 * Each runtime copies what KServe's own ClusterServingRuntime for that framework declares
 * (`config/runtimes/kserve-*.yaml` at v0.20.0): model formats and versions, protocol versions, the
 * server's arguments and the `prometheus.kserve.io/port`/`path` annotations; the pinned image must be a
 * drop-in for KServe's image. The formats are listed without `autoSelect`, so these runtimes never take
 * over KServe's automatic selection (`GetSupportingRuntimes` only considers auto-selectable formats)
 * for InferenceServices that do not name them.
 */
import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';
import type { Model } from '../../config/types.generated.ts';
import type { ResolvedModel, ResolvedPlatform } from '../../resolve/resolved-org.ts';
import type { ResolvedRuntimeMetrics } from '../../resolve/serving-runtimes.ts';
import { constructId } from '../construct-id.ts';
import { sourceAnnotations, standardLabels } from '../labels.ts';
import { restrictedContainerSecurityContext } from '../security-context.ts';
import type { TeamClusterContext } from '../team-cluster-context.ts';

/** What KServe's built-in runtime for a framework declares, and what the pinned runtime copies. */
export interface RuntimeTemplate {
  /** The KServe ClusterServingRuntime this template is read from. */
  readonly kserveRuntime: string;
  readonly modelFormats: readonly { readonly name: string; readonly version: string }[];
  readonly protocolVersions: readonly string[];
  readonly command?: readonly string[];
  readonly args: readonly string[];
  /** `prometheus.kserve.io/port`: where the model server exports metrics. */
  readonly metricsPort: number;
}

const PYTHON_SERVER_ARGS = ['--model_name={{.Name}}', '--model_dir=/mnt/models', '--http_port=8080'];
const TRITON: RuntimeTemplate = {
  kserveRuntime: 'kserve-tritonserver',
  modelFormats: [
    { name: 'tensorrt', version: '8' },
    { name: 'tensorflow', version: '1' },
    { name: 'tensorflow', version: '2' },
    { name: 'onnx', version: '1' },
    { name: 'pytorch', version: '1' },
    { name: 'triton', version: '2' },
  ],
  protocolVersions: ['v2', 'grpc-v2'],
  args: ['tritonserver', '--model-store=/mnt/models', '--grpc-port=9000', '--http-port=8080', '--allow-grpc=true', '--allow-http=true'],
  metricsPort: 8002,
};

/** KServe v0.20.0 `config/runtimes/kserve-*.yaml`, by the framework whose runtime KServe auto-selects. */
export const RUNTIME_TEMPLATES: Readonly<Partial<Record<Model['framework'], RuntimeTemplate>>> = {
  sklearn: { kserveRuntime: 'kserve-sklearnserver', modelFormats: [{ name: 'sklearn', version: '1' }], protocolVersions: ['v1', 'v2'], args: PYTHON_SERVER_ARGS, metricsPort: 8080 },
  xgboost: { kserveRuntime: 'kserve-xgbserver', modelFormats: [{ name: 'xgboost', version: '2' }], protocolVersions: ['v1', 'v2'], args: [...PYTHON_SERVER_ARGS, '--nthread=1'], metricsPort: 8080 },
  lightgbm: { kserveRuntime: 'kserve-lgbserver', modelFormats: [{ name: 'lightgbm', version: '4' }], protocolVersions: ['v1', 'v2'], args: [...PYTHON_SERVER_ARGS, '--nthread=1'], metricsPort: 8080 },
  huggingface: { kserveRuntime: 'kserve-huggingfaceserver', modelFormats: [{ name: 'huggingface', version: '1' }], protocolVersions: ['v2', 'v1'], args: ['--model_name={{.Name}}'], metricsPort: 8080 },
  pytorch: {
    kserveRuntime: 'kserve-torchserve',
    modelFormats: [{ name: 'pytorch', version: '1' }],
    protocolVersions: ['v1', 'v2', 'grpc-v2'],
    args: ['torchserve', '--start', '--model-store=/mnt/models/model-store', '--ts-config=/mnt/models/config/config.properties'],
    metricsPort: 8082,
  },
  tensorflow: {
    kserveRuntime: 'kserve-tensorflow-serving',
    modelFormats: [
      { name: 'tensorflow', version: '1' },
      { name: 'tensorflow', version: '2' },
    ],
    protocolVersions: ['v1', 'grpc-v1'],
    command: ['/usr/bin/tensorflow_model_server'],
    args: ['--model_name={{.Name}}', '--port=9000', '--rest_api_port=8080', '--model_base_path=/mnt/models', '--rest_api_timeout_in_ms=60000'],
    metricsPort: 8080,
  },
  onnx: TRITON,
  triton: TRITON,
};

/** Name of the runtime pinned to `serving.images.<framework>`, e.g. `mlops-sklearn`. */
export function pinnedRuntimeName(framework: Model['framework']): string {
  return `mlops-${framework}`;
}

/** A pinned runtime: its name, image and template. */
export interface PinnedRuntime {
  readonly name: string;
  readonly framework: Model['framework'];
  readonly image: string;
  readonly template: RuntimeTemplate;
  /**
   * What the image exports: platform.yaml `serving.runtimes.mlops-<framework>`, else
   * `serving.runtimes.<framework>` (the entry the `deployment` backend uses for the same image), else
   * the metrics of KServe's runtime it stands in for.
   */
  readonly metrics?: ResolvedRuntimeMetrics;
}

/**
 * The pinned runtime a model is served with on KServe, or undefined when the model names its own
 * `runtime`, the platform pins no image for its framework, or KServe has no runtime for the framework.
 */
export function pinnedRuntime(platform: Pick<ResolvedPlatform, 'serving'>, model: Pick<ResolvedModel, 'framework' | 'runtime'>): PinnedRuntime | undefined {
  if (model.runtime) return undefined;
  const image = platform.serving.images[model.framework];
  const template = RUNTIME_TEMPLATES[model.framework];
  if (!image || !template) return undefined;
  const name = pinnedRuntimeName(model.framework);
  const metrics = platform.serving.runtimes[name] ?? platform.serving.runtimes[model.framework] ?? platform.serving.runtimes[template.kserveRuntime];
  return { name, framework: model.framework, image, template, ...(metrics ? { metrics } : {}) };
}

/** The `spec` of a pinned ServingRuntime. */
export function servingRuntimeSpec(runtime: PinnedRuntime): Record<string, unknown> {
  const { template } = runtime;
  return {
    annotations: { 'prometheus.kserve.io/path': runtime.metrics?.path ?? '/metrics', 'prometheus.kserve.io/port': String(runtime.metrics?.port ?? template.metricsPort) },
    containers: [
      {
        name: 'kserve-container',
        image: runtime.image,
        ...(template.command ? { command: [...template.command] } : {}),
        args: [...template.args],
        securityContext: restrictedContainerSecurityContext(),
      },
    ],
    protocolVersions: [...template.protocolVersions],
    supportedModelFormats: template.modelFormats.map((format) => ({ name: format.name, version: format.version })),
  };
}

/** The pinned runtimes the team's KServe placements on this cluster use, one per runtime name, sorted. */
export function pinnedRuntimesHere(context: TeamClusterContext): PinnedRuntime[] {
  const byName = new Map<string, PinnedRuntime>();
  for (const deployment of context.team.deployments) {
    for (const placement of deployment.placements) {
      if (placement.environment !== context.environment.name || placement.cluster.name !== context.cluster.name || placement.backend !== 'kserve') continue;
      const served = [placement.stable, ...(placement.canary ? [placement.canary] : []), ...(placement.abTest?.variants ?? [])];
      for (const version of served) {
        const model = context.team.models.find((candidate) => candidate.name === version.model);
        const runtime = model ? pinnedRuntime(context.org.platform, model) : undefined;
        if (runtime) byName.set(runtime.name, runtime);
      }
    }
  }
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Adds the team's pinned ServingRuntimes on this cluster to `scope`. */
export function emitServingRuntimes(scope: Construct, context: TeamClusterContext): void {
  for (const runtime of pinnedRuntimesHere(context)) {
    new ApiObject(scope, constructId(scope, `servingruntime-${runtime.name}`), {
      apiVersion: 'serving.kserve.io/v1alpha1',
      kind: 'ServingRuntime',
      metadata: {
        name: runtime.name,
        namespace: context.namespace,
        labels: standardLabels({ team: context.team.name, name: runtime.name, component: 'serving-runtime', environment: context.environment.name }),
        annotations: sourceAnnotations(context.org, { file: context.org.platform.file ?? 'platform.yaml', path: ['serving', 'images', runtime.framework] }),
      },
      spec: servingRuntimeSpec(runtime),
    });
  }
}
