/**
 * Every InferenceService predictor (stable and canary) of sample-repo and the golden fixtures resolves,
 * by KServe v0.20's rules (`support/kserve-runtime-selection.ts`, ported from `reconcileModel` in
 * `pkg/controller/v1beta1/inferenceservice/components/predictor.go` and `GetSupportingRuntimes` in
 * `pkg/apis/serving/v1beta1/predictor_model.go`), to exactly the runtime the compiler means: the
 * namespaced `mlops-<framework>` ServingRuntime emitted beside it, running the image platform.yaml
 * `serving.images` pins, when there is one; the runtime its metrics are read for (ML507, the
 * PodMonitor) in every case. Every predictor names its runtime (KServe's auto-selection assumes
 * protocol v1, which Triton does not speak). Emitted ServingRuntimes are all used and cannot capture
 * auto-selection.
 */
import { describe, expect, it } from 'vitest';
import { placementRuntime } from '../../compiler/emit/monitoring/serving-metrics.ts';
import { pinnedRuntimeName } from '../../compiler/emit/serving/serving-runtime.ts';
import { emittedCases, objectsOfKind } from './support/emitted-objects.ts';
import { KSERVE_CLUSTER_RUNTIMES, type PredictorModel, type RuntimeCandidate, selectRuntime, supportingRuntimes } from './support/kserve-runtime-selection.ts';

const cases = await emittedCases();
const runtimes = objectsOfKind(cases, 'ServingRuntime');
type Predictor = { name?: string; model: PredictorModel };

const predictors = objectsOfKind(cases, 'InferenceService').flatMap(({ label, object, manifest, emitted }) => {
  const spec = object.spec as { predictor: Predictor; canary?: { predictor: Predictor }[] };
  const namespace = object.metadata?.namespace ?? '';
  const namespaced = runtimes
    .filter((runtime) => runtime.emitted === emitted && runtime.manifest.cluster === manifest.cluster && runtime.object.metadata?.namespace === namespace)
    .map((runtime) => ({ name: runtime.object.metadata?.name ?? '', spec: runtime.object.spec as RuntimeCandidate['spec'], object: runtime.object }));
  const labelsOf = (predictor: Predictor) => (predictor as unknown as { labels: Record<string, string> }).labels;
  const team = emitted.org.teams.find((candidate) => candidate.name === labelsOf(spec.predictor)['mlops.cirruslabs.io/team'])!;
  return [spec.predictor, ...(spec.canary ?? []).map((canary) => canary.predictor)].map((predictor) => {
    const model = team.models.find((candidate) => candidate.name === labelsOf(predictor)['mlops.cirruslabs.io/model'])!;
    const deployment = team.deployments.find((candidate) => candidate.name === labelsOf(predictor)['app.kubernetes.io/name'])!;
    const placement = deployment.placements.find((candidate) => candidate.namespace === namespace && candidate.cluster.name === manifest.cluster)!;
    return { label: `${label}${predictor.name ? `#${predictor.name}` : ''}`, predictor, namespaced, model, placement, platform: emitted.org.platform };
  });
});

describe('emitted InferenceService predictors', () => {
  it('include predictors on pinned runtimes and on KServe’s own', () => {
    expect(predictors.some(({ predictor }) => predictor.model.runtime?.startsWith('mlops-'))).toBe(true);
    expect(predictors.some(({ predictor }) => predictor.model.runtime?.startsWith('kserve-'))).toBe(true);
  });

  it.each(predictors)('$label names its runtime', ({ predictor }) => {
    expect(predictor.model.runtime).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
  });

  it.each(predictors)('$label resolves to the runtime it is meant to run on', ({ predictor, namespaced, model, placement, platform }) => {
    const choice = selectRuntime(predictor.model, namespaced);
    expect(choice).not.toHaveProperty('error');
    const image = model.runtime ? undefined : platform.serving.images[model.framework];
    if (image) {
      expect(choice).toEqual({ name: pinnedRuntimeName(model.framework), scope: 'namespace' });
      const runtime = namespaced.find((candidate) => candidate.name === pinnedRuntimeName(model.framework))!;
      expect((runtime.object.spec as { containers: { name: string; image: string }[] }).containers).toEqual([expect.objectContaining({ name: 'kserve-container', image })]);
    }
    // The runtime the scrape and the SLO alerts are built for is the one KServe runs.
    if ('name' in choice && placement.stable.model === model.name) expect(placementRuntime(platform, model, placement).name).toBe(choice.name);
  });
});

describe.each(runtimes)('$label', ({ object, emitted, manifest }) => {
  it('serves at least one predictor in its namespace', () => {
    const users = predictors.filter(({ predictor, namespaced }) => predictor.model.runtime === object.metadata?.name && namespaced.some((runtime) => runtime.object === object));
    expect(users.length, `${emitted.name} ${manifest.path}`).toBeGreaterThan(0);
  });

  it('takes no part in auto-selection, so InferenceServices that do not name it keep KServe’s choice', () => {
    const formats = (object.spec as RuntimeCandidate['spec']).supportedModelFormats ?? [];
    expect(formats.length).toBeGreaterThan(0);
    expect(formats.filter((format) => format.autoSelect === true)).toEqual([]);
  });

  it('declares where its metrics are, as KServe’s runtimes do', () => {
    const annotations = (object.spec as { annotations?: Record<string, string> }).annotations ?? {};
    expect(annotations['prometheus.kserve.io/port']).toMatch(/^[0-9]+$/);
    expect(annotations['prometheus.kserve.io/path']).toMatch(/^\//);
  });
});

describe('the ported selection rules', () => {
  const ours: RuntimeCandidate = { name: 'mlops-xgboost', spec: { supportedModelFormats: [{ name: 'xgboost', version: '2' }], protocolVersions: ['v1', 'v2'] } };
  const xgboost = { modelFormat: { name: 'xgboost' } };

  it('finds a named runtime in the namespace before the cluster', () => {
    expect(selectRuntime({ ...xgboost, runtime: 'mlops-xgboost' }, [ours])).toEqual({ name: 'mlops-xgboost', scope: 'namespace' });
    expect(selectRuntime({ ...xgboost, runtime: 'kserve-xgbserver' }, [ours])).toEqual({ name: 'kserve-xgbserver', scope: 'cluster' });
  });

  it('refuses a missing, disabled, wrong-protocol or wrong-format named runtime', () => {
    expect(selectRuntime({ ...xgboost, runtime: 'mlops-xgboost' }, [])).toEqual({ error: 'No ServingRuntimes or ClusterServingRuntimes with the name: mlops-xgboost' });
    expect(selectRuntime({ ...xgboost, runtime: 'mlops-xgboost' }, [{ ...ours, spec: { ...ours.spec, disabled: true } }])).toEqual({ error: 'specified runtime mlops-xgboost is disabled' });
    expect(selectRuntime({ ...xgboost, runtime: 'mlops-xgboost', protocolVersion: 'grpc-v2' }, [ours])).toHaveProperty('error', 'specified runtime mlops-xgboost does not support specified protocol version');
    expect(selectRuntime({ modelFormat: { name: 'sklearn' }, runtime: 'mlops-xgboost' }, [ours])).toHaveProperty('error', 'specified runtime mlops-xgboost does not support specified framework/version');
    expect(selectRuntime({ modelFormat: { name: 'xgboost', version: '1' }, runtime: 'mlops-xgboost' }, [ours])).toHaveProperty('error');
  });

  it('auto-selects only auto-selectable formats, by priority, the namespace first', () => {
    expect(selectRuntime(xgboost, [ours])).toEqual({ name: 'kserve-xgbserver', scope: 'cluster' });
    const autoSelected = { name: 'team-xgb', spec: { ...ours.spec, supportedModelFormats: [{ name: 'xgboost', version: '2', autoSelect: true }] } };
    expect(selectRuntime(xgboost, [autoSelected])).toEqual({ name: 'team-xgb', scope: 'namespace' });
    // kserve-mlserver has priority 2 for xgboost but speaks only v2: a v1 predictor gets kserve-xgbserver, a v2 one mlserver.
    expect(supportingRuntimes(xgboost, [], KSERVE_CLUSTER_RUNTIMES).map((runtime) => runtime.name)).toEqual(['kserve-xgbserver']);
    expect(selectRuntime({ ...xgboost, protocolVersion: 'v2' }, [])).toEqual({ name: 'kserve-mlserver', scope: 'cluster' });
  });

  it('finds no runtime for a v1 ONNX predictor (Triton speaks v2) but the named one', () => {
    expect(selectRuntime({ modelFormat: { name: 'onnx' } }, [])).toHaveProperty('error');
    expect(selectRuntime({ modelFormat: { name: 'onnx' }, runtime: 'kserve-tritonserver' }, [])).toEqual({ name: 'kserve-tritonserver', scope: 'cluster' });
  });
});
