/**
 * A deterministic generator of realistic, valid config repos of any size, for benchmarks and
 * property tests. Text is built directly (no YAML library), so 1,000 teams take milliseconds.
 */
import { createHash } from 'node:crypto';
import type { SourceTree } from '../../compiler/load/source-tree.ts';

/** Options of `syntheticOrg`. */
export interface SyntheticOrgOptions {
  /** Number of teams. */
  readonly teams: number;
  /** Models per team; each gets one deployment, one training pipeline and monitoring. */
  readonly modelsPerTeam: number;
  /** Versions per model. @default 3 */
  readonly versionsPerModel?: number;
  /**
   * Rollout phase of the org; the config uses only what the phase unlocks. Phase 1: dev and
   * staging only, manual pipelines. Phase 2: prod in two regions (deployments pinned to one),
   * schedules, drift monitoring, lineage. Phase 3: canaries in prod, multi-region, SSO groups,
   * drift-triggered retraining. Phase 4: an explainer and hyper-parameter search here and there.
   * @default 3
   */
  readonly phase?: 1 | 2 | 3 | 4;
}

const DOMAINS = ['fraud', 'recsys', 'search', 'pricing', 'risk', 'ads', 'vision', 'nlp', 'forecast', 'churn'];
const MODEL_KINDS = ['detector', 'ranker', 'scorer', 'classifier', 'embedder', 'forecaster', 'tagger', 'matcher', 'segmenter', 'estimator'];
const FRAMEWORKS = ['xgboost', 'sklearn', 'pytorch', 'lightgbm', 'onnx', 'tensorflow'];
const RISK_TIERS = ['low', 'medium', 'high'];
const CLASSIFICATIONS = ['internal', 'confidential', 'pii', 'public'];

function digest(text: string): string {
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** The platform.yaml of a synthetic org. */
function platformYaml(phase: number): string {
  const prod =
    phase >= 2
      ? `  prod:
    tier: production
    approvals: 2
    promotion: { from: staging, soak: 24h }
    clusters:
      - { name: prod-eu, region: eu-west-1, server: "https://prod-eu.k8s.example:6443" }
      - { name: prod-us, region: us-east-1, server: "https://prod-us.k8s.example:6443" }
`
      : '';
  return `apiVersion: mlops.cirruslabs.io/v1alpha1
kind: Platform
metadata:
  name: acme
  owners: ["@acme/platform"]
  description: Synthetic organisation for benchmarks.
rollout: { phase: ${phase} }
environments:
  dev:
    clusters:
      - { name: dev-eu, region: eu-west-1, server: "https://dev-eu.k8s.example:6443" }
  staging:
    approvals: 1
    promotion: { from: dev, soak: 1h }
    clusters:
      - { name: stg-eu, region: eu-west-1, server: "https://stg-eu.k8s.example:6443" }
${prod}serving:
  default: kserve
  images:
    sklearn: ghcr.io/acme/serving/sklearn:1.5.0
    xgboost: ghcr.io/acme/serving/xgboost:2.1.0
images:
  allowedRegistries: [ghcr.io/acme/]
quotas:
  perTeam: { cpu: "256", memory: 1024Gi, gpu: 8, pods: 500 }
gitops: { deployRepo: acme/mlops-deploy, branch: main, argocdNamespace: argocd }
identity: { serviceAccountAnnotations: { eks.amazonaws.com/role-arn: "arn:aws:iam::123456789012:role/mlops-{team}-{environment}" } }
network: { destinations: { kubernetes-api: { cidrs: ["10.0.0.0/24"], ports: [443, 6443] } }, egress: { pipelines: [kubernetes-api] } }
policies:
  maxWaiverDays: 90
  maxCanaryTraffic: 20
monitoring:
  predictionLogs: { sink: "http://prediction-log-sink.monitoring.svc", uri: "http://prediction-log-sink.monitoring.svc/events" }
`;
}

/** The model card path of a version, relative to the team folder. */
function modelCardPath(model: string, version: string): string {
  return `cards/${model}-${version}.md`;
}

/** Data classification of a version; PII only for models whose risk tier allows it (ml/pii-risk-tier). */
function classification(index: number, riskTier: string): string {
  const picked = CLASSIFICATIONS[index % CLASSIFICATIONS.length]!;
  return picked === 'pii' && riskTier === 'low' ? 'confidential' : picked;
}

function versionYaml(team: string, model: string, version: string, index: number, phase: number, riskTier: string): string {
  const artifact = `s3://acme-models/${team}/${model}/${version}`;
  const lineage =
    phase >= 2
      ? `
        trainedBy: { pipeline: train-${model}, run: r-2026-${pad((index % 12) + 1, 2)}-01 }
        dataset: { uri: "s3://acme-data/${team}/${model}/2026-${pad((index % 12) + 1, 2)}", classification: ${classification(index, riskTier)} }
        modelCard: ${modelCardPath(model, version)}`
      : '';
  return `      "${version}":
        artifact: ${artifact}
        digest: "${digest(artifact)}"${lineage}
        metrics: { auc: ${(0.9 + index / 1000).toFixed(3)}, precision: 0.8${index % 10} }
        createdAt: "2026-${pad((index % 12) + 1, 2)}-${pad((index % 28) + 1, 2)}"
`;
}

function deploymentYaml(model: string, versions: string[], modelIndex: number, phase: number): string {
  const latest = versions.at(-1)!;
  const stable = versions.at(-2) ?? latest;
  const canary = phase >= 3 && stable !== latest ? `\n        canary: { version: "${latest}", traffic: 10 }` : '';
  const regions = phase === 2 ? '\n        regions: [eu-west-1]' : '';
  const prod =
    phase >= 2
      ? `      prod:
        version: "${stable}"${canary}${regions}
        replicas: { min: 2, max: 10 }
        autoscaling: { metric: concurrency, target: 50 }
        resources: { cpu: "1", memory: 2Gi }
`
      : '';
  const explainer = phase >= 4 && modelIndex % 5 === 0 ? '\n    explainer: shap' : '';
  return `  ${model}-api:
    model: ${model}${explainer}
    requirements:
      metrics: { auc: ">= 0.85" }
    environments:
      dev:
        version: "${latest}"
        resources: { cpu: 500m, memory: 1Gi }
      staging:
        version: "${latest}"
        replicas: { min: 1, max: 3 }
${prod}`;
}

function pipelineYaml(team: string, model: string, modelIndex: number, phase: number): string {
  const schedule = phase >= 2 ? `\n    schedule: "${modelIndex % 60} ${modelIndex % 24} * * ${modelIndex % 7}"` : '';
  const retrain = phase >= 3 && modelIndex === 0 ? `\n    retrain: { on: drift, deployment: ${model}-api }` : '';
  const search = phase >= 4 && modelIndex % 4 === 1 ? '\n    hyperparameterSearch:\n      algorithm: bayesian\n      maxTrials: 20\n      parameters: { max_depth: [4, 6, 8], eta: [0.05, 0.1] }' : '';
  return `  train-${model}:
    description: Trains ${model}.${schedule}
    produces: ${model}
    environment: dev${retrain}${search}
    steps:
      - { name: prepare, image: "ghcr.io/acme/steps/prepare:1.4.0", args: ["--team", "${team}"] }
      - name: train
        image: ghcr.io/acme/steps/train:2.0.1
        dependsOn: [prepare]
        resources: { cpu: "4", memory: 16Gi${modelIndex % 3 === 0 ? ', gpu: 1' : ''} }
      - { name: evaluate, image: "ghcr.io/acme/steps/evaluate:1.1.0", dependsOn: [train] }
      - { name: register, image: "ghcr.io/acme/steps/register:1.0.3", dependsOn: [evaluate, prepare] }
`;
}

function monitorYaml(model: string, phase: number): string {
  const drift = phase >= 2 ? `\n    drift: { method: psi, threshold: 0.2, features: [amount, country, age], schedule: "0 * * * *" }` : '';
  return `  ${model}-api:
    slo: { latencyP99Ms: 150, errorRatePercent: 1, availabilityPercent: 99.9 }${drift}
`;
}

/** The name of the i-th synthetic team, e.g. `fraud-0000`. */
export function syntheticTeamName(index: number): string {
  return `${DOMAINS[index % DOMAINS.length]}-${pad(index, 4)}`;
}

function teamYaml(teamIndex: number, options: Required<SyntheticOrgOptions>): string {
  const team = syntheticTeamName(teamIndex);
  const phase = options.phase;
  const models: string[] = [];
  const deployments: string[] = [];
  const pipelines: string[] = [];
  const monitors: string[] = [];
  for (let modelIndex = 0; modelIndex < options.modelsPerTeam; modelIndex++) {
    const model = `${MODEL_KINDS[modelIndex % MODEL_KINDS.length]}-${modelIndex}`;
    const versions = Array.from({ length: options.versionsPerModel }, (_, version) => `1.${version}.0`);
    const seed = teamIndex * 31 + modelIndex;
    const riskTier = RISK_TIERS[seed % RISK_TIERS.length]!;
    models.push(`  ${model}:
    framework: ${FRAMEWORKS[seed % FRAMEWORKS.length]}
    riskTier: ${riskTier}
    description: The ${model} of team ${team}.
    versions:
${versions.map((version, index) => versionYaml(team, model, version, seed + index, phase, riskTier)).join('')}`);
    deployments.push(deploymentYaml(model, versions, modelIndex, phase));
    pipelines.push(pipelineYaml(team, model, modelIndex, phase));
    monitors.push(monitorYaml(model, phase));
  }
  const groups = phase >= 3 ? `\n  groups: [${team}-ml]` : '';
  const section = (key: string, items: string[]) => (items.length > 0 ? `${key}:\n${items.join('')}` : '');
  return `apiVersion: mlops.cirruslabs.io/v1alpha1
kind: Team
metadata:
  name: ${team}
  owners: ["@acme/${team}-ml"]
  costCenter: cc-${pad(1000 + teamIndex, 4)}${groups}
${section('models', models)}${section('deployments', deployments)}${section('pipelines', pipelines)}${section('monitoring', monitors)}`;
}

/**
 * Generates a valid config repo: `platform.yaml` (dev, staging and — from phase 2 — prod on two
 * clusters in two regions) and `teams/<team>/mlops.yaml` per team, each with models and versions
 * (artifacts, digests, metrics, lineage), a deployment per model (canary in prod from phase 3),
 * a scheduled four-step training pipeline per model and monitoring with drift detection.
 * Deterministic: the same options always give the same texts. Returns path → text.
 */
export function syntheticOrg(options: SyntheticOrgOptions): Record<string, string> {
  const resolved: Required<SyntheticOrgOptions> = { versionsPerModel: 3, phase: 3, ...options };
  const files: Record<string, string> = { 'platform.yaml': platformYaml(resolved.phase) };
  for (let teamIndex = 0; teamIndex < resolved.teams; teamIndex++) {
    files[`teams/${syntheticTeamName(teamIndex)}/mlops.yaml`] = teamYaml(teamIndex, resolved);
  }
  return files;
}

/**
 * The synthetic org as a SourceTree, with the model cards its versions name listed as other paths,
 * so it passes the built-in policies as a real repo would.
 */
export function syntheticOrgTree(options: SyntheticOrgOptions): SourceTree {
  const files = syntheticOrg(options);
  const cards: string[] = [];
  for (const [path, text] of Object.entries(files)) {
    const folder = path.slice(0, path.lastIndexOf('/') + 1);
    for (const match of text.matchAll(/modelCard: (\S+)/g)) cards.push(`${folder}${match[1]}`);
  }
  return { files: Object.entries(files).map(([path, content]) => ({ path, content })), otherPaths: cards.sort() };
}
