/**
 * The network allowances of drift checks and of KServe's payload logger, in the same model as every
 * workload's egress (`tenancy/network-policies.ts`): team namespaces deny all traffic but DNS, so the
 * drift check gets egress to the platform's Pushgateway, to its source of logged predictions when that
 * is an in-cluster Service, and to the destinations platform.yaml `network.egress.driftChecks` lists
 * (object storage for baselines, sources outside the cluster, the Kubernetes API retraining runs are
 * submitted to); a predictor that logs predictions gets egress to the in-cluster sink.
 */
import type { ResolvedPlatformMonitoring } from '../../resolve/resolved-org.ts';
import { namespacePeer, tcpPorts } from '../tenancy/egress-rules.ts';

/** An in-cluster Service host: `<service>.<namespace>.svc[.cluster.local]`. */
const SERVICE_HOST = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?\.([a-z0-9]([-a-z0-9]*[a-z0-9])?)\.svc(\.cluster\.local)?$/;

/**
 * The egress rule reaching an in-cluster `http(s)://<service>.<namespace>.svc` URL: its port, in the
 * Service's namespace. Undefined for a URL outside the cluster (only a declared destination reaches
 * it: a host name says nothing a NetworkPolicy can match) or anything else.
 */
export function urlEgressRule(uri: string): Record<string, unknown> | undefined {
  if (!/^https?:\/\//.test(uri)) return undefined;
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return undefined;
  }
  const namespace = SERVICE_HOST.exec(url.hostname)?.[2];
  if (!namespace) return undefined;
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  return { ports: tcpPorts([port]), to: [namespacePeer(namespace)] };
}

/**
 * The `spec` of the NetworkPolicy letting pods with `podLabels` reach the platform's Pushgateway, the
 * source of logged predictions when it is in the cluster, and the declared destinations (`declared`,
 * from `workloadEgressRules(context, 'driftChecks')`).
 */
export function driftCheckEgressSpec(podLabels: Readonly<Record<string, string>>, pushgateway: ResolvedPlatformMonitoring['pushgateway'], inputsUri?: string, declared: readonly Record<string, unknown>[] = []): Record<string, unknown> {
  const inputs = inputsUri === undefined ? undefined : urlEgressRule(inputsUri);
  return {
    egress: [{ ports: tcpPorts([pushgateway.port]), to: [namespacePeer(pushgateway.namespace)] }, ...(inputs ? [inputs] : []), ...declared],
    podSelector: { matchLabels: { ...podLabels } },
    policyTypes: ['Egress'],
  };
}
