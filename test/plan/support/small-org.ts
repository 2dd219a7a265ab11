/** A small org as path → text, for plan unit tests; it compiles clean with the real compiler. */
import { type SourceTree, sourceTreeFromRecord } from '../../../compiler/load/source-tree.ts';

/** platform.yaml with dev (no approvals) and prod (2 approvals). */
export const PLATFORM = `apiVersion: mlops.cirruslabs.io/v1alpha1
kind: Platform
metadata: { name: acme, owners: ["@acme/platform"] }
rollout: { phase: 3 }
environments:
  dev: { clusters: [{ name: dev-eu, region: eu-west-1, server: "https://dev-eu.k8s.example:6443" }] }
  prod: { approvals: 2, clusters: [{ name: prod-eu, region: eu-west-1, server: "https://prod-eu.k8s.example:6443" }] }
gitops: { deployRepo: acme/deploy }
monitoring: { predictionLogs: { sink: "http://prediction-log-sink.monitoring.svc", uri: "http://prediction-log-sink.monitoring.svc/events" } }
`;

const DIGEST = `sha256:${'ab'.repeat(32)}`;

/** A complete model version (lineage, digest, card) that passes the built-in policies. */
function version(team: string, number: string): string {
  return `"${number}": { artifact: s3://models/${team}/${number}, digest: "${DIGEST}", dataset: { uri: s3://data/${team}, classification: internal }, trainedBy: { pipeline: train, run: r-1 }, modelCard: cards/model.md }`;
}

/** A team file serving model `<name>-model` at `version` in dev and 1.0.0 in prod (its model card is `teams/<name>/cards/model.md`). */
export function teamFile(name: string, devVersion = '1.0.0', extra = ''): string {
  return `apiVersion: mlops.cirruslabs.io/v1alpha1
kind: Team
metadata: { name: ${name}, owners: ["@acme/${name}"] }
models:
  ${name}-model:
    framework: sklearn
    versions:
      ${version(name, '1.0.0')}
      ${version(name, '1.1.0')}
deployments:
  ${name}-api:
    model: ${name}-model
    environments:
      dev: { version: "${devVersion}" }
      prod: { version: "1.0.0", replicas: { min: 2, max: 4 } }
pipelines:
  train:
    steps: [{ name: fit, image: "ghcr.io/acme/train:1.0.0" }]
monitoring:
  ${name}-api: { slo: { latencyP99Ms: 100 }, drift: { method: psi, threshold: 0.2, features: [amount] } }
${extra}`;
}

/** Model cards of the teams, as other paths. */
export function modelCards(teams: readonly string[]): string[] {
  return teams.map((team) => `teams/${team}/cards/model.md`);
}

/** An org of `teams` teams, each at version 1.0.0, with their model cards (empty files). */
export function smallOrg(teams: readonly string[]): Record<string, string> {
  return Object.fromEntries([['platform.yaml', PLATFORM], ...teams.map((team) => [`teams/${team}/mlops.yaml`, teamFile(team)]), ...modelCards(teams).map((path) => [path, ''])]);
}

/** path → text as a SourceTree: config files with contents, every other path listed only. */
export function toTree(files: Readonly<Record<string, string>>): SourceTree {
  const config = Object.entries(files).filter(([path]) => path.endsWith('.yaml'));
  return sourceTreeFromRecord(Object.fromEntries(config), Object.keys(files).filter((path) => !path.endsWith('.yaml')));
}
