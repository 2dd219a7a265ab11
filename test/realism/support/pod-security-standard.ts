/**
 * The Kubernetes Pod Security Standards, "restricted" level (which includes "baseline"), as of
 * Kubernetes 1.34: one function per check of k8s.io/pod-security-admission v0.34.1 `policy/check_*.go`,
 * each returning why a pod fails it. Written from the checks' documented rules and code (facts, not
 * code, carried over); Windows-only relaxations apply when `spec.os.name` is `windows`, user-namespace
 * relaxations (`relaxPolicyForUserNamespacePod`) when `spec.hostUsers` is false.
 */

/** Decoded YAML read field by field: every check treats an absent field as unset, as the upstream checks treat nil. */
// biome-ignore lint/suspicious/noExplicitAny: manifests are untyped YAML; one alias instead of a cast at every field.
export type Yaml = any;

/** A container as plain data. */
export type Container = Record<string, Yaml> & { name?: string };

/** A pod as plain data: `metadata` (annotations) and `spec`. */
export interface Pod {
  readonly metadata?: { readonly annotations?: Readonly<Record<string, string>> };
  readonly spec: Record<string, Yaml>;
}

/** One failed check: its id (the upstream `Check.ID`) and what is wrong. */
export interface PodSecurityViolation {
  readonly check: string;
  readonly detail: string;
}

type Check = (pod: Pod) => string[];

/** `visitContainers`: containers, init containers and ephemeral containers. */
function containers(pod: Pod): Container[] {
  return [...(pod.spec.containers ?? []), ...(pod.spec.initContainers ?? []), ...(pod.spec.ephemeralContainers ?? [])];
}

const isWindows = (pod: Pod): boolean => pod.spec.os?.name === 'windows';
const inUserNamespace = (pod: Pod): boolean => pod.spec.hostUsers === false;
const named = (container: Container): string => `container "${container.name ?? '?'}"`;

/** check_privileged.go: `securityContext.privileged` false or unset. */
const privileged: Check = (pod) => containers(pod).filter((c) => c.securityContext?.privileged === true).map((c) => `${named(c)} is privileged`);

/** check_hostNamespaces.go: hostNetwork, hostPID, hostIPC false or unset. */
const hostNamespaces: Check = (pod) => (['hostNetwork', 'hostPID', 'hostIPC'] as const).filter((field) => pod.spec[field] === true).map((field) => `${field}=true`);

/** check_hostPathVolumes.go: no hostPath volumes. */
const hostPathVolumes: Check = (pod) => (pod.spec.volumes ?? []).filter((volume: Yaml) => volume.hostPath !== undefined).map((volume: Yaml) => `volume "${volume.name}" is hostPath`);

/** check_hostPorts.go: container ports' `hostPort` 0 or unset. */
const hostPorts: Check = (pod) =>
  containers(pod).flatMap((c) => (c.ports ?? []).filter((port: Yaml) => (port.hostPort ?? 0) !== 0).map((port: Yaml) => `${named(c)} uses hostPort ${port.hostPort}`));

/** check_capabilities_baseline.go: added capabilities within the default set. */
const BASELINE_CAPABILITIES = new Set(['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT']);
const capabilitiesBaseline: Check = (pod) =>
  containers(pod).flatMap((c) => (c.securityContext?.capabilities?.add ?? []).filter((cap: string) => !BASELINE_CAPABILITIES.has(cap)).map((cap: string) => `${named(c)} adds ${cap}`));

/** check_seLinuxOptions.go (1.31+ types): type in the allowed set, user and role unset. */
const SELINUX_TYPES = new Set(['', 'container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t']);
const seLinuxOptions: Check = (pod) => {
  const problems: string[] = [];
  const check = (where: string, options: Yaml) => {
    if (!options) return;
    if (options.type !== undefined && !SELINUX_TYPES.has(options.type)) problems.push(`${where} seLinuxOptions.type "${options.type}"`);
    if (options.user) problems.push(`${where} seLinuxOptions.user`);
    if (options.role) problems.push(`${where} seLinuxOptions.role`);
  };
  check('pod', pod.spec.securityContext?.seLinuxOptions);
  for (const c of containers(pod)) check(named(c), c.securityContext?.seLinuxOptions);
  return problems;
};

/** check_procMount.go: `procMount` Default or unset (Yaml value in a user namespace). */
const procMount: Check = (pod) =>
  inUserNamespace(pod) ? [] : containers(pod).filter((c) => c.securityContext?.procMount !== undefined && c.securityContext.procMount !== 'Default').map((c) => `${named(c)} procMount ${c.securityContext.procMount}`);

/** check_seccompProfile_baseline.go: no `Unconfined` profile anywhere. */
const seccompBaseline: Check = (pod) => [
  ...(pod.spec.securityContext?.seccompProfile?.type === 'Unconfined' ? ['pod seccompProfile Unconfined'] : []),
  ...containers(pod).filter((c) => c.securityContext?.seccompProfile?.type === 'Unconfined').map((c) => `${named(c)} seccompProfile Unconfined`),
];

/** check_appArmorProfile.go: no `Unconfined` AppArmor profile (fields or the beta annotations). */
const appArmorProfile: Check = (pod) => [
  ...Object.entries(pod.metadata?.annotations ?? {})
    .filter(([key, value]) => key.startsWith('container.apparmor.security.beta.kubernetes.io/') && value !== 'runtime/default' && !value.startsWith('localhost/'))
    .map(([key, value]) => `annotation ${key}=${value}`),
  ...(pod.spec.securityContext?.appArmorProfile?.type === 'Unconfined' ? ['pod appArmorProfile Unconfined'] : []),
  ...containers(pod).filter((c) => c.securityContext?.appArmorProfile?.type === 'Unconfined').map((c) => `${named(c)} appArmorProfile Unconfined`),
];

/** check_sysctls.go (1.32 list): only the namespaced "safe" sysctls. */
const SAFE_SYSCTLS = new Set([
  'kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range', 'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.ip_local_reserved_ports', 'net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes',
  'net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem',
]);
const sysctls: Check = (pod) => (pod.spec.securityContext?.sysctls ?? []).filter((sysctl: Yaml) => !SAFE_SYSCTLS.has(sysctl.name)).map((sysctl: Yaml) => `sysctl ${sysctl.name}`);

/** check_windowsHostProcess.go: `windowsOptions.hostProcess` not true. */
const windowsHostProcess: Check = (pod) => [
  ...(pod.spec.securityContext?.windowsOptions?.hostProcess === true ? ['pod hostProcess'] : []),
  ...containers(pod).filter((c) => c.securityContext?.windowsOptions?.hostProcess === true).map((c) => `${named(c)} hostProcess`),
];

/** check_hostProbesAndhostLifecycle.go (1.34): probe and lifecycle handlers name no `host`. */
const hostProbesAndHostLifecycle: Check = (pod) =>
  containers(pod).flatMap((c) =>
    [
      ['livenessProbe', c.livenessProbe],
      ['readinessProbe', c.readinessProbe],
      ['startupProbe', c.startupProbe],
      ['lifecycle.postStart', c.lifecycle?.postStart],
      ['lifecycle.preStop', c.lifecycle?.preStop],
    ]
      .filter(([, handler]) => (handler?.httpGet?.host ?? '') !== '' || (handler?.tcpSocket?.host ?? '') !== '')
      .map(([where]) => `${named(c)} ${where} sets host`),
  );

/** check_restrictedVolumes.go: only the listed inline volume sources (1.34 adds `image`). */
const RESTRICTED_VOLUME_SOURCES = new Set(['configMap', 'downwardAPI', 'emptyDir', 'projected', 'secret', 'csi', 'persistentVolumeClaim', 'ephemeral', 'image']);
const restrictedVolumes: Check = (pod) =>
  (pod.spec.volumes ?? []).flatMap((volume: Yaml) => {
    const sources = Object.keys(volume).filter((key) => key !== 'name');
    return sources.filter((source) => !RESTRICTED_VOLUME_SOURCES.has(source)).map((source) => `volume "${volume.name}" is ${source}`);
  });

/** check_allowPrivilegeEscalation.go: every container sets `allowPrivilegeEscalation: false` (Windows pods exempt). */
const allowPrivilegeEscalation: Check = (pod) =>
  isWindows(pod) ? [] : containers(pod).filter((c) => c.securityContext?.allowPrivilegeEscalation !== false).map((c) => `${named(c)} must set allowPrivilegeEscalation=false`);

/** check_runAsNonRoot.go: `runAsNonRoot: true` on the pod or on every container, and false nowhere. */
const runAsNonRoot: Check = (pod) => {
  if (inUserNamespace(pod)) return [];
  const podLevel = pod.spec.securityContext?.runAsNonRoot;
  const problems: string[] = podLevel === false ? ['pod sets runAsNonRoot=false'] : [];
  for (const c of containers(pod)) {
    const own = c.securityContext?.runAsNonRoot;
    if (own === false) problems.push(`${named(c)} sets runAsNonRoot=false`);
    else if (own === undefined && podLevel !== true) problems.push(`pod or ${named(c)} must set runAsNonRoot=true`);
  }
  return problems;
};

/** check_runAsUser.go: `runAsUser` never 0. */
const runAsUser: Check = (pod) => {
  if (inUserNamespace(pod)) return [];
  return [
    ...(pod.spec.securityContext?.runAsUser === 0 ? ['pod runAsUser=0'] : []),
    ...containers(pod).filter((c) => c.securityContext?.runAsUser === 0).map((c) => `${named(c)} runAsUser=0`),
  ];
};

/** check_seccompProfile_restricted.go: RuntimeDefault or Localhost on the pod or every container (Windows pods exempt). */
const ALLOWED_SECCOMP = new Set(['RuntimeDefault', 'Localhost']);
const seccompProfileRestricted: Check = (pod) => {
  if (isWindows(pod)) return [];
  const podType = pod.spec.securityContext?.seccompProfile?.type;
  const problems: string[] = podType !== undefined && !ALLOWED_SECCOMP.has(podType) ? [`pod seccompProfile ${podType}`] : [];
  for (const c of containers(pod)) {
    const own = c.securityContext?.seccompProfile?.type;
    if (own !== undefined && !ALLOWED_SECCOMP.has(own)) problems.push(`${named(c)} seccompProfile ${own}`);
    else if (own === undefined && !ALLOWED_SECCOMP.has(podType ?? '')) problems.push(`pod or ${named(c)} must set seccompProfile RuntimeDefault or Localhost`);
  }
  return problems;
};

/** check_capabilities_restricted.go: every container drops ALL and adds nothing but NET_BIND_SERVICE (Windows pods exempt). */
const capabilitiesRestricted: Check = (pod) =>
  isWindows(pod)
    ? []
    : containers(pod).flatMap((c) => [
        ...((c.securityContext?.capabilities?.drop ?? []).includes('ALL') ? [] : [`${named(c)} must drop ALL capabilities`]),
        ...(c.securityContext?.capabilities?.add ?? []).filter((cap: string) => cap !== 'NET_BIND_SERVICE').map((cap: string) => `${named(c)} may not add ${cap}`),
      ]);

/** Every check of the "baseline" level, by upstream check id. */
export const BASELINE_CHECKS: Readonly<Record<string, Check>> = {
  privileged, hostNamespaces, hostPathVolumes, hostPorts, capabilities_baseline: capabilitiesBaseline, seLinuxOptions, procMount,
  seccompProfile_baseline: seccompBaseline, appArmorProfile, sysctls, windowsHostProcess, hostProbesAndhostLifecycle: hostProbesAndHostLifecycle,
};

/** Every check of the "restricted" level (baseline's plus its own), by upstream check id. */
export const RESTRICTED_CHECKS: Readonly<Record<string, Check>> = {
  ...BASELINE_CHECKS, restrictedVolumes, allowPrivilegeEscalation, runAsNonRoot, runAsUser, seccompProfile_restricted: seccompProfileRestricted, capabilities_restricted: capabilitiesRestricted,
};

/** Why `pod` fails the level: empty when it passes. */
export function podSecurityViolations(pod: Pod, level: 'baseline' | 'restricted' = 'restricted'): PodSecurityViolation[] {
  const checks = level === 'restricted' ? RESTRICTED_CHECKS : BASELINE_CHECKS;
  return Object.entries(checks).flatMap(([check, run]) => run(pod).map((detail) => ({ check, detail })));
}
