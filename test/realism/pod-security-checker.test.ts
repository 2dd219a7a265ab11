/**
 * The Pod Security "restricted" checker (support/pod-security-standard.ts) and the injected-container
 * model (support/injected-pods.ts) reject what Kubernetes 1.34 and the controllers would: each case
 * below breaks one rule of k8s.io/pod-security-admission v0.34.1 `policy/check_*.go`, or builds a pod
 * the way KServe v0.20.0 / Argo Workflows v4.1.2 do with their defaults.
 */
import { describe, expect, it } from 'vitest';
import { type Yaml, type Pod, podSecurityViolations } from './support/pod-security-standard.ts';
import { controllerConfig, predictorPod, workflowStepPod } from './support/injected-pods.ts';

const restrictedContainer = () => ({
  name: 'app',
  image: 'ghcr.io/acme/app:1.0.0',
  securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
});

function compliantPod(): Pod & { spec: Record<string, Yaml> } {
  return {
    spec: {
      securityContext: { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: 'RuntimeDefault' } },
      containers: [restrictedContainer()],
      initContainers: [],
      volumes: [{ name: 'tmp', emptyDir: {} }, { name: 'conf', configMap: { name: 'c' } }, { name: 'token', projected: { sources: [] } }],
    },
  };
}

/** The check ids a pod fails. */
function failedChecks(pod: Pod, level: 'baseline' | 'restricted' = 'restricted'): string[] {
  return [...new Set(podSecurityViolations(pod, level).map((violation) => violation.check))].sort();
}

function mutated(change: (pod: Pod & { spec: Record<string, Yaml> }) => void): Pod {
  const pod = compliantPod();
  change(pod);
  return pod;
}

describe('Pod Security restricted checker', () => {
  it('passes a pod that meets every rule', () => {
    expect(podSecurityViolations(compliantPod())).toEqual([]);
  });

  it.each<[string, (pod: Pod & { spec: Record<string, Yaml> }) => void, string]>([
    ['allowPrivilegeEscalation unset', (pod) => delete pod.spec.containers[0].securityContext.allowPrivilegeEscalation, 'allowPrivilegeEscalation'],
    ['allowPrivilegeEscalation true on an init container', (pod) => pod.spec.initContainers.push({ ...restrictedContainer(), name: 'init', securityContext: { allowPrivilegeEscalation: true, capabilities: { drop: ['ALL'] } } }), 'allowPrivilegeEscalation'],
    ['capabilities not dropped', (pod) => delete pod.spec.containers[0].securityContext.capabilities, 'capabilities_restricted'],
    ['capability added beyond NET_BIND_SERVICE', (pod) => (pod.spec.containers[0].securityContext.capabilities.add = ['CHOWN']), 'capabilities_restricted'],
    ['runAsNonRoot unset on pod and container', (pod) => delete pod.spec.securityContext.runAsNonRoot, 'runAsNonRoot'],
    ['runAsNonRoot false on a container', (pod) => (pod.spec.containers[0].securityContext.runAsNonRoot = false), 'runAsNonRoot'],
    ['runAsUser 0', (pod) => (pod.spec.containers[0].securityContext.runAsUser = 0), 'runAsUser'],
    ['no seccomp profile', (pod) => delete pod.spec.securityContext.seccompProfile, 'seccompProfile_restricted'],
    ['Unconfined seccomp on a container', (pod) => (pod.spec.containers[0].securityContext.seccompProfile = { type: 'Unconfined' }), 'seccompProfile_restricted'],
    ['nfs volume', (pod) => pod.spec.volumes.push({ name: 'data', nfs: { server: 'nfs', path: '/' } }), 'restrictedVolumes'],
    ['hostPath volume', (pod) => pod.spec.volumes.push({ name: 'host', hostPath: { path: '/' } }), 'hostPathVolumes'],
    ['hostNetwork', (pod) => (pod.spec.hostNetwork = true), 'hostNamespaces'],
    ['hostPID', (pod) => (pod.spec.hostPID = true), 'hostNamespaces'],
    ['hostPort', (pod) => (pod.spec.containers[0].ports = [{ containerPort: 8080, hostPort: 8080 }]), 'hostPorts'],
    ['privileged', (pod) => (pod.spec.containers[0].securityContext.privileged = true), 'privileged'],
    ['SYS_ADMIN added', (pod) => (pod.spec.containers[0].securityContext.capabilities.add = ['SYS_ADMIN']), 'capabilities_baseline'],
    ['SELinux type spc_t', (pod) => (pod.spec.securityContext.seLinuxOptions = { type: 'spc_t' }), 'seLinuxOptions'],
    ['Unmasked procMount', (pod) => (pod.spec.containers[0].securityContext.procMount = 'Unmasked'), 'procMount'],
    ['unsafe sysctl', (pod) => (pod.spec.securityContext.sysctls = [{ name: 'kernel.msgmax', value: '1' }]), 'sysctls'],
    ['Unconfined AppArmor', (pod) => (pod.spec.containers[0].securityContext.appArmorProfile = { type: 'Unconfined' }), 'appArmorProfile'],
    ['Windows host process', (pod) => (pod.spec.securityContext.windowsOptions = { hostProcess: true }), 'windowsHostProcess'],
    ['probe with host', (pod) => (pod.spec.containers[0].readinessProbe = { httpGet: { host: '10.0.0.1', port: 80 } }), 'hostProbesAndhostLifecycle'],
  ])('rejects %s', (_name, change, check) => {
    expect(failedChecks(mutated(change))).toContain(check);
  });

  it('allows NET_BIND_SERVICE, Localhost seccomp and an ephemeral volume', () => {
    const pod = mutated((pod) => {
      pod.spec.containers[0].securityContext.capabilities.add = ['NET_BIND_SERVICE'];
      pod.spec.securityContext.seccompProfile = { type: 'Localhost', localhostProfile: 'p.json' };
      pod.spec.volumes.push({ name: 'scratch', ephemeral: { volumeClaimTemplate: {} } });
    });
    expect(podSecurityViolations(pod)).toEqual([]);
  });

  it('baseline admits what only restricted refuses', () => {
    const pod = mutated((pod) => delete pod.spec.containers[0].securityContext);
    expect(failedChecks(pod, 'baseline')).toEqual([]);
    expect(failedChecks(pod)).toEqual(['allowPrivilegeEscalation', 'capabilities_restricted']);
  });
});

describe('injected containers with the controllers defaults', () => {
  const compliantPodSecurity = { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: 'RuntimeDefault' } };
  const predictor = (extra: Record<string, unknown> = {}) => ({
    securityContext: compliantPodSecurity,
    model: { modelFormat: { name: 'xgboost' }, storageUri: 's3://models/a/1.0.0', securityContext: restrictedContainer().securityContext },
    ...extra,
  });

  it("refuses a predictor pod with KServe's default storage initializer (no securityContext)", () => {
    const pod = predictorPod(predictor(), 'Standard', controllerConfig([]));
    expect(pod.spec.initContainers.map((container: Yaml) => container.name)).toEqual(['storage-initializer']);
    expect(podSecurityViolations(pod).map((violation) => violation.detail)).toContain('container "storage-initializer" must set allowPrivilegeEscalation=false');
  });

  it('names no ClusterStorageContainer the cluster lacks', () => {
    expect(() => predictorPod(predictor({ storageContainerName: 'missing' }), 'Standard', controllerConfig([]))).toThrow(/no ClusterStorageContainer missing/);
  });

  it("copies the first container's securityContext to the agent, so a bare model container fails twice", () => {
    const pod = predictorPod({ ...predictor(), model: { storageUri: 'pvc://models/a', modelFormat: { name: 'xgboost' } }, logger: { mode: 'request', url: 'http://sink' } }, 'Standard', controllerConfig([]));
    expect(pod.spec.containers.map((container: Yaml) => container.name)).toEqual(['kserve-container', 'agent']);
    expect(podSecurityViolations(pod).filter((violation) => violation.check === 'allowPrivilegeEscalation')).toHaveLength(2);
  });

  it("refuses an Argo step pod when the executor config sets no securityContext (Argo's default)", () => {
    const spec = { securityContext: compliantPodSecurity, templates: [{ name: 'train', container: { image: 'ghcr.io/acme/train:1', securityContext: restrictedContainer().securityContext } }] };
    const pod = workflowStepPod(spec, spec.templates[0]!, controllerConfig([]));
    const details = podSecurityViolations(pod).map((violation) => violation.detail);
    expect(details).toContain('container "init" must set allowPrivilegeEscalation=false');
    expect(details).toContain('container "wait" must drop ALL capabilities');
  });
});
