/**
 * The drift check's network allowances beyond the namespace defaults (DNS and HTTPS egress): pushing
 * its results to the Pushgateway and reading logged predictions from an `http(s)://` source. Team namespaces deny all traffic by default (tenancy).
 */
import type { ResolvedPlatformMonitoring } from '../../resolve/resolved-org.ts';

/** An in-cluster Service host: `<service>.<namespace>.svc[.cluster.local]`. */
const SERVICE_HOST = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?\.([a-z0-9]([-a-z0-9]*[a-z0-9])?)\.svc(\.cluster\.local)?$/;

/**
 * The egress rule reaching an `http(s)://` URL: its port, in the Service's namespace for an in-cluster
 * host, anywhere otherwise; none for a local path or HTTPS on 443 (the namespace default allows it).
 */
export function urlEgressRule(uri: string): Record<string, unknown> | undefined {
  if (!/^https?:\/\//.test(uri)) return undefined;
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return undefined;
  }
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  const namespace = SERVICE_HOST.exec(url.hostname)?.[2];
  if (port === 443 && !namespace) return undefined;
  return { ports: [{ port, protocol: 'TCP' }], ...(namespace ? { to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': namespace } } }] } : {}) };
}

/**
 * The `spec` of the NetworkPolicy letting pods with `podLabels` reach the platform's Pushgateway and,
 * when it is a URL, the source of logged predictions.
 */
export function driftCheckEgressSpec(podLabels: Readonly<Record<string, string>>, pushgateway: ResolvedPlatformMonitoring['pushgateway'], inputsUri?: string): Record<string, unknown> {
  const inputs = inputsUri === undefined ? undefined : urlEgressRule(inputsUri);
  return {
    egress: [
      {
        ports: [{ port: pushgateway.port, protocol: 'TCP' }],
        to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': pushgateway.namespace } } }],
      },
      ...(inputs ? [inputs] : []),
    ],
    podSelector: { matchLabels: { ...podLabels } },
    policyTypes: ['Egress'],
  };
}
