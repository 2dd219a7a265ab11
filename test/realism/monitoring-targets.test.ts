/**
 * Monitoring that sees real metrics, over the emitted tree of sample-repo and every golden fixture:
 * - every PodMonitor (and ServiceMonitor, should one be emitted) resolves to the serving pods and a port
 *   they declare (`support/scrape-targets.ts`, prometheus-operator v0.93 `generatePodMonitorConfig`),
 *   and every serving workload of a monitored deployment — canaries included — is scraped;
 * - every alert expression parses with Prometheus' grammar (`@prometheus-io/lezer-promql`) and reads
 *   only metrics that exist: those the placement's serving runtime declares (platform.yaml
 *   `serving.runtimes`, KServe v0.20 defaults in `compiler/resolve/serving-runtimes.ts`), `up`,
 *   kube-state-metrics (`kube_*`) and what the drift check pushes;
 * - drift selectors use only labels the drift check pushes (its grouping key, `job`, `instance`,
 *   `feature`, `method`: drift/README.md), so the alert's grouping matches the pushed series.
 */
import { describe, expect, it } from 'vitest';
import { placementRuntime, runtimeSeriesNames } from '../../compiler/emit/monitoring/serving-metrics.ts';
import { emittedCases, objectsOfKind, type PlainObject } from './support/emitted-objects.ts';
import { parsePromql } from './support/promql-metrics.ts';
import { podMonitorProblems, podTemplates, selects, serviceMonitorProblems } from './support/scrape-targets.ts';

const cases = await emittedCases();
const objectsOf = (name: string, cluster: string) => cases.find((entry) => entry.name === name)!.manifests.filter((manifest) => manifest.cluster === cluster).map((manifest) => manifest.object as unknown as PlainObject);

/** Metrics pushed by the drift check (drift/README.md). */
const DRIFT_METRICS = ['mlops_drift_score', 'mlops_drift_check_samples', 'mlops_drift_check_last_success_timestamp_seconds'];
/** Labels the Pushgateway adds or the check pushes beside the grouping key. */
const PUSHED_LABELS = ['job', 'instance', 'feature', 'method', 'source'];

describe.each(objectsOfKind(cases, 'PodMonitor'))('$label', ({ object, manifest, emitted }) => {
  const objects = objectsOf(emitted.name, manifest.cluster);
  const pods = podTemplates(objects);

  it('selects serving pods that declare the scraped port', () => {
    const { selected, problems } = podMonitorProblems(object, pods);
    expect(problems).toEqual([]);
    expect(selected.length).toBeGreaterThan(0);
  });

  it('scrapes every serving workload of its deployment, canaries included', () => {
    const { selected } = podMonitorProblems(object, pods);
    const deployment = object.metadata?.name;
    const serving = pods.filter((pod) => pod.namespace === object.metadata?.namespace && pod.labels['app.kubernetes.io/component'] === 'serving' && pod.labels['app.kubernetes.io/name'] === deployment);
    expect(selected.map((pod) => pod.owner).sort()).toEqual(serving.map((pod) => pod.owner).sort());
  });
});

describe('ServiceMonitors', () => {
  it.each(objectsOfKind(cases, 'ServiceMonitor'))('$label resolves Service → port → pods', ({ object, manifest, emitted }) => {
    const objects = objectsOf(emitted.name, manifest.cluster);
    expect(serviceMonitorProblems(object, objects.filter((candidate) => candidate.kind === 'Service'), podTemplates(objects))).toEqual([]);
  });

  it('a ServiceMonitor on a KServe predictor Service without ports would select nothing it can scrape', () => {
    // KServe's Standard-mode Service names its port after the component when the container declares none.
    const service = { kind: 'Service', metadata: { name: 'a-predictor', namespace: 'n', labels: { app: 'a' } }, spec: { selector: { app: 'a' }, ports: [{ name: 'a-predictor', port: 80, targetPort: 8080 }] } };
    const monitor = { kind: 'ServiceMonitor', metadata: { name: 'a' }, spec: { namespaceSelector: { matchNames: ['n'] }, selector: { matchLabels: { app: 'a' } }, endpoints: [{ port: 'http' }] } };
    expect(serviceMonitorProblems(monitor, [service], [])).toEqual(['Service a-predictor has no port named "http"']);
    expect(selects({ app: 'a' }, { app: 'b' })).toBe(false);
  });
});

const rules = objectsOfKind(cases, 'PrometheusRule').flatMap(({ label, object, emitted, manifest }) => {
  const namespace = object.metadata?.namespace ?? '';
  const deploymentName = object.metadata?.name ?? '';
  const team = emitted.org.teams.find((candidate) => candidate.deployments.some((deployment) => deployment.name === deploymentName && deployment.placements.some((placement) => placement.namespace === namespace)))!;
  const placement = team.deployments.find((deployment) => deployment.name === deploymentName)!.placements.find((entry) => entry.namespace === namespace && entry.cluster.name === manifest.cluster)!;
  const model = team.models.find((candidate) => candidate.name === placement.stable.model)!;
  const metrics = placementRuntime(emitted.org.platform, model, placement).metrics;
  const driftConfig = emitted.manifests
    .filter((candidate) => candidate.cluster === manifest.cluster && candidate.object.kind === 'ConfigMap' && (candidate.object.metadata as { namespace?: string }).namespace === namespace)
    .map((candidate) => (candidate.object as { data?: Record<string, string> }).data?.['drift-check.json'])
    .filter((text): text is string => text !== undefined)
    .map((text) => JSON.parse(text) as { deployment: string; push: { labels: Record<string, string> } })
    .find((config) => config.deployment === deploymentName);
  const groups = (object.spec as { groups: { rules: { alert: string; expr: string }[] }[] }).groups;
  return groups.flatMap((group) => group.rules.map((rule) => ({ label: `${label} ${rule.alert}`, expr: rule.expr, runtimeSeries: metrics ? runtimeSeriesNames(metrics) : [], pushedLabels: driftConfig ? [...Object.keys(driftConfig.push.labels), ...PUSHED_LABELS] : undefined })));
});

describe('alert expressions', () => {
  it('exist for SLOs and drift', () => {
    expect(rules.length).toBeGreaterThan(10);
  });

  it.each(rules)('$label parses and reads only metrics that exist', ({ expr, runtimeSeries, pushedLabels }) => {
    const parsed = parsePromql(expr);
    expect(parsed.errors).toEqual([]);
    expect(parsed.selectors.length).toBeGreaterThan(0);
    for (const selector of parsed.selectors) {
      const known = runtimeSeries.includes(selector.metric) || selector.metric === 'up' || selector.metric.startsWith('kube_') || DRIFT_METRICS.includes(selector.metric);
      expect(known, `${selector.metric} is neither declared by the runtime (${runtimeSeries.join(', ') || 'nothing'}), \`up\`, kube-state-metrics nor a drift metric`).toBe(true);
      if (DRIFT_METRICS.includes(selector.metric)) {
        expect(pushedLabels, 'a drift alert without a drift check').toBeDefined();
        for (const label of selector.labels) expect(pushedLabels, `${selector.metric}{${label}} is not pushed by the drift check`).toContain(label);
      }
    }
  });

  it('the grammar refuses a broken expression and finds metric names in every selector form', () => {
    expect(parsePromql('sum(rate(x_total[5m]) >').errors.length).toBeGreaterThan(0);
    expect(parsePromql('rate({__name__="a_total",code="500"}[1m]) / on() b').selectors).toEqual([
      { metric: 'a_total', labels: ['code'] },
      { metric: 'b', labels: [] },
    ]);
  });
});
