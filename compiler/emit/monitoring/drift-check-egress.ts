/**
 * The drift check's one network allowance beyond the namespace defaults (DNS and HTTPS egress): pushing
 * its results to the Pushgateway. Team namespaces deny all traffic by default (tenancy).
 */
import type { ResolvedPlatformMonitoring } from '../../resolve/resolved-org.ts';

/** The `spec` of the NetworkPolicy letting pods with `podLabels` reach the platform's Pushgateway. */
export function driftCheckEgressSpec(podLabels: Readonly<Record<string, string>>, pushgateway: ResolvedPlatformMonitoring['pushgateway']): Record<string, unknown> {
  return {
    egress: [
      {
        ports: [{ port: pushgateway.port, protocol: 'TCP' }],
        to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': pushgateway.namespace } } }],
      },
    ],
    podSelector: { matchLabels: { ...podLabels } },
    policyTypes: ['Egress'],
  };
}
