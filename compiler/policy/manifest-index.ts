/** Lookups across emitted objects for rules that relate objects (PDBs, NetworkPolicies). */
import type { Manifest } from '../emit/manifest.ts';

/** Emitted objects grouped by cluster and namespace. */
export interface ManifestIndex {
  /** Objects of `kind` in a cluster's namespace. */
  inNamespace(cluster: string, namespace: string, kind: string): readonly Manifest[];
}

/**
 * Builds the index of a batch. Rules ask for few kinds (autoscalers, budgets, network policies), so
 * each kind is grouped on its first lookup rather than every object keyed up front.
 */
export function indexManifests(manifests: readonly Manifest[]): ManifestIndex {
  const byKind = new Map<string, Map<string, Manifest[]>>();
  const groupsOf = (kind: string): Map<string, Manifest[]> => {
    let groups = byKind.get(kind);
    if (groups) return groups;
    groups = new Map();
    for (const manifest of manifests) {
      if (manifest.object.kind !== kind) continue;
      const key = `${manifest.cluster}\u0000${manifest.object.metadata.namespace ?? ''}`;
      const list = groups.get(key);
      if (list) list.push(manifest);
      else groups.set(key, [manifest]);
    }
    byKind.set(kind, groups);
    return groups;
  };
  return {
    inNamespace: (cluster, namespace, kind) => groupsOf(kind).get(`${cluster}\u0000${namespace}`) ?? [],
  };
}
