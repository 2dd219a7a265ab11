/**
 * KServe v0.20.0's choice of a serving runtime for an InferenceService predictor, ported from
 * - `reconcileModel` in `pkg/controller/v1beta1/inferenceservice/components/predictor.go`: a named
 *   runtime is fetched by `GetServingRuntime` (`pkg/controller/v1beta1/inferenceservice/utils/utils.go`:
 *   the namespaced ServingRuntime of that name, else the ClusterServingRuntime), and refused when
 *   disabled, when the predictor's explicit `protocolVersion` is not in its `protocolVersions`, or when
 *   `RuntimeSupportsModel` is false; without a name, the first of `GetSupportingRuntimes` is used;
 * - `GetSupportingRuntimes`, `RuntimeSupportsModel`, `getServingRuntimeSupportedModelFormatLabelSet`,
 *   `sortServingRuntimeList`, `sortSupportedRuntimeByPriority` and `GetProtocolVersionPriority` in
 *   `pkg/apis/serving/v1beta1/predictor_model.go`; `IsDisabled`, `IsMultiModelRuntime`,
 *   `IsMultiNodeRuntime` and `IsProtocolVersionSupported` in `pkg/apis/serving/v1alpha1/servingruntime_types.go`.
 * Creation timestamps are unknown here; runtimes created together sort by name, as KServe's tie-break does.
 */

/** A ServingRuntime or ClusterServingRuntime as far as selection reads it. */
export interface RuntimeCandidate {
  readonly name: string;
  readonly spec: {
    readonly supportedModelFormats?: readonly { readonly name: string; readonly version?: string; readonly autoSelect?: boolean; readonly priority?: number }[];
    readonly protocolVersions?: readonly string[];
    readonly disabled?: boolean;
    readonly multiModel?: boolean;
    readonly workerSpec?: unknown;
  };
}

/** The predictor's `model` as far as selection reads it. */
export interface PredictorModel {
  readonly modelFormat: { readonly name: string; readonly version?: string };
  readonly runtime?: string;
  readonly protocolVersion?: string;
}

/** The runtime chosen, or why none is. */
export type RuntimeChoice = { readonly name: string; readonly scope: 'namespace' | 'cluster' } | { readonly error: string };

/** The ClusterServingRuntimes KServe v0.20.0 installs (`config/runtimes/kustomization.yaml` and its files). */
export const KSERVE_CLUSTER_RUNTIMES: readonly RuntimeCandidate[] = [
  { name: 'kserve-tensorflow-serving', spec: { supportedModelFormats: [{ name: 'tensorflow', version: '1', autoSelect: true, priority: 2 }, { name: 'tensorflow', version: '2', autoSelect: true, priority: 2 }], protocolVersions: ['v1', 'grpc-v1'] } },
  { name: 'kserve-sklearnserver', spec: { supportedModelFormats: [{ name: 'sklearn', version: '1', autoSelect: true, priority: 1 }], protocolVersions: ['v1', 'v2'] } },
  {
    name: 'kserve-predictiveserver',
    spec: { multiModel: false, supportedModelFormats: [{ name: 'sklearn', version: '1', autoSelect: false, priority: 3 }, { name: 'xgboost', version: '2', autoSelect: false, priority: 3 }, { name: 'lightgbm', version: '4', autoSelect: false, priority: 3 }], protocolVersions: ['v1', 'v2'] },
  },
  {
    name: 'kserve-mlserver',
    spec: {
      supportedModelFormats: ['sklearn:0', 'sklearn:1', 'xgboost:1', 'xgboost:2', 'lightgbm:3', 'lightgbm:4'].map((format) => ({ name: format.split(':')[0]!, version: format.split(':')[1]!, autoSelect: true, priority: 2 })).concat([{ name: 'mlflow', version: '1', autoSelect: true, priority: 1 }, { name: 'mlflow', version: '2', autoSelect: true, priority: 1 }]),
      protocolVersions: ['v2'],
    },
  },
  { name: 'kserve-xgbserver', spec: { supportedModelFormats: [{ name: 'xgboost', version: '2', autoSelect: true, priority: 1 }], protocolVersions: ['v1', 'v2'] } },
  {
    name: 'kserve-tritonserver',
    spec: {
      supportedModelFormats: [
        { name: 'tensorrt', version: '8', autoSelect: true, priority: 1 },
        { name: 'tensorflow', version: '1', autoSelect: true, priority: 1 },
        { name: 'tensorflow', version: '2', autoSelect: true, priority: 1 },
        { name: 'onnx', version: '1', autoSelect: true, priority: 1 },
        { name: 'pytorch', version: '1' },
        { name: 'triton', version: '2', autoSelect: true, priority: 1 },
      ],
      protocolVersions: ['v2', 'grpc-v2'],
    },
  },
  { name: 'kserve-pmmlserver', spec: { supportedModelFormats: [{ name: 'pmml', version: '3', autoSelect: true, priority: 1 }, { name: 'pmml', version: '4', autoSelect: true, priority: 1 }], protocolVersions: ['v1', 'v2'] } },
  { name: 'kserve-paddleserver', spec: { supportedModelFormats: [{ name: 'paddle', version: '2', autoSelect: true, priority: 1 }], protocolVersions: ['v1', 'v2'] } },
  { name: 'kserve-lgbserver', spec: { supportedModelFormats: [{ name: 'lightgbm', version: '4', autoSelect: true, priority: 1 }], protocolVersions: ['v1', 'v2'] } },
  { name: 'kserve-torchserve', spec: { supportedModelFormats: [{ name: 'pytorch', version: '1', autoSelect: true, priority: 2 }], protocolVersions: ['v1', 'v2', 'grpc-v2'] } },
  { name: 'kserve-huggingfaceserver', spec: { supportedModelFormats: [{ name: 'huggingface', version: '1', autoSelect: true, priority: 1 }], protocolVersions: ['v2', 'v1'] } },
  { name: 'kserve-huggingfaceserver-multinode', spec: { supportedModelFormats: [{ name: 'huggingface', version: '1', autoSelect: true, priority: 2 }], protocolVersions: ['v2', 'v1'], workerSpec: {} } },
  { name: 'kserve-autogluonserver', spec: { supportedModelFormats: [{ name: 'autogluon', version: '1', autoSelect: true, priority: 1 }], protocolVersions: ['v1', 'v2'] } },
  { name: 'kserve-vllmserver', spec: { supportedModelFormats: [{ name: 'vLLM', version: '1', autoSelect: true, priority: 1 }] } },
];

/** `constants.ProtocolVersion` order: V1, V2, GRPCV1, GRPCV2, Unknown. */
const PROTOCOL_ORDER = ['v1', 'v2', 'grpc-v1', 'grpc-v2'];

function protocolVersionPriority(protocols: readonly string[] | undefined): number {
  if (!protocols || protocols.length === 0) return PROTOCOL_ORDER.length;
  return Math.min(...protocols.map((protocol) => (PROTOCOL_ORDER.includes(protocol) ? PROTOCOL_ORDER.indexOf(protocol) : PROTOCOL_ORDER.length)));
}

function protocolSupported(runtime: RuntimeCandidate, protocol: string): boolean {
  const versions = runtime.spec.protocolVersions;
  return protocol === '' || !versions || versions.length === 0 || versions.includes(protocol);
}

/** `RuntimeSupportsModel`: with a named runtime every listed format counts, otherwise only auto-selectable ones. */
export function runtimeSupportsModel(model: PredictorModel, runtime: RuntimeCandidate): boolean {
  const labels = new Set<string>();
  for (const format of runtime.spec.supportedModelFormats ?? []) {
    if (model.runtime === undefined && format.autoSelect !== true) continue;
    labels.add(`mt:${format.name}`);
    if (format.version !== undefined) labels.add(`mt:${format.name}:${format.version}`);
  }
  const wanted = model.modelFormat.version !== undefined ? `mt:${model.modelFormat.name}:${model.modelFormat.version}` : `mt:${model.modelFormat.name}`;
  return labels.has(wanted);
}

function byProtocolThenName(a: RuntimeCandidate, b: RuntimeCandidate): number {
  const difference = protocolVersionPriority(a.spec.protocolVersions) - protocolVersionPriority(b.spec.protocolVersions);
  return difference !== 0 ? difference : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function priorityOf(runtime: RuntimeCandidate, format: string): number | undefined {
  return runtime.spec.supportedModelFormats?.find((candidate) => candidate.name === format)?.priority;
}

/** A stable sort putting runtimes with a higher priority for the format first and those without one last. */
function byPriority(runtimes: RuntimeCandidate[], format: string): RuntimeCandidate[] {
  return runtimes
    .map((runtime, index) => ({ runtime, index, priority: priorityOf(runtime, format) }))
    .sort((a, b) => {
      if (a.priority === undefined && b.priority === undefined) return a.index - b.index;
      if (a.priority === undefined) return 1;
      if (b.priority === undefined) return -1;
      return b.priority - a.priority || a.index - b.index;
    })
    .map((entry) => entry.runtime);
}

/** `GetSupportingRuntimes` for a single-model, single-node predictor: namespaced runtimes first, each list by priority. */
export function supportingRuntimes(model: PredictorModel, namespaced: readonly RuntimeCandidate[], cluster: readonly RuntimeCandidate[]): { name: string; scope: 'namespace' | 'cluster' }[] {
  const protocol = model.protocolVersion ?? 'v1';
  const fits = (runtime: RuntimeCandidate) => runtime.spec.disabled !== true && runtime.spec.multiModel !== true && runtime.spec.workerSpec === undefined && runtimeSupportsModel(model, runtime) && protocolSupported(runtime, protocol);
  const pick = (runtimes: readonly RuntimeCandidate[]) => byPriority([...runtimes].sort(byProtocolThenName).filter(fits), model.modelFormat.name);
  return [...pick(namespaced).map((runtime) => ({ name: runtime.name, scope: 'namespace' as const })), ...pick(cluster).map((runtime) => ({ name: runtime.name, scope: 'cluster' as const }))];
}

/** The runtime KServe's predictor reconciler uses for `model` in a namespace holding `namespaced`. */
export function selectRuntime(model: PredictorModel, namespaced: readonly RuntimeCandidate[], cluster: readonly RuntimeCandidate[] = KSERVE_CLUSTER_RUNTIMES): RuntimeChoice {
  if (model.runtime === undefined) {
    const [first] = supportingRuntimes(model, namespaced, cluster);
    return first ?? { error: `no runtime found to support predictor with model type: ${model.modelFormat.name}` };
  }
  const own = namespaced.find((runtime) => runtime.name === model.runtime);
  const found = own ?? cluster.find((runtime) => runtime.name === model.runtime);
  if (!found) return { error: `No ServingRuntimes or ClusterServingRuntimes with the name: ${model.runtime}` };
  if (found.spec.disabled === true) return { error: `specified runtime ${model.runtime} is disabled` };
  if (model.protocolVersion !== undefined && !protocolSupported(found, model.protocolVersion)) return { error: `specified runtime ${model.runtime} does not support specified protocol version` };
  if (!runtimeSupportsModel(model, found)) return { error: `specified runtime ${model.runtime} does not support specified framework/version` };
  return { name: found.name, scope: own ? 'namespace' : 'cluster' };
}
