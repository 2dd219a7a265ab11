/**
 * Where Argo CD reaches each cluster. A cluster without `server` is deployed to through
 * `https://kubernetes.default.svc` — Argo CD's own cluster — so at most one cluster may go without it:
 *  - ML344: two or more clusters have neither `server` nor `inCluster: true` (with one central Argo CD,
 *    dev and staging would both land on Argo CD's cluster). The hint proposes a `server` built like the
 *    ones other clusters declare, when they follow a pattern with their own name in it.
 *  - ML345: `inCluster: true` with another `server`, or on two clusters.
 *  - ML347: two clusters declaring the same `server`.
 * A cluster listed in several environments (same settings, ML322) counts once.
 */
import type { Cluster } from '../../config/types.generated.ts';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { diagnosticAt } from '../../diagnostics/report.ts';
import { IN_CLUSTER_SERVER } from '../../resolve/resolve-platform.ts';
import type { PlatformIndex } from './platform-index.ts';

interface DeclaredCluster {
  readonly cluster: Cluster;
  readonly path: (string | number)[];
}

function distinctClusters(index: PlatformIndex): DeclaredCluster[] {
  const seen = new Map<string, DeclaredCluster>();
  for (const name of index.environmentNames) {
    index.environments.get(name)!.config.clusters.forEach((cluster, position) => {
      if (!seen.has(cluster.name)) seen.set(cluster.name, { cluster, path: ['environments', name, 'clusters', position] });
    });
  }
  return [...seen.values()];
}

/** A `server` for `name` following the pattern of another cluster's declared server that contains that cluster's name. */
export function suggestedServer(name: string, clusters: readonly Cluster[]): string | undefined {
  const model = clusters.find((cluster) => cluster.server && cluster.server !== IN_CLUSTER_SERVER && cluster.server.includes(cluster.name));
  return model ? model.server!.replace(model.name, name) : undefined;
}

/** ML344, ML345 and ML347 over platform.yaml's clusters. */
export function clusterServerDiagnostics(index: PlatformIndex): Diagnostic[] {
  const file = index.file;
  if (!file) return [];
  const clusters = distinctClusters(index);
  const diagnostics: Diagnostic[] = [];
  const flagged = clusters.filter(({ cluster }) => cluster.inCluster === true);
  for (const { cluster, path } of flagged) {
    if (cluster.server !== undefined && cluster.server !== IN_CLUSTER_SERVER) {
      diagnostics.push(diagnosticAt(file, [...path, 'inCluster'], 'ML345', `Cluster \`${cluster.name}\` is \`inCluster: true\` but names the server \`${cluster.server}\`; in-cluster means \`${IN_CLUSTER_SERVER}\`.`, { hint: 'Remove `inCluster`, or remove `server`.' }));
    }
  }
  if (flagged.length > 1) {
    for (const { cluster, path } of flagged.slice(1)) {
      diagnostics.push(diagnosticAt(file, [...path, 'inCluster'], 'ML345', `Cluster \`${cluster.name}\` is \`inCluster: true\`, and so is \`${flagged[0]!.cluster.name}\`: Argo CD runs on one cluster only.`, { hint: 'Give all clusters but the one Argo CD runs on a `server`.' }));
    }
  }
  const firstAt = new Map<string, string>();
  for (const { cluster, path } of clusters) {
    if (cluster.server === undefined) continue;
    const first = firstAt.get(cluster.server);
    if (first === undefined) firstAt.set(cluster.server, cluster.name);
    else diagnostics.push(diagnosticAt(file, [...path, 'server'], 'ML347', `Cluster \`${cluster.name}\` names the server \`${cluster.server}\`, as cluster \`${first}\` does: Argo CD would deploy both to one cluster.`, { hint: 'Give each cluster its own API server, or list one cluster in both environments.' }));
  }
  const serverless = clusters.filter(({ cluster }) => cluster.server === undefined && cluster.inCluster !== true);
  if (serverless.length === 0 || serverless.length + flagged.length < 2) return diagnostics;
  const others = serverless.map(({ cluster }) => cluster.name);
  for (const { cluster, path } of serverless) {
    const company = [...others.filter((other) => other !== cluster.name), ...flagged.map(({ cluster: inCluster }) => inCluster.name)].map((other) => `\`${other}\``).join(', ');
    const suggestion = suggestedServer(cluster.name, clusters.map((declared) => declared.cluster));
    diagnostics.push(
      diagnosticAt(file, path, 'ML344', `Cluster \`${cluster.name}\` declares no \`server\`: Argo CD would deploy it to its own cluster (\`${IN_CLUSTER_SERVER}\`), as it does ${company}.`, {
        hint: suggestion ? `Did you mean \`server: "${suggestion}"\`? Or add \`inCluster: true\` if Argo CD runs on \`${cluster.name}\`.` : `Add \`server: https://…\`, or \`inCluster: true\` if Argo CD runs on \`${cluster.name}\`.`,
      }),
    );
  }
  return diagnostics;
}
