/**
 * Pipeline pods' workload identity (see `resolve/workload-identity.ts`): Argo runs every pod of a
 * workflow as `spec.serviceAccountName` (the executor's own token comes from `executor.serviceAccountName`),
 * so the WorkflowTemplate names the namespace's workload ServiceAccount, which carries the platform's
 * identity annotations; with a credentials Secret, every step container also gets it as `envFrom`.
 */
import type { Platform } from '../../config/types.generated.ts';
import { WORKLOAD_SERVICE_ACCOUNT } from '../tenancy/rbac.ts';
import { credentialsEnvFrom, type IdentityScope } from '../../resolve/workload-identity.ts';

/** `spec` of a WorkflowTemplate with the workload ServiceAccount and, on container templates, the credentials Secret. */
export function withPipelineIdentity(spec: Record<string, unknown>, platform: Pick<Platform, 'identity'>, scope: IdentityScope): Record<string, unknown> {
  const envFrom = credentialsEnvFrom(platform, scope);
  const templates = (spec.templates as Record<string, unknown>[]).map((template) => {
    const container = template.container as Record<string, unknown> | undefined;
    if (!container || envFrom.length === 0) return template;
    return { ...template, container: { ...container, envFrom: [...((container.envFrom as unknown[] | undefined) ?? []), ...envFrom] } };
  });
  return { ...spec, serviceAccountName: WORKLOAD_SERVICE_ACCOUNT, templates };
}
