/** Pod placement a cluster asks for (edge clusters: node selectors and taint tolerations), as pod-spec fields. */
import type { ResolvedCluster } from '../../resolve/resolved-org.ts';

/** `nodeSelector` and `tolerations` of the cluster, only the fields it sets (a toleration without a value tolerates any). */
export function clusterScheduling(cluster: Pick<ResolvedCluster, 'nodeSelector' | 'tolerations'>): Record<string, unknown> {
  return {
    ...(Object.keys(cluster.nodeSelector).length > 0 ? { nodeSelector: { ...cluster.nodeSelector } } : {}),
    ...(cluster.tolerations.length > 0 ? { tolerations: cluster.tolerations.map((toleration) => ({ operator: toleration.value === undefined ? 'Exists' : 'Equal', ...toleration })) } : {}),
  };
}
