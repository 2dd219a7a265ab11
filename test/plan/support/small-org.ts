/** A small org as path → text, for plan unit tests. */

/** platform.yaml with dev (no approvals) and prod (2 approvals). */
export const PLATFORM = `apiVersion: mlops.cirruslabs.io/v1alpha1
kind: Platform
metadata: { name: acme, owners: ["@acme/platform"] }
rollout: { phase: 3 }
environments:
  dev: { clusters: [{ name: dev-eu, region: eu-west-1 }] }
  prod: { approvals: 2, clusters: [{ name: prod-eu, region: eu-west-1 }] }
gitops: { deployRepo: acme/deploy }
`;

/** A team file serving model `<name>-model` at `version` in dev and prod. */
export function teamFile(name: string, version = '1.0.0', extra = ''): string {
  return `apiVersion: mlops.cirruslabs.io/v1alpha1
kind: Team
metadata: { name: ${name}, owners: ["@acme/${name}"] }
models:
  ${name}-model:
    framework: sklearn
    versions:
      "1.0.0": { artifact: s3://models/${name}/1.0.0 }
      "1.1.0": { artifact: s3://models/${name}/1.1.0 }
deployments:
  ${name}-api:
    model: ${name}-model
    environments:
      dev: { version: "${version}" }
      prod: { version: "1.0.0", replicas: { min: 2, max: 4 } }
${extra}`;
}

/** An org of `teams` teams, each at version 1.0.0. */
export function smallOrg(teams: readonly string[]): Record<string, string> {
  return Object.fromEntries([['platform.yaml', PLATFORM], ...teams.map((team) => [`teams/${team}/mlops.yaml`, teamFile(team)])]);
}
