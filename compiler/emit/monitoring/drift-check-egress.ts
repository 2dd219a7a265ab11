/**
 * The drift check's one network allowance beyond the namespace defaults (DNS and HTTPS egress): pushing
 * its results to the Pushgateway. Team namespaces deny all traffic by default (tenancy).
 */
import { PUSHGATEWAY } from './serving-metrics.ts';

/** The `spec` of the NetworkPolicy letting pods with `podLabels` reach the Pushgateway. */
export function driftCheckEgressSpec(podLabels: Readonly<Record<string, string>>): Record<string, unknown> {
  return {
    egress: [
      {
        ports: [{ port: PUSHGATEWAY.port, protocol: 'TCP' }],
        to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': PUSHGATEWAY.namespace } } }],
      },
    ],
    podSelector: { matchLabels: { ...podLabels } },
    policyTypes: ['Egress'],
  };
}
