/**
 * Secure pod defaults shared by every emit builder: non-root, read-only root filesystem, no
 * privilege escalation, every capability dropped, seccomp `RuntimeDefault`, no service-account token
 * unless the pod needs one, requests and limits on every container, probes on serving containers.
 * Everything here is plain Kubernetes JSON, so builders using raw ApiObjects and cdk8s-plus alike
 * can use it.
 */
import type { ResolvedResources } from '../resolve/resolved-org.ts';
import { compareCodePoints } from '../support/compare-code-points.ts';

/** UID and GID pods run as (an unprivileged, non-system id). */
export const NON_ROOT_ID = 10001;

/** Extended resource name of NVIDIA GPUs. */
export const GPU_RESOURCE = 'nvidia.com/gpu';

/** Name and mount path of the writable scratch volume (the root filesystem is read-only). */
export const SCRATCH_VOLUME = { name: 'tmp', mountPath: '/tmp' } as const;

/** Container `securityContext` meeting the Kubernetes "restricted" Pod Security Standard. */
export function restrictedContainerSecurityContext(): Record<string, unknown> {
  return {
    allowPrivilegeEscalation: false,
    capabilities: { drop: ['ALL'] },
    privileged: false,
    readOnlyRootFilesystem: true,
    runAsGroup: NON_ROOT_ID,
    runAsNonRoot: true,
    runAsUser: NON_ROOT_ID,
    seccompProfile: { type: 'RuntimeDefault' },
  };
}

/** Pod `securityContext` meeting the "restricted" Pod Security Standard. */
export function restrictedPodSecurityContext(): Record<string, unknown> {
  return {
    fsGroup: NON_ROOT_ID,
    runAsGroup: NON_ROOT_ID,
    runAsNonRoot: true,
    runAsUser: NON_ROOT_ID,
    seccompProfile: { type: 'RuntimeDefault' },
  };
}

/** Container `resources`: requests and limits always set; GPUs requested and limited alike. */
export function containerResources(resources: ResolvedResources): { requests: Record<string, string>; limits: Record<string, string> } {
  const requests: Record<string, string> = { cpu: resources.cpu, memory: resources.memory };
  const limits: Record<string, string> = { cpu: resources.limits.cpu, memory: resources.limits.memory };
  if (resources.gpu > 0) {
    requests[GPU_RESOURCE] = String(resources.gpu);
    limits[GPU_RESOURCE] = String(resources.gpu);
  }
  return { requests, limits };
}

/** Readiness and liveness probes of a model server (KServe's open inference protocol health paths). */
export function servingProbes(port: number): { readinessProbe: Record<string, unknown>; livenessProbe: Record<string, unknown> } {
  return {
    readinessProbe: { httpGet: { path: '/v2/health/ready', port }, initialDelaySeconds: 5, periodSeconds: 10, failureThreshold: 3 },
    livenessProbe: { httpGet: { path: '/v2/health/live', port }, initialDelaySeconds: 15, periodSeconds: 20, failureThreshold: 3 },
  };
}

/** The scratch `emptyDir` volume and its mount, so servers can write temporary files. */
export function scratchVolume(): { volume: Record<string, unknown>; mount: Record<string, unknown> } {
  return {
    volume: { name: SCRATCH_VOLUME.name, emptyDir: { sizeLimit: '1Gi' } },
    mount: { name: SCRATCH_VOLUME.name, mountPath: SCRATCH_VOLUME.mountPath },
  };
}

/** What a secured container needs beyond its own fields. */
export interface SecureContainerInput {
  readonly name: string;
  readonly image: string;
  readonly resources: ResolvedResources;
  readonly command?: readonly string[];
  readonly args?: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  /** Serving port: adds the port and readiness/liveness probes. */
  readonly servingPort?: number;
}

/** A container with the secure defaults applied (env sorted by name; scratch volume mounted at /tmp). */
export function secureContainer(input: SecureContainerInput): Record<string, unknown> {
  const container: Record<string, unknown> = {
    name: input.name,
    image: input.image,
    imagePullPolicy: 'IfNotPresent',
    resources: containerResources(input.resources),
    securityContext: restrictedContainerSecurityContext(),
    volumeMounts: [scratchVolume().mount],
  };
  if (input.command && input.command.length > 0) container.command = [...input.command];
  if (input.args && input.args.length > 0) container.args = [...input.args];
  const env = Object.entries(input.env ?? {}).sort(([a], [b]) => compareCodePoints(a, b));
  if (env.length > 0) container.env = env.map(([name, value]) => ({ name, value }));
  if (input.servingPort !== undefined) {
    container.ports = [{ name: 'http', containerPort: input.servingPort, protocol: 'TCP' }];
    Object.assign(container, servingProbes(input.servingPort));
  }
  return container;
}

/** Pod-level secure defaults: security context, no service-account token unless `needsToken`, scratch volume. */
export function securePodDefaults(options: { readonly needsToken?: boolean; readonly serviceAccountName?: string } = {}): Record<string, unknown> {
  return {
    automountServiceAccountToken: options.needsToken === true,
    securityContext: restrictedPodSecurityContext(),
    ...(options.serviceAccountName ? { serviceAccountName: options.serviceAccountName } : {}),
    volumes: [scratchVolume().volume],
  };
}
