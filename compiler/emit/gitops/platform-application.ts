/**
 * The Argo CD `Application` that applies a cluster's platform bootstrap (`clusters/<cluster>/platform/`:
 * the restricted ClusterStorageContainer and, unless `podSecurity.argoExecutor` is `external`, Argo
 * Workflows' executor ConfigMap) to that cluster, with an `AppProject` permitting exactly those
 * objects: the cluster-scoped `serving.kserve.io/ClusterStorageContainer` and a `ConfigMap` in the
 * Argo Workflows namespace. Written under `argocd/<cluster>/platform/`, so the cluster's root
 * (root-application.ts, which recurses into `argocd/<cluster>`) creates it; no team may be named
 * `platform` (ML335), so the folder is never a team's. Not pruned: removing a setting from the
 * bootstrap must not delete a controller's configuration out from under running pods.
 */
import type { ResolvedOrg } from '../../resolve/resolved-org.ts';
import type { KubernetesObject } from '../manifest.ts';
import { dnsName } from '../pipelines/dns-name.ts';
import { PLATFORM_BOOTSTRAP_FOLDER, platformBootstrapObjects } from '../platform-bootstrap/emit-platform-bootstrap.ts';
import { ARGO_CD_API_VERSION } from './emit-gitops.ts';
import { whitelistEntries } from './project-whitelist.ts';

/** Name of a cluster's platform AppProject and Application. */
export function platformApplicationName(cluster: string): string {
  return dnsName(['mlops-platform', cluster]);
}

/** The platform AppProject and Application of one cluster (deploying to the cluster's declared server). */
export function platformApplicationObjects(org: ResolvedOrg, cluster: string): { project: KubernetesObject; application: KubernetesObject } {
  const { argocdNamespace, repoURL, branch } = org.platform.gitops;
  const server = org.platform.environments.flatMap((environment) => environment.clusters).find((candidate) => candidate.name === cluster)?.server;
  if (server === undefined) throw new Error(`platformApplicationObjects: unknown cluster ${cluster}`);
  const name = platformApplicationName(cluster);
  const whitelist = whitelistEntries(platformBootstrapObjects(org).map((object) => ({ apiVersion: object.apiVersion, kind: object.kind, name: object.metadata.name })));
  const namespace = org.platform.podSecurity.argoNamespace;
  const metadata = {
    name,
    namespace: argocdNamespace,
    labels: { 'app.kubernetes.io/component': 'platform', 'app.kubernetes.io/managed-by': 'cirrus-mlops', 'app.kubernetes.io/name': name },
  };
  return {
    project: {
      apiVersion: ARGO_CD_API_VERSION,
      kind: 'AppProject',
      metadata,
      spec: {
        // Named entries: the project may create this cluster's bootstrap objects and nothing else cluster-wide.
        clusterResourceWhitelist: whitelist.clusterScoped,
        description: `Platform bootstrap of cluster ${cluster} (managed by Cirrus MLOps)`,
        destinations: [{ namespace, server }],
        namespaceResourceWhitelist: whitelist.namespaced,
        sourceRepos: [repoURL],
      },
    },
    application: {
      apiVersion: ARGO_CD_API_VERSION,
      kind: 'Application',
      metadata,
      spec: {
        destination: { namespace, server },
        project: name,
        source: { path: `clusters/${cluster}/${PLATFORM_BOOTSTRAP_FOLDER}`, repoURL, targetRevision: branch },
        syncPolicy: { automated: { prune: false, selfHeal: true }, retry: { backoff: { duration: '10s', factor: 2, maxDuration: '5m' }, limit: 5 } },
      },
    },
  };
}
