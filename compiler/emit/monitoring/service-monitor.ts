/** The prometheus-operator ServiceMonitor that scrapes one deployment's serving pods. */
import type { ResolvedPlacement } from '../../resolve/resolved-org.ts';
import { MLOPS_DOMAIN } from '../labels.ts';
import { DEPLOYMENT_LABEL, SERVING_METRICS_PATH, SERVING_METRICS_PORT } from './serving-metrics.ts';

/**
 * The `spec` of a placement's ServiceMonitor: selects the serving Services by their standard labels in
 * the placement's namespace, scrapes the `http` port every 30 s and adds the deployment label.
 */
export function serviceMonitorSpec(placement: ResolvedPlacement): Record<string, unknown> {
  return {
    endpoints: [
      {
        interval: '30s',
        path: SERVING_METRICS_PATH,
        port: SERVING_METRICS_PORT,
        relabelings: [{ action: 'replace', replacement: placement.deployment, targetLabel: DEPLOYMENT_LABEL }],
      },
    ],
    namespaceSelector: { matchNames: [placement.namespace] },
    selector: {
      matchLabels: {
        'app.kubernetes.io/component': 'serving',
        'app.kubernetes.io/name': placement.deployment,
        [`${MLOPS_DOMAIN}/team`]: placement.team,
      },
    },
  };
}
