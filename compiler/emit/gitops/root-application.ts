/**
 * The root of each cluster's Argo CD tree (app of apps): an `Application` syncing the deploy repo's
 * `argocd/<cluster>` folder — the teams' AppProjects and Applications, and the root itself — into the
 * Argo CD namespace, with an `AppProject` that may create only those two kinds there. Argo CD creates
 * Applications where it runs, so the destination is always its own cluster
 * (`https://kubernetes.default.svc`), whichever cluster the team Applications deploy to. The
 * notifications ConfigMap beside them is left out (`directory.exclude`): it is merged into an existing
 * `argocd-notifications-cm` by hand (docs/deploy.md). The platform applies the two root objects once per
 * cluster; from then on a team added to or removed from the cluster appears or disappears through git
 * (prune). The root has no cascading-delete finalizer, so deleting it leaves the teams' Applications.
 * Written as `argocd/<cluster>/{appproject,application}-<root name>.<format>`: outside every team folder;
 * beside it, `argocd/<cluster>/platform/` holds the Application applying the cluster's platform
 * bootstrap (platform-application.ts), which the root creates like a team's.
 */
import type { ResolvedOrg } from '../../resolve/resolved-org.ts';
import { IN_CLUSTER_SERVER } from '../../resolve/resolve-platform.ts';
import type { EmitOptions } from '../emit-org.ts';
import type { KubernetesObject, OutputFile } from '../manifest.ts';
import { dnsName } from '../pipelines/dns-name.ts';
import { renderObject } from '../render.ts';
import { ARGO_CD_API_VERSION } from './emit-gitops.ts';
import { NOTIFICATIONS_FOLDER } from './argocd-notifications.ts';
import { platformApplicationName, platformApplicationObjects } from './platform-application.ts';
import { PLATFORM_BOOTSTRAP_FOLDER } from '../platform-bootstrap/emit-platform-bootstrap.ts';
import { selectedClusters } from '../selected-clusters.ts';

/** Name of the root AppProject and Application of a cluster. */
export function rootName(cluster: string): string {
  return dnsName(['mlops-root', cluster]);
}

/** The kinds a root project may create (in the Argo CD namespace). */
export const ROOT_KINDS = [
  { group: 'argoproj.io', kind: 'AppProject' },
  { group: 'argoproj.io', kind: 'Application' },
] as const;

function rootMetadata(org: ResolvedOrg, cluster: string) {
  const name = rootName(cluster);
  return {
    name,
    namespace: org.platform.gitops.argocdNamespace,
    labels: { 'app.kubernetes.io/component': 'gitops', 'app.kubernetes.io/managed-by': 'cirrus-mlops', 'app.kubernetes.io/name': name },
  };
}

/** The root AppProject and Application of one cluster. */
export function rootObjects(org: ResolvedOrg, cluster: string): { project: KubernetesObject; application: KubernetesObject } {
  const { argocdNamespace, repoURL, branch } = org.platform.gitops;
  const name = rootName(cluster);
  const destination = { namespace: argocdNamespace, server: IN_CLUSTER_SERVER };
  return {
    project: {
      apiVersion: ARGO_CD_API_VERSION,
      kind: 'AppProject',
      metadata: rootMetadata(org, cluster),
      spec: {
        clusterResourceWhitelist: [],
        description: `Argo CD objects of cluster ${cluster} (managed by Cirrus MLOps)`,
        destinations: [destination],
        namespaceResourceWhitelist: ROOT_KINDS.map((entry) => ({ ...entry })),
        sourceRepos: [repoURL],
      },
    },
    application: {
      apiVersion: ARGO_CD_API_VERSION,
      kind: 'Application',
      // No cascading-delete finalizer: deleting the root must not delete every team's workloads with it.
      metadata: rootMetadata(org, cluster),
      spec: {
        destination,
        project: name,
        source: { directory: { exclude: `${NOTIFICATIONS_FOLDER}/*`, recurse: true }, path: `argocd/${cluster}`, repoURL, targetRevision: branch },
        syncPolicy: { automated: { prune: true, selfHeal: true }, retry: { backoff: { duration: '10s', factor: 2, maxDuration: '5m' }, limit: 5 } },
      },
    },
  };
}

/** One root AppProject and Application per cluster of the platform (narrowed like the teams' output by `--env` and `--cluster`). */
export function rootFiles(org: ResolvedOrg, options: EmitOptions = {}): OutputFile[] {
  const format = options.format ?? 'yaml';
  return selectedClusters(org, options).flatMap((cluster) => {
    const { project, application } = rootObjects(org, cluster);
    const name = rootName(cluster);
    const platform = platformApplicationObjects(org, cluster);
    const platformName = platformApplicationName(cluster);
    return [
      { path: `argocd/${cluster}/appproject-${name}.${format}`, content: renderObject(project, format) },
      { path: `argocd/${cluster}/application-${name}.${format}`, content: renderObject(application, format) },
      { path: `argocd/${cluster}/${PLATFORM_BOOTSTRAP_FOLDER}/appproject-${platformName}.${format}`, content: renderObject(platform.project, format) },
      { path: `argocd/${cluster}/${PLATFORM_BOOTSTRAP_FOLDER}/application-${platformName}.${format}`, content: renderObject(platform.application, format) },
    ];
  });
}
