/**
 * GitOps → Argo CD, per team × cluster: an `AppProject` that may deploy only into the team's namespaces on
 * that cluster and only from the deploy repo, and an `Application` that syncs the team's folder
 * `clusters/<cluster>/<team>` of the deploy repo automatically (prune + self-heal). Both live in the
 * Argo CD namespace (platform `gitops.argocdNamespace`). Namespaces are emitted by tenancy and kept in
 * git, so the Application does not create them (`CreateNamespace=false`). The project whitelists
 * exactly the kinds emitted for the team on the cluster (`project-whitelist.ts`): the namespaced ones
 * by group and kind, the cluster-scoped ones (the team's Namespaces) by name. It runs after the
 * environment charts are built, which it reads. Each cluster's root Application (`root-application.ts`)
 * applies these objects.
 *
 * A cluster listed in two environments gets identical objects from both contexts (the namespaces of
 * every environment on the cluster are included; the default destination namespace is the first of them
 * by name — every emitted object names its namespace anyway), so the orchestrator may keep either.
 * Each Application subscribes to the Argo CD Notifications triggers that report syncs to the bot.
 */
import { ApiObject, type Chart } from 'cdk8s';
import { teamNamespace } from '../../resolve/resolve-team.ts';
import { sourceAnnotations, standardLabels } from '../labels.ts';
import { dnsName } from '../pipelines/dns-name.ts';
import type { TeamClusterContext } from '../team-cluster-context.ts';
import { notificationSubscriptions } from './argocd-notifications.ts';
import { teamRunsIn } from '../tenancy/team-presence.ts';
import { emittedKinds } from './project-whitelist.ts';

/** Argo CD API version. */
export const ARGO_CD_API_VERSION = 'argoproj.io/v1alpha1';

/** Argo CD's cascading-delete finalizer. */
export const APPLICATION_FINALIZER = 'resources-finalizer.argocd.argoproj.io';

/** Name of the AppProject and Application of a team on a cluster. */
export function gitOpsName(team: string, cluster: string): string {
  return dnsName([team, cluster]);
}

/** Path of a team's folder for a cluster in the deploy repo. */
export function deployRepoPath(team: string, cluster: string): string {
  return `clusters/${cluster}/${team}`;
}

/** The team's namespaces on the context's cluster (one per environment of the cluster the team runs something in), sorted. */
export function teamNamespacesOnCluster(context: TeamClusterContext): string[] {
  const environments = context.org.platform.environments.filter((environment) => environment.clusters.some((cluster) => cluster.name === context.cluster.name) && teamRunsIn(context.team, environment.name, context.cluster.name));
  return [...new Set([context.namespace, ...environments.map((environment) => teamNamespace(context.team.name, environment.name))])].sort();
}

/** Emits the team's AppProject and Application for the context's cluster. */
export function emitGitOps(chart: Chart, context: TeamClusterContext): void {
  const { org, team, cluster } = context;
  const gitops = org.platform.gitops;
  const name = gitOpsName(team.name, cluster.name);
  const namespaces = teamNamespacesOnCluster(context);
  const kinds = emittedKinds(chart);
  const environments = org.platform.environments.filter((environment) => environment.clusters.some((candidate) => candidate.name === cluster.name) && teamRunsIn(team, environment.name, cluster.name));
  const metadata = {
    name,
    namespace: gitops.argocdNamespace,
    labels: standardLabels({ team: team.name, name, component: 'gitops', ...(environments.length === 1 ? { environment: environments[0]!.name } : {}) }),
    annotations: sourceAnnotations(org, { file: team.file, path: ['metadata'] }),
  };
  new ApiObject(chart, 'gitops-appproject', {
    apiVersion: ARGO_CD_API_VERSION,
    kind: 'AppProject',
    metadata,
    spec: {
      clusterResourceWhitelist: kinds.clusterScoped.map((entry) => ({ ...entry })),
      description: `Team ${team.name} on cluster ${cluster.name} (managed by Cirrus MLOps)`,
      destinations: namespaces.map((namespace) => ({ namespace, server: cluster.server })),
      namespaceResourceWhitelist: kinds.namespaced.map((entry) => ({ ...entry })),
      sourceRepos: [gitops.repoURL],
    },
  });
  new ApiObject(chart, 'gitops-application', {
    apiVersion: ARGO_CD_API_VERSION,
    kind: 'Application',
    // The finalizer makes deleting the Application (a team or cluster removed from config) delete what it deployed.
    // The subscriptions make Argo CD Notifications report its syncs to the bot (see argocd-notifications.ts).
    metadata: { ...metadata, annotations: { ...metadata.annotations, ...notificationSubscriptions() }, finalizers: [APPLICATION_FINALIZER] },
    spec: {
      destination: { namespace: namespaces[0]!, server: cluster.server },
      project: name,
      source: { directory: { recurse: true }, path: deployRepoPath(team.name, cluster.name), repoURL: gitops.repoURL, targetRevision: gitops.branch },
      syncPolicy: {
        automated: { prune: true, selfHeal: true },
        retry: { backoff: { duration: '10s', factor: 2, maxDuration: '5m' }, limit: 5 },
        syncOptions: ['CreateNamespace=false', 'PrunePropagationPolicy=foreground'],
      },
    },
  });
}
