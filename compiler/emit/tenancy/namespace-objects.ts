/** The namespace of a team in an environment, its ResourceQuota and its LimitRange. */
import { ApiObject, type Chart, JsonPatch } from 'cdk8s';
import type { Quota } from '../../config/types.generated.ts';
import { DEFAULT_RESOURCES } from '../../resolve/resolve-platform.ts';
import { sourceAnnotations, standardLabels } from '../labels.ts';
import { GPU_RESOURCE } from '../security-context.ts';
import type { TeamClusterContext } from '../team-cluster-context.ts';
import { constructId } from '../construct-id.ts';

/** Name of the ResourceQuota in every team namespace. */
export const QUOTA_NAME = 'team-quota';

/** Name of the LimitRange in every team namespace. */
export const LIMIT_RANGE_NAME = 'container-defaults';

function tenancyLabels(context: TeamClusterContext, name: string): Record<string, string> {
  return standardLabels({ team: context.team.name, name, component: 'tenancy', environment: context.environment.name });
}

/** Pod Security Standards version the namespace labels pin (the rules `test/realism/pod-security.test.ts` encodes). */
export const POD_SECURITY_VERSION = 'v1.34';

/**
 * Pod Security admission labels: `enforce` at platform.yaml `podSecurity.enforce` (default `restricted`),
 * `warn` and `audit` always at `restricted`, each pinned to {@link POD_SECURITY_VERSION}.
 */
export function podSecurityLabels(enforce: 'restricted' | 'baseline'): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [mode, level] of [['audit', 'restricted'], ['enforce', enforce], ['warn', 'restricted']] as const) {
    labels[`pod-security.kubernetes.io/${mode}`] = level;
    labels[`pod-security.kubernetes.io/${mode}-version`] = POD_SECURITY_VERSION;
  }
  return labels;
}

/** The Namespace, labelled with its Pod Security levels ({@link podSecurityLabels}). */
export function emitNamespace(chart: Chart, context: TeamClusterContext): void {
  const namespace = new ApiObject(chart, constructId(chart, `namespace-${context.namespace}`), {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: context.namespace,
      labels: {
        ...tenancyLabels(context, context.team.name),
        ...podSecurityLabels(context.org.platform.podSecurity.enforce),
      },
      annotations: sourceAnnotations(context.org, { file: context.team.file, path: ['metadata', 'name'] }),
    },
  });
  // Namespaces are cluster-scoped: drop the chart's default namespace.
  namespace.addJsonPatch(JsonPatch.remove('/metadata/namespace'));
}

/** The quota the platform sets for this team (`quotas.teams.<team>`, else `quotas.perTeam`), with its source. */
export function teamQuota(context: TeamClusterContext): { quota: Quota; path: (string | number)[] } | undefined {
  const { quotas } = context.org.platform;
  const own = quotas.teams[context.team.name];
  if (own) return { quota: own, path: ['quotas', 'teams', context.team.name] };
  return quotas.perTeam ? { quota: quotas.perTeam, path: ['quotas', 'perTeam'] } : undefined;
}

/** The ResourceQuota, when the platform declares one for the team. */
export function emitResourceQuota(chart: Chart, context: TeamClusterContext): void {
  const declared = teamQuota(context);
  if (!declared) return;
  const hard: Record<string, string> = {};
  if (declared.quota.cpu !== undefined) hard['requests.cpu'] = String(declared.quota.cpu);
  if (declared.quota.memory !== undefined) hard['requests.memory'] = String(declared.quota.memory);
  if (declared.quota.gpu !== undefined) hard[`requests.${GPU_RESOURCE}`] = String(declared.quota.gpu);
  if (declared.quota.pods !== undefined) hard.pods = String(declared.quota.pods);
  if (Object.keys(hard).length === 0) return;
  new ApiObject(chart, constructId(chart, `resourcequota-${context.namespace}`), {
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: {
      name: QUOTA_NAME,
      namespace: context.namespace,
      labels: tenancyLabels(context, QUOTA_NAME),
      annotations: sourceAnnotations(context.org, { file: context.org.platform.file ?? 'platform.yaml', path: declared.path }),
    },
    spec: { hard },
  });
}

/** The LimitRange giving containers that declare nothing the default requests and limits. */
export function emitLimitRange(chart: Chart, context: TeamClusterContext): void {
  new ApiObject(chart, constructId(chart, `limitrange-${context.namespace}`), {
    apiVersion: 'v1',
    kind: 'LimitRange',
    metadata: {
      name: LIMIT_RANGE_NAME,
      namespace: context.namespace,
      labels: tenancyLabels(context, LIMIT_RANGE_NAME),
      annotations: sourceAnnotations(context.org, { file: context.team.file, path: ['metadata', 'name'] }),
    },
    spec: {
      limits: [
        {
          type: 'Container',
          default: { cpu: DEFAULT_RESOURCES.limits.cpu, memory: DEFAULT_RESOURCES.limits.memory },
          defaultRequest: { cpu: DEFAULT_RESOURCES.cpu, memory: DEFAULT_RESOURCES.memory },
        },
      ],
    },
  });
}
