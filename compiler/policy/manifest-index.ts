/** Lookups across emitted objects for rules that relate objects (PDBs, NetworkPolicies). */
import type { Manifest } from '../emit/manifest.ts';

/** Emitted objects grouped by cluster and namespace. */
export interface ManifestIndex {
  /** Objects of `kind` in a cluster's namespace. */
  inNamespace(cluster: string, namespace: string, kind: string): readonly Manifest[];
}

/** Builds the index once per evaluation. */
export function indexManifests(manifests: readonly Manifest[]): ManifestIndex {
  const byKey = new Map<string, Manifest[]>();
  for (const manifest of manifests) {
    const key = `${manifest.cluster}\u0000${manifest.object.metadata.namespace ?? ''}\u0000${manifest.object.kind}`;
    const list = byKey.get(key);
    if (list) list.push(manifest);
    else byKey.set(key, [manifest]);
  }
  return {
    inNamespace: (cluster, namespace, kind) => byKey.get(`${cluster}\u0000${namespace}\u0000${kind}`) ?? [],
  };
}
