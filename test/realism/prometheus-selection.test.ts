/**
 * The platform's Prometheus picks up every emitted PodMonitor, ServiceMonitor and PrometheusRule.
 * prometheus-operator v0.93 keeps only objects whose labels match the Prometheus CR's selectors:
 * `SelectServiceMonitors` / `SelectPodMonitors` in `pkg/prometheus/resource_selector.go`
 * (`serviceMonitorSelector`, `podMonitorSelector`), and `PrometheusRuleSelector.Select` in
 * `pkg/operator/rules.go`, built from `p.Spec.RuleSelector` in `pkg/prometheus/server/rules.go`. The
 * platform declares the labels its Prometheus selects on in `monitoring.selectorLabels`; the default is
 * kube-prometheus-stack's: with `*SelectorNilUsesHelmValues: true` (the chart default) its
 * `templates/prometheus/prometheus.yaml` sets each selector to `matchLabels: { release: <release name> }`
 * and each namespace selector to `{}` (every namespace), and the release is `kube-prometheus-stack`.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROMETHEUS_SELECTOR_LABELS } from '../../compiler/resolve/resolve-platform.ts';
import { emittedCases, objectsOfKind } from './support/emitted-objects.ts';
import { selects } from './support/scrape-targets.ts';

const cases = await emittedCases();
const monitoringObjects = ['PodMonitor', 'ServiceMonitor', 'PrometheusRule'].flatMap((kind) => objectsOfKind(cases, kind));

/** The selector of the kind's objects in a Prometheus CR selecting on `labels` (an empty selector selects everything). */
function prometheusSelects(labels: Readonly<Record<string, string>>, objectLabels: Readonly<Record<string, string>>): boolean {
  return selects(labels, objectLabels);
}

describe('Prometheus selection', () => {
  it('covers monitors and rules of every case, with the default labels in sample-repo', () => {
    expect(new Set(monitoringObjects.map(({ object }) => object.kind))).toEqual(new Set(['PodMonitor', 'PrometheusRule']));
    const sample = cases.find((entry) => entry.name === 'sample-repo')!;
    expect(sample.org.platform.monitoring.selectorLabels).toEqual(DEFAULT_PROMETHEUS_SELECTOR_LABELS);
    expect(DEFAULT_PROMETHEUS_SELECTOR_LABELS).toEqual({ release: 'kube-prometheus-stack' });
  });

  it.each(monitoringObjects)('$label is selected by the platform Prometheus', ({ object, emitted }) => {
    const declared = emitted.org.platform.monitoring.selectorLabels;
    expect(prometheusSelects(declared, object.metadata?.labels ?? {})).toBe(true);
  });

  it('an object without the labels is not selected', () => {
    expect(prometheusSelects({ release: 'kube-prometheus-stack' }, { 'app.kubernetes.io/name': 'fraud-api' })).toBe(false);
    expect(prometheusSelects({ release: 'kube-prometheus-stack' }, { release: 'prometheus' })).toBe(false);
  });
});
