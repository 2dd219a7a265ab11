import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { NOTIFICATION_TRIGGERS, notificationSubscriptions, notificationsConfigMap, notificationsFiles } from '../../../compiler/emit/gitops/argocd-notifications.ts';
import { emitGitOps } from '../../../compiler/emit/gitops/emit-gitops.ts';
import { validateKubernetesObjects } from '../../support/kubernetes-schemas.ts';
import { contextFor, emitWith, objectOf, resolveExample } from '../pipelines/example-org.ts';

describe('Argo CD notifications wiring', () => {
  const org = resolveExample();

  it('emits one notifications ConfigMap per cluster, in the Argo CD namespace, that validates', () => {
    const files = notificationsFiles(org);
    expect(files.map((file) => file.path)).toEqual(['dev-eu', 'prod-eu', 'prod-us', 'stg-eu'].map((cluster) => `argocd/${cluster}/argocd-notifications/configmap-argocd-notifications-cm.yaml`));
    expect(notificationsFiles(org, { environments: ['prod'], clusters: ['prod-us'], format: 'json' }).map((file) => file.path)).toEqual(['argocd/prod-us/argocd-notifications/configmap-argocd-notifications-cm.json']);
    const configMap = notificationsConfigMap(org, 'prod-eu');
    expect(configMap.metadata).toMatchObject({ name: 'argocd-notifications-cm', namespace: 'argocd' });
    expect(validateKubernetesObjects([configMap])).toEqual([]);
    expect(parse(files[1]!.content)).toEqual(JSON.parse(JSON.stringify(configMap)));
  });

  it('calls the bot with a bearer token taken from the notifications secret, never rendered', () => {
    const data = notificationsConfigMap(org, 'prod-eu').data as Record<string, string>;
    expect(parse(data['service.webhook.mlops-deploy']!)).toEqual({
      url: '$mlops-argocd-url',
      headers: [
        { name: 'Authorization', value: 'Bearer $mlops-argocd-token' },
        { name: 'Content-Type', value: 'application/json' },
      ],
    });
  });

  it('has a trigger and a template per event whose body names the event, app, revision and cluster', () => {
    const data = notificationsConfigMap(org, 'prod-eu').data as Record<string, string>;
    for (const [event, trigger] of Object.entries(NOTIFICATION_TRIGGERS)) {
      const [condition] = parse(data[`trigger.${trigger}`]!) as { when: string; oncePer: string; send: string[] }[];
      expect(condition!.send).toEqual([`mlops-${event}`]);
      expect(condition!.oncePer).toMatch(/revision$/);
      const template = parse(data[`template.mlops-${event}`]!) as { webhook: { 'mlops-deploy': { method: string; body: string } } };
      expect(template.webhook['mlops-deploy'].method).toBe('POST');
      const body = template.webhook['mlops-deploy'].body.replace(/\{\{[^}]+\}\}/g, 'x');
      expect(JSON.parse(body)).toEqual({ event, app: 'x', revision: 'x', cluster: 'prod-eu', repoURL: 'x', phase: 'x', health: 'x' });
      expect(template.webhook['mlops-deploy'].body).toContain('"repoURL":"{{.app.spec.source.repoURL}}"');
    }
  });

  it('names the deploy repo by the repoURL the Applications sync from, so the bot can route the notification', () => {
    // Argo CD v3.5.1 renders templates over the Application object as `.app`; its own GitHub commit-status
    // example reads `.app.spec.source.repoURL` (docs/operator-manual/notifications/services/webhook.md).
    const objects = emitWith(emitGitOps, contextFor(org, 'fraud', 'prod-eu'));
    const application = objectOf(objects, 'Application', 'fraud-prod-eu') as unknown as { spec: { source: { repoURL: string }; sources?: unknown } };
    expect(application.spec.sources).toBeUndefined();
    expect(application.spec.source.repoURL).toBe(org.platform.gitops.repoURL);
  });

  it('subscribes every Application (not the AppProject) to the three triggers', () => {
    const objects = emitWith(emitGitOps, contextFor(org, 'fraud', 'prod-eu'));
    expect(objectOf(objects, 'Application', 'fraud-prod-eu').metadata.annotations).toEqual({ 'mlops.cirruslabs.io/source': 'teams/fraud/mlops.yaml:3', ...notificationSubscriptions() });
    expect(Object.keys(notificationSubscriptions())).toEqual([
      'notifications.argoproj.io/subscribe.mlops-on-health-degraded.mlops-deploy',
      'notifications.argoproj.io/subscribe.mlops-on-sync-failed.mlops-deploy',
      'notifications.argoproj.io/subscribe.mlops-on-sync-succeeded.mlops-deploy',
    ]);
    expect(objectOf(objects, 'AppProject', 'fraud-prod-eu').metadata.annotations).toEqual({ 'mlops.cirruslabs.io/source': 'teams/fraud/mlops.yaml:3' });
  });
});
