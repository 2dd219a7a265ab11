/**
 * Every namespace belongs to one team. Namespaces are `<team>-<environment>`, so team `t` in
 * environment `x-dev` and team `t-x` in environment `dev` would share `t-x-dev` (and both AppProjects
 * would claim it): that is reported at both teams (ML329). A team may not take a namespace the platform
 * itself runs in, nor one Kubernetes reserves (`default`, `kube-*`) (ML330).
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { diagnosticAt } from '../../diagnostics/report.ts';
import { SERVING_INGRESS_NAMESPACES } from '../../support/serving-infrastructure.ts';
import type { ValidatedConfig, ValidTeamFile } from '../validated-config.ts';
import type { PlatformIndex } from './platform-index.ts';


function platformNamespaces(config: ValidatedConfig): Map<string, string> {
  const platform = config.platform.config;
  const reserved = new Map<string, string>([
    ['default', 'Kubernetes'],
    [platform.gitops?.argocdNamespace ?? 'argocd', 'Argo CD'],
    [platform.monitoring?.pushgateway?.namespace ?? 'monitoring', 'the Prometheus Pushgateway'],
  ]);
  for (const namespace of SERVING_INGRESS_NAMESPACES) if (!reserved.has(namespace)) reserved.set(namespace, 'the serving stack');
  return reserved;
}

/** Namespace collisions between teams and with the platform's own namespaces. */
export function namespaceOwnershipDiagnostics(config: ValidatedConfig, index: PlatformIndex): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const reserved = platformNamespaces(config);
  const owners = new Map<string, { team: ValidTeamFile; environment: string }>();
  const reported = new Set<ValidTeamFile>();
  for (const team of config.teams) {
    const name = team.config.metadata.name;
    let reservedReported = false;
    for (const environment of index.environmentNames) {
      const namespace = `${name}-${environment}`;
      const platformOwner = namespace.startsWith('kube-') ? 'Kubernetes' : reserved.get(namespace);
      if (platformOwner) {
        // One report per team: renaming it fixes every environment at once.
        if (!reservedReported) diagnostics.push(diagnosticAt(team.file, ['metadata', 'name'], 'ML330', `Team \`${name}\` in environment \`${environment}\` would get namespace \`${namespace}\`, which belongs to ${platformOwner}.`, { hint: 'Rename the team.' }));
        reservedReported = true;
        continue;
      }
      const earlier = owners.get(namespace);
      if (!earlier) {
        owners.set(namespace, { team, environment });
        continue;
      }
      if (earlier.team === team) continue;
      const other = earlier.team.config.metadata.name;
      const message = (self: string, selfEnvironment: string, them: string, themEnvironment: string, file: string) =>
        `Namespace \`${namespace}\` would belong to two teams: \`${self}\` in environment \`${selfEnvironment}\` and \`${them}\` in environment \`${themEnvironment}\` (${file}).`;
      diagnostics.push(diagnosticAt(team.file, ['metadata', 'name'], 'ML329', message(name, environment, other, earlier.environment, earlier.team.file.path), { hint: 'Rename one of the teams (or the environment) so every namespace has one owner.' }));
      if (!reported.has(earlier.team)) {
        reported.add(earlier.team);
        diagnostics.push(diagnosticAt(earlier.team.file, ['metadata', 'name'], 'ML329', message(other, earlier.environment, name, environment, team.file.path), { hint: 'Rename one of the teams (or the environment) so every namespace has one owner.' }));
      }
    }
  }
  return diagnostics;
}
