/**
 * Every PrometheusRule the compiler emits for `sample-repo` and the golden emit fixtures, with the
 * drift-check configs of the same cluster and namespace (what the drift check pushes).
 */
import { compileCase, goldenCases } from '../../emit/golden/golden-cases.ts';

/** One alerting rule of a PrometheusRule's spec. */
export interface EmittedAlertRule {
  readonly alert: string;
  readonly expr: string;
  readonly for?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
}

/** A rule group. */
export interface EmittedRuleGroup {
  readonly name: string;
  readonly rules: readonly EmittedAlertRule[];
}

/** The drift-check config fields the alerts depend on. */
export interface EmittedDriftConfig {
  readonly deployment: string;
  readonly features: readonly string[];
  readonly method: string;
  readonly push: { readonly job: string; readonly labels: Readonly<Record<string, string>>; readonly metric: string };
}

/** A PrometheusRule and where it comes from. */
export interface EmittedPrometheusRule {
  /** `<case>: <path>` */
  readonly label: string;
  readonly spec: { readonly groups: readonly EmittedRuleGroup[] };
  /** Drift-check configs in the same cluster and namespace. */
  readonly driftConfigs: readonly EmittedDriftConfig[];
}

/** Compiles every golden case and collects its PrometheusRules. */
export async function emittedPrometheusRules(): Promise<EmittedPrometheusRule[]> {
  const rules: EmittedPrometheusRule[] = [];
  for (const golden of goldenCases()) {
    const { manifests } = await compileCase(golden);
    const place = (manifest: (typeof manifests)[number]) => `${manifest.cluster}/${(manifest.object.metadata as { namespace?: string } | undefined)?.namespace ?? ''}`;
    const driftConfigs = new Map<string, EmittedDriftConfig[]>();
    for (const manifest of manifests) {
      const text = manifest.object.kind === 'ConfigMap' ? (manifest.object as { data?: Record<string, string> }).data?.['drift-check.json'] : undefined;
      if (text) driftConfigs.set(place(manifest), [...(driftConfigs.get(place(manifest)) ?? []), JSON.parse(text) as EmittedDriftConfig]);
    }
    for (const manifest of manifests.filter((candidate) => candidate.object.kind === 'PrometheusRule')) {
      rules.push({ label: `${golden.name}: ${manifest.path}`, spec: (manifest.object as unknown as { spec: EmittedPrometheusRule['spec'] }).spec, driftConfigs: driftConfigs.get(place(manifest)) ?? [] });
    }
  }
  return rules;
}
