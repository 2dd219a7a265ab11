/**
 * What team owners may do in a namespace, per access level (platform.yaml `environments.<env>.access`):
 *  - `read`: get/list/watch what Cirrus MLOps deploys, pod logs and events. No Secrets, no exec, nothing
 *    that starts a pod: creating a Workflow runs any image with the namespace's Secrets mounted, which is
 *    reading them by proxy.
 *  - `operate`: also submit, stop and delete pipeline runs (Workflows), suspend CronWorkflows, and delete
 *    pods (a restart; the controller recreates them).
 *  - `develop`: also exec into and port-forward to pods.
 * Objects Argo CD syncs from git are never writable here: a change would be reverted by self-heal.
 */
import type { OwnerAccessLevel } from '../../resolve/resolved-org.ts';

/** One PolicyRule of a Role. */
export interface PolicyRule {
  readonly apiGroups: readonly string[];
  readonly resources: readonly string[];
  readonly verbs: readonly string[];
}

const READ = ['get', 'list', 'watch'];

/** Read access to what Cirrus MLOps deploys into a team namespace, pod logs and events. */
export const READ_RULES: readonly PolicyRule[] = [
  { apiGroups: [''], resources: ['configmaps', 'endpoints', 'events', 'limitranges', 'pods', 'pods/log', 'resourcequotas', 'serviceaccounts', 'services'], verbs: READ },
  { apiGroups: ['apps'], resources: ['deployments', 'replicasets'], verbs: READ },
  { apiGroups: ['argoproj.io'], resources: ['cronworkflows', 'workflows', 'workflowtemplates'], verbs: READ },
  { apiGroups: ['autoscaling'], resources: ['horizontalpodautoscalers'], verbs: READ },
  { apiGroups: ['batch'], resources: ['cronjobs', 'jobs'], verbs: READ },
  { apiGroups: ['events.k8s.io'], resources: ['events'], verbs: READ },
  { apiGroups: ['gateway.networking.k8s.io'], resources: ['httproutes'], verbs: READ },
  { apiGroups: ['keda.sh'], resources: ['scaledobjects'], verbs: READ },
  { apiGroups: ['monitoring.coreos.com'], resources: ['podmonitors', 'prometheusrules', 'servicemonitors'], verbs: READ },
  { apiGroups: ['networking.k8s.io'], resources: ['networkpolicies'], verbs: READ },
  { apiGroups: ['policy'], resources: ['poddisruptionbudgets'], verbs: READ },
  { apiGroups: ['serving.kserve.io'], resources: ['inferenceservices', 'servingruntimes', 'trainedmodels'], verbs: READ },
];

/** What `operate` adds: run, stop and delete pipeline runs; suspend schedules; restart pods. */
export const OPERATE_RULES: readonly PolicyRule[] = [
  { apiGroups: [''], resources: ['pods'], verbs: ['delete'] },
  { apiGroups: ['argoproj.io'], resources: ['cronworkflows'], verbs: ['patch'] },
  { apiGroups: ['argoproj.io'], resources: ['workflows'], verbs: ['create', 'delete', 'patch'] },
];

/** What `develop` adds: a shell in and a tunnel to pods. */
export const DEVELOP_RULES: readonly PolicyRule[] = [{ apiGroups: [''], resources: ['pods/exec', 'pods/portforward'], verbs: ['create'] }];

/** The Role rules of an access level (each level includes the ones below it). */
export function ownerRules(level: OwnerAccessLevel): PolicyRule[] {
  const rules = [...READ_RULES, ...(level === 'read' ? [] : OPERATE_RULES), ...(level === 'develop' ? DEVELOP_RULES : [])];
  return rules.map((rule) => ({ apiGroups: [...rule.apiGroups], resources: [...rule.resources], verbs: [...rule.verbs] }));
}
