/**
 * Argo CD Notifications wiring, so that the bot learns what Argo CD made of each deploy commit: per
 * cluster, an `argocd-notifications-cm` ConfigMap (in the Argo CD namespace) with a webhook service
 * calling the bot's `/argocd` endpoint with a bearer token, three triggers (synced and healthy, sync
 * failed, health degraded — once per revision) and their templates, whose JSON body carries the
 * Application's name, the synced revision (the deploy commit), the cluster and the deploy repo it syncs
 * from (`spec.source.repoURL`, so one bot can serve several deploy repos); and the
 * `notifications.argoproj.io/subscribe.<trigger>.<service>` annotations every Application carries.
 * The URL and token are references (`$mlops-argocd-url`, `$mlops-argocd-token`) that Argo CD fills in
 * from its `argocd-notifications-secret`: no secret is ever rendered into the deploy repo.
 */
import type { EmitOptions } from '../emit-org.ts';
import { renderObject } from '../render.ts';
import type { KubernetesObject, OutputFile } from '../manifest.ts';
import type { ResolvedOrg } from '../../resolve/resolved-org.ts';
import { selectedClusters } from '../selected-clusters.ts';

/** Name of the webhook service in `argocd-notifications-cm` (`service.webhook.<name>`). */
export const NOTIFICATION_SERVICE = 'mlops-deploy';

/** Keys of `argocd-notifications-secret` the service reads. */
export const NOTIFICATION_SECRET_KEYS = { url: 'mlops-argocd-url', token: 'mlops-argocd-token' } as const;

/** The events the bot receives, by the `event` field of the body, with their trigger names. */
export const NOTIFICATION_TRIGGERS = {
  'sync-succeeded': 'mlops-on-sync-succeeded',
  'sync-failed': 'mlops-on-sync-failed',
  'health-degraded': 'mlops-on-health-degraded',
} as const;

/** An event the notification body names. */
export type NotificationEvent = keyof typeof NOTIFICATION_TRIGGERS;

const CONDITIONS: Readonly<Record<NotificationEvent, { readonly when: string; readonly revision: string; readonly oncePer: string; readonly description: string }>> = {
  'sync-succeeded': {
    when: "app.status.operationState != nil and app.status.operationState.phase in ['Succeeded'] and app.status.health.status == 'Healthy'",
    revision: '{{.app.status.operationState.syncResult.revision}}',
    oncePer: 'app.status.operationState?.syncResult?.revision',
    description: 'Synced and healthy, once per deploy commit (Cirrus MLOps marks the deployment successful and records synced)',
  },
  'sync-failed': {
    when: "app.status.operationState != nil and app.status.operationState.phase in ['Error', 'Failed']",
    revision: '{{.app.status.operationState.syncResult.revision}}',
    oncePer: 'app.status.operationState?.syncResult?.revision',
    description: 'Sync failed, once per deploy commit (Cirrus MLOps marks the deployment failed and records degraded)',
  },
  'health-degraded': {
    when: "app.status.health.status == 'Degraded'",
    revision: '{{.app.status.sync.revision}}',
    oncePer: 'app.status.sync.revision',
    description: 'Health degraded, once per deploy commit (Cirrus MLOps marks the deployment failed and records degraded)',
  },
};

/** ConfigMap name Argo CD Notifications reads. */
export const NOTIFICATIONS_CONFIG_MAP = 'argocd-notifications-cm';

/** The annotations subscribing an Application to the three triggers through the webhook service. */
export function notificationSubscriptions(): Record<string, string> {
  const annotations: Record<string, string> = {};
  for (const trigger of Object.values(NOTIFICATION_TRIGGERS).sort()) annotations[`notifications.argoproj.io/subscribe.${trigger}.${NOTIFICATION_SERVICE}`] = '';
  return annotations;
}

function templateName(event: NotificationEvent): string {
  return `mlops-${event}`;
}

/** The notifications ConfigMap of one cluster. */
export function notificationsConfigMap(org: ResolvedOrg, cluster: string): KubernetesObject {
  const data: Record<string, string> = {
    [`service.webhook.${NOTIFICATION_SERVICE}`]: [
      `url: $${NOTIFICATION_SECRET_KEYS.url}`,
      'headers:',
      '- name: Authorization',
      `  value: Bearer $${NOTIFICATION_SECRET_KEYS.token}`,
      '- name: Content-Type',
      '  value: application/json',
      '',
    ].join('\n'),
  };
  for (const [event, trigger] of Object.entries(NOTIFICATION_TRIGGERS) as [NotificationEvent, string][]) {
    const condition = CONDITIONS[event];
    data[`trigger.${trigger}`] = [`- description: ${condition.description}`, `  when: ${condition.when}`, `  oncePer: ${condition.oncePer}`, `  send: [${templateName(event)}]`, ''].join('\n');
    const body = `{"event":"${event}","app":"{{.app.metadata.name}}","revision":"${condition.revision}","cluster":${JSON.stringify(cluster)},"repoURL":"{{.app.spec.source.repoURL}}","phase":"{{.app.status.operationState.phase}}","health":"{{.app.status.health.status}}"}`;
    data[`template.${templateName(event)}`] = ['webhook:', `  ${NOTIFICATION_SERVICE}:`, '    method: POST', `    body: '${body}'`, ''].join('\n');
  }
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: NOTIFICATIONS_CONFIG_MAP, namespace: org.platform.gitops.argocdNamespace, labels: { 'app.kubernetes.io/component': 'gitops', 'app.kubernetes.io/managed-by': 'cirrus-mlops', 'app.kubernetes.io/name': NOTIFICATIONS_CONFIG_MAP } },
    data,
  };
}

/** Folder of the notifications ConfigMap under `argocd/<cluster>/` (beside the teams' folders). */
export const NOTIFICATIONS_FOLDER = 'argocd-notifications';

/**
 * One `argocd/<cluster>/argocd-notifications/configmap-argocd-notifications-cm.<yaml|json>` per cluster
 * of the platform (narrowed like the teams' output by `--env` and `--cluster`).
 */
export function notificationsFiles(org: ResolvedOrg, options: EmitOptions = {}): OutputFile[] {
  const format = options.format ?? 'yaml';
  return selectedClusters(org, options).map((cluster) => ({ path: `argocd/${cluster}/${NOTIFICATIONS_FOLDER}/configmap-${NOTIFICATIONS_CONFIG_MAP}.${format}`, content: renderObject(notificationsConfigMap(org, cluster), format) }));
}
