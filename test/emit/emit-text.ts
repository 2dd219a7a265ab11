/** Compiles config texts in memory for emit tests (policies off, so the tests pin emit alone). */
import { sourceTreeFromRecord } from '../../compiler/load/source-tree.ts';
import { type CompileOptions, type CompileResult, compile } from '../../compiler/pipeline.ts';

/** An emitted object, read dynamically in assertions. */
// biome-ignore lint/suspicious/noExplicitAny: emitted objects are untyped JSON; tests walk them freely.
export type EmittedObject = any;

/** A platform.yaml with one `dev` and one `prod` cluster; `extra` is appended verbatim (top-level keys). */
export function platformYaml(options: { phase?: number; mode?: 'Knative' | 'Standard'; backend?: 'kserve' | 'deployment'; extra?: string; identity?: boolean } = {}): string {
  return [
    'apiVersion: mlops.cirruslabs.io/v1alpha1',
    'kind: Platform',
    'metadata: { name: acme, owners: ["@acme/platform"] }',
    `rollout: { phase: ${options.phase ?? 3} }`,
    'environments:',
    '  dev:',
    '    clusters: [{ name: dev-eu, region: eu-west-1, server: "https://dev-eu.k8s.example:6443" }]',
    '  prod:',
    '    clusters: [{ name: prod-eu, region: eu-west-1, server: "https://prod-eu.k8s.example:6443" }]',
    'serving:',
    `  default: ${options.backend ?? 'kserve'}`,
    `  kserve: { deploymentMode: ${options.mode ?? 'Knative'} }`,
    '  images: { xgboost: ghcr.io/acme/xgb-server:2.1.0 }',
    'gitops: { deployRepo: acme/deploy }',
    options.extra ?? '',
    // Workload identity for the s3:// artifacts (without it, ML340 warns); `identity: false` leaves it out.
    options.identity === false || options.extra?.includes('identity:') ? '' : 'identity: { serviceAccountAnnotations: { iam.gke.io/gcp-service-account: "mlops-{team}@acme.iam.gserviceaccount.com" } }',
  ].join('\n');
}

/** A team file `teams/<name>/mlops.yaml` with an xgboost model `scorer` (versions 1.0.0 and 1.1.0) and `body` appended. */
export function teamYaml(body: string, name = 'fraud'): string {
  return [
    'apiVersion: mlops.cirruslabs.io/v1alpha1',
    'kind: Team',
    `metadata: { name: ${name}, owners: ["@acme/${name}-ml", "@alice"] }`,
    'models:',
    '  scorer:',
    '    framework: xgboost',
    '    versions:',
    '      "1.0.0": { artifact: s3://models/scorer/1.0.0 }',
    '      "1.1.0": { artifact: s3://models/scorer/1.1.0 }',
    body,
  ].join('\n');
}

/** Compiles a platform and one team file. */
export function compileTexts(platform: string, team: string, options: CompileOptions = {}, teamName = 'fraud'): CompileResult {
  return compile(sourceTreeFromRecord({ 'platform.yaml': platform, [`teams/${teamName}/mlops.yaml`]: team }), { policies: false, ...options });
}

/** The emitted object of `kind` named `name` on `cluster` (throws when absent, so tests fail loudly). */
export function objectNamed(result: CompileResult, cluster: string, kind: string, name: string): EmittedObject {
  const found = result.manifests.find((manifest) => manifest.cluster === cluster && manifest.object.kind === kind && manifest.object.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name} on ${cluster}; have ${result.manifests.filter((manifest) => manifest.cluster === cluster).map((manifest) => `${manifest.object.kind}/${manifest.object.metadata.name}`).join(', ')}`);
  return found.object;
}

/** Every emitted object of `kind` on `cluster`. */
export function objectsOfKind(result: CompileResult, cluster: string, kind: string): (EmittedObject)[] {
  return result.manifests.filter((manifest) => manifest.cluster === cluster && manifest.object.kind === kind).map((manifest) => manifest.object);
}
