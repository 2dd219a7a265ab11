/** Test support: a small org (platform + one team) shared by the pipelines, monitoring, registry, GitOps and graph tests. */
import { App, Chart } from 'cdk8s';
import type { TeamClusterContext } from '../../../compiler/emit/team-cluster-context.ts';
import { sourceTreeFromRecord } from '../../../compiler/load/source-tree.ts';
import { validate } from '../../../compiler/pipeline.ts';
import type { ResolvedOrg } from '../../../compiler/resolve/resolved-org.ts';

/** `platform.yaml` of the example org (phase 4, so every capability is unlocked). */
export const EXAMPLE_PLATFORM = `apiVersion: mlops.cirruslabs.io/v1alpha1
kind: Platform
metadata: { name: acme, owners: ["@acme/platform"] }
rollout: { phase: 4 }
environments:
  dev:     { clusters: [{ name: dev-eu, region: eu-west-1, server: "https://dev-eu.k8s.example:6443" }] }
  staging: { clusters: [{ name: stg-eu, region: eu-west-1, server: "https://stg-eu.k8s.example:6443" }] }
  prod:
    clusters:
      - { name: prod-eu, region: eu-west-1, server: "https://prod-eu.k8s.acme.io" }
      - { name: prod-us, region: us-east-1, server: "https://prod-us.k8s.acme.io" }
    approvals: 2
gitops: { deployRepo: acme/mlops-deploy, branch: main, argocdNamespace: argocd }
identity: { serviceAccountAnnotations: { eks.amazonaws.com/role-arn: "arn:aws:iam::123456789012:role/mlops-{team}-{environment}" } }
network: { destinations: { kubernetes-api: { cidrs: ["10.0.0.0/24"], ports: [443, 6443] } }, egress: { pipelines: [kubernetes-api] } }
monitoring:
  predictionLogs: { sink: "http://prediction-log-sink.monitoring.svc", uri: "http://prediction-log-sink.monitoring.svc/events" }
`;

/** \`teams/fraud/mlops.yaml\` of the example org. */
export const EXAMPLE_TEAM = `apiVersion: mlops.cirruslabs.io/v1alpha1
kind: Team
metadata: { name: fraud, owners: ["@acme/fraud-ml"], costCenter: cc-1234 }
models:
  fraud-detector:
    framework: xgboost
    riskTier: high
    versions:
      "1.4.0":
        artifact: s3://models/fraud/1.4.0
        trainedBy: { pipeline: train-fraud, run: r-2026-10-01 }
        dataset: { uri: s3://data/fraud/2026-09, classification: pii }
        metrics: { auc: 0.941, f1: 0.8 }
      "1.5.0":
        artifact: s3://models/fraud/1.5.0
        trainedBy: { pipeline: train-fraud, run: r-2026-11-01 }
        dataset: { uri: s3://data/fraud/2026-10 }
        metrics: { auc: 0.952 }
deployments:
  fraud-api:
    model: fraud-detector
    environments:
      staging: { version: "1.5.0" }
      prod:
        version: "1.4.0"
        canary: { version: "1.5.0", traffic: 10 }
        regions: [eu-west-1]
pipelines:
  train-fraud:
    schedule: "0 3 * * 1"
    timezone: Europe/Berlin
    produces: fraud-detector
    steps:
      - name: extract
        image: ghcr.io/acme/extract:1.0.0
        command: [python, extract.py]
        env: { SOURCE: warehouse, BATCH: "100" }
        secretRef: warehouse-credentials
      - name: train
        image: ghcr.io/acme/train:2.1.0
        args: [--epochs, "10"]
        dependsOn: [extract]
        resources: { cpu: "4", memory: 16Gi, gpu: 1 }
  retrain-fraud:
    produces: fraud-detector
    retrain: { on: drift, deployment: fraud-api }
    environment: prod
    steps:
      - { name: train, image: "ghcr.io/acme/train:2.1.0" }
  tune-fraud:
    produces: fraud-detector
    hyperparameterSearch:
      algorithm: grid
      maxTrials: 4
      parameters: { learning-rate: [0.1, 0.01], max_depth: [4, 6, 8] }
    steps:
      - { name: train, image: "ghcr.io/acme/train:2.1.0" }
monitoring:
  fraud-api:
    slo: { latencyP99Ms: 150, errorRatePercent: 1, availabilityPercent: 99.9 }
    drift: { method: psi, threshold: 0.2, features: [amount, country] }
`;

/** Resolves a config tree, failing the test with the diagnostics when it does not validate. */
export function resolveExample(files: Readonly<Record<string, string>> = { 'platform.yaml': EXAMPLE_PLATFORM, 'teams/fraud/mlops.yaml': EXAMPLE_TEAM }): ResolvedOrg {
  const result = validate(sourceTreeFromRecord(files));
  if (!result.org) throw new Error(`example org does not validate:\n${JSON.stringify(result.diagnostics, null, 2)}`);
  return result.org;
}

/** The emit context of `team` on `cluster` (in the cluster's first environment). */
export function contextFor(org: ResolvedOrg, team: string, cluster: string): TeamClusterContext {
  const resolvedTeam = org.teams.find((candidate) => candidate.name === team)!;
  const environment = org.platform.environments.find((candidate) => candidate.clusters.some((entry) => entry.name === cluster))!;
  return { org, team: resolvedTeam, environment, cluster: environment.clusters.find((entry) => entry.name === cluster)!, namespace: `${team}-${environment.name}` };
}

/** An object of `chart.toJson()`. */
export type EmittedObject = Record<string, unknown> & { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> } };

/** Runs a builder on a fresh chart and returns the emitted objects. */
export function emitWith(builder: (chart: Chart, context: TeamClusterContext) => void, context: TeamClusterContext): EmittedObject[] {
  const chart = new Chart(new App(), 'test');
  builder(chart, context);
  return chart.toJson() as EmittedObject[];
}

/** The one emitted object of `kind` named `name`. */
export function objectOf(objects: readonly EmittedObject[], kind: string, name: string): EmittedObject {
  const found = objects.filter((object) => object.kind === kind && object.metadata.name === name);
  if (found.length !== 1) throw new Error(`expected one ${kind} ${name}, found ${found.length} among ${objects.map((object) => `${object.kind}/${object.metadata.name}`).join(', ')}`);
  return found[0]!;
}
