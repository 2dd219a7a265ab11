/**
 * Workload identity: how the pods that read model artifacts, datasets and baselines from object storage
 * get credentials (platform.yaml `identity`). Two forms, which may be combined:
 *
 * - `serviceAccountAnnotations` — cloud workload identity (EKS IRSA `eks.amazonaws.com/role-arn`, GKE
 *   `iam.gke.io/gcp-service-account`, …): the annotations go on the ServiceAccounts the pods run as,
 *   with `{team}`, `{environment}`, `{cluster}`, `{namespace}` filled in; the cloud's admission webhook
 *   gives the pods credentials from there. KServe's storage-initializer also reads the IRSA annotation
 *   from the predictor's ServiceAccount (`CreateSecretVolumeAndEnvFromServiceAccount`, KServe v0.20.0
 *   `pkg/credentials/service_account_credentials.go`).
 * - `secret` — a credentials Secret in the namespace: listed in the ServiceAccounts' `secrets`, which
 *   is where KServe's storage-initializer looks for credentials (same function: every
 *   `serviceAccount.Secrets` entry is mounted as S3/GCS/Azure credentials by its keys), and given to
 *   pipeline steps and drift checks as environment variables (`envFrom`).
 *
 * Serving pods and pipeline pods run as the namespace's workload ServiceAccount; each drift check has its own.
 */
import type { Platform } from '../config/types.generated.ts';

/** Placeholders identity values may use. */
export const IDENTITY_PLACEHOLDERS = ['team', 'environment', 'cluster', 'namespace'] as const;

/** What a placeholder stands for in one namespace. */
export type IdentityScope = Readonly<Record<(typeof IDENTITY_PLACEHOLDERS)[number], string>>;

/** `{name}` placeholders in identity values. */
export const PLACEHOLDER = /\{([^{}]*)\}/g;

/** `template` with each known placeholder replaced by its value in `scope`. */
export function fillPlaceholders(template: string, scope: IdentityScope): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(scope, name) ? scope[name as keyof IdentityScope] : whole));
}

/** The fields a workload ServiceAccount gets from the platform's identity: annotations and `secrets`. */
export function serviceAccountIdentity(platform: Pick<Platform, 'identity'>, scope: IdentityScope): { annotations: Record<string, string>; secrets?: { name: string }[] } {
  const identity = platform.identity;
  const annotations: Record<string, string> = {};
  for (const [key, value] of Object.entries(identity?.serviceAccountAnnotations ?? {})) annotations[key] = fillPlaceholders(value, scope);
  return { annotations, ...(identity?.secret ? { secrets: [{ name: fillPlaceholders(identity.secret, scope) }] } : {}) };
}

/** The `envFrom` entry giving a container the credentials Secret, when the platform declares one. */
export function credentialsEnvFrom(platform: Pick<Platform, 'identity'>, scope: IdentityScope): { secretRef: { name: string } }[] {
  return platform.identity?.secret ? [{ secretRef: { name: fillPlaceholders(platform.identity.secret, scope) } }] : [];
}

/** Whether the platform declares any workload identity. */
export function declaresIdentity(platform: Pick<Platform, 'identity'>): boolean {
  return platform.identity?.secret !== undefined || Object.keys(platform.identity?.serviceAccountAnnotations ?? {}).length > 0;
}

/** The placeholder values of a team's namespace on one cluster. */
export function identityScope(context: { readonly team: { readonly name: string }; readonly environment: { readonly name: string }; readonly cluster: { readonly name: string }; readonly namespace: string }): IdentityScope {
  return { team: context.team.name, environment: context.environment.name, cluster: context.cluster.name, namespace: context.namespace };
}
