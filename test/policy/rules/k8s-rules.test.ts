/** Every Kubernetes baseline rule: a passing and a failing object, asserting rule id, severity and line:column. */
import { describe as group, expect, it } from 'vitest';
import type { Manifest } from '../../../compiler/emit/manifest.ts';
import { podSpecsOf } from '../../../compiler/policy/pod-specs.ts';
import { KUBERNETES_RULES } from '../../../compiler/policy/registry.ts';
import { checkFixture, deployment, manifest, PROD_ENTRY_LINE, secureContainer, securePod, servingLabels, TEAM_FILE, withCode } from '../support.ts';

const AT = `${TEAM_FILE}:${PROD_ENTRY_LINE}:7`;

const namespace = (name = 'fraud-prod') => manifest('Namespace', {}, { name, namespace: null, labels: { 'app.kubernetes.io/managed-by': 'cirrus-mlops', 'mlops.cirruslabs.io/team': 'fraud' }, apiVersion: 'v1' });
const networkPolicy = () => manifest('NetworkPolicy', { podSelector: {}, policyTypes: ['Ingress'] }, { name: 'default-deny', apiVersion: 'networking.k8s.io/v1' });
const pdb = (matchLabels: Record<string, string>) => manifest('PodDisruptionBudget', { maxUnavailable: 1, selector: { matchLabels } }, { apiVersion: 'policy/v1' });
const withSecurity = (overrides: Record<string, unknown>) => secureContainer('main', { securityContext: { ...(secureContainer().securityContext as object), ...overrides } });

interface Case {
  readonly rule: string;
  readonly pass: Manifest[];
  readonly fail: Manifest[];
  /** Expected severity of the failure (the rule's default mode). */
  readonly severity: 'error' | 'warning';
}

const CASES: Case[] = [
  { rule: 'k8s/run-as-non-root', severity: 'error', pass: [deployment()], fail: [deployment(securePod([withSecurity({ runAsNonRoot: undefined, runAsUser: 0 })], { securityContext: { seccompProfile: { type: 'RuntimeDefault' } } }))] },
  { rule: 'k8s/no-privileged', severity: 'error', pass: [deployment(securePod([withSecurity({ privileged: false })]))], fail: [deployment(securePod([withSecurity({ privileged: true })]))] },
  { rule: 'k8s/no-privilege-escalation', severity: 'error', pass: [deployment()], fail: [deployment(securePod([withSecurity({ allowPrivilegeEscalation: undefined })]))] },
  { rule: 'k8s/read-only-root-fs', severity: 'warning', pass: [deployment()], fail: [deployment(securePod([withSecurity({ readOnlyRootFilesystem: false })]))] },
  { rule: 'k8s/drop-all-capabilities', severity: 'error', pass: [deployment(securePod([withSecurity({ capabilities: { drop: ['all'], add: ['NET_BIND_SERVICE'] } })]))], fail: [deployment(securePod([withSecurity({ capabilities: { drop: ['ALL'], add: ['SYS_ADMIN'] } })]))] },
  { rule: 'k8s/no-host-namespaces', severity: 'error', pass: [deployment(securePod(undefined, { hostNetwork: false }))], fail: [deployment(securePod(undefined, { hostPID: true }))] },
  { rule: 'k8s/no-host-path', severity: 'error', pass: [deployment(securePod(undefined, { volumes: [{ name: 'tmp', emptyDir: {} }] }))], fail: [deployment(securePod(undefined, { volumes: [{ name: 'docker', hostPath: { path: '/var/run/docker.sock' } }] }))] },
  { rule: 'k8s/no-host-port', severity: 'error', pass: [deployment(securePod([secureContainer('main', { ports: [{ containerPort: 8080 }] })]))], fail: [deployment(securePod([secureContainer('main', { ports: [{ containerPort: 8080, hostPort: 80 }] })]))] },
  { rule: 'k8s/seccomp-profile', severity: 'error', pass: [deployment(securePod([withSecurity({ seccompProfile: { type: 'Localhost', localhostProfile: 'p.json' } })], { securityContext: { runAsNonRoot: true } }))], fail: [deployment(securePod(undefined, { securityContext: { runAsNonRoot: true, seccompProfile: { type: 'Unconfined' } } }))] },
  { rule: 'k8s/requests-and-limits', severity: 'error', pass: [deployment()], fail: [deployment(securePod([secureContainer('main', { resources: { requests: { cpu: '1', memory: '1Gi' } } })]))] },
  { rule: 'k8s/no-latest-tag', severity: 'error', pass: [deployment(securePod([secureContainer('main', { image: 'ghcr.io/acme/server@sha256:abc' })]))], fail: [deployment(securePod([secureContainer('main', { image: 'ghcr.io/acme/server:latest' })]))] },
  { rule: 'k8s/allowed-registries', severity: 'error', pass: [deployment()], fail: [deployment(securePod([secureContainer('main', { image: 'docker.io/library/python:3.12' })]))] },
  { rule: 'k8s/serving-probes', severity: 'warning', pass: [deployment()], fail: [deployment(securePod([secureContainer('main', { livenessProbe: undefined })]))] },
  { rule: 'k8s/pdb-for-replicated-serving', severity: 'warning', pass: [deployment(undefined, 3), pdb({ app: 'fraud-api' })], fail: [deployment(undefined, 3), pdb({ app: 'other' })] },
  { rule: 'k8s/network-policy-present', severity: 'error', pass: [namespace(), networkPolicy()], fail: [namespace()] },
  { rule: 'k8s/no-secrets-in-env', severity: 'error', pass: [deployment(securePod([secureContainer('main', { env: [{ name: 'MODEL_NAME', value: 'fraud' }, { name: 'API_KEY', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }] })]))], fail: [deployment(securePod([secureContainer('main', { env: [{ name: 'DB_PASSWORD', value: 'hunter2' }] })]))] },
  { rule: 'k8s/no-default-namespace', severity: 'error', pass: [deployment()], fail: [manifest('ConfigMap', {}, { namespace: 'default', apiVersion: 'v1' })] },
  { rule: 'k8s/owner-labels', severity: 'error', pass: [deployment()], fail: [manifest('Service', { ports: [{ port: 80 }] }, { labels: { 'app.kubernetes.io/managed-by': 'cirrus-mlops' }, apiVersion: 'v1' })] },
];

group('Kubernetes baseline rules', () => {
  it('covers every built-in Kubernetes rule', () => {
    expect(CASES.map((testCase) => testCase.rule).sort()).toEqual(KUBERNETES_RULES.map((rule) => rule.id).sort());
  });

  for (const testCase of CASES) {
    group(testCase.rule, () => {
      it('passes a compliant object', () => {
        expect(withCode(checkFixture({}, testCase.pass), testCase.rule)).toEqual([]);
      });
      it('reports a violation at the config key that produced the object', () => {
        expect(withCode(checkFixture({}, testCase.fail), testCase.rule)).toEqual([`${testCase.rule} ${testCase.severity} ${AT}`]);
      });
    });
  }

  it('marks as podsOnly only rules that read nothing but pod specs, so skipping objects without pods changes nothing', () => {
    const podsOnly = KUBERNETES_RULES.filter((rule) => rule.podsOnly);
    expect(podsOnly.length).toBeGreaterThan(10);
    const context = { org: undefined as never, index: undefined as never };
    for (const { rule, fail } of CASES) {
      const checked = KUBERNETES_RULES.find((candidate) => candidate.id === rule);
      if (!checked?.podsOnly) continue;
      // The object itself is hidden: a podsOnly rule that read it would throw here.
      const pods = podSpecsOf(fail[0]!.object);
      const hidden = new Proxy({}, { get: () => { throw new Error(`${rule} read the manifest`); } }) as Manifest;
      const org = rule === 'k8s/allowed-registries' ? { org: { platform: { allowedRegistries: ['registry.acme.io/'] } } as never } : {};
      expect(() => checked.check({ manifest: hidden, pods }, { ...context, ...org }), rule).not.toThrow();
    }
  });

  it('names the object and container in the message and gives the fix as hint', () => {
    const result = checkFixture({}, [deployment(securePod([secureContainer('model-server', { image: 'ghcr.io/acme/server' })]))]);
    const finding = result.diagnostics.find((diagnostic) => diagnostic.code === 'k8s/no-latest-tag')!;
    expect(finding.message).toBe('Deployment fraud-prod/fraud-api: container "model-server" uses untagged image "ghcr.io/acme/server".');
    expect(finding.hint).toMatch(/digest/);
  });

  it('reports the same finding on several clusters once', () => {
    const bad = securePod([secureContainer('main', { image: 'ghcr.io/acme/server:latest' })]);
    const onEu = deployment(bad);
    const onUs = { ...deployment(bad), cluster: 'prod-us' };
    expect(withCode(checkFixture({}, [onEu, onUs]), 'k8s/no-latest-tag')).toHaveLength(1);
  });

  it('counts HPA minReplicas for the PDB rule', () => {
    const hpa = manifest('HorizontalPodAutoscaler', { minReplicas: 2, maxReplicas: 5, scaleTargetRef: { kind: 'Deployment', name: 'fraud-api' } }, { apiVersion: 'autoscaling/v2' });
    expect(withCode(checkFixture({}, [deployment(undefined, 1), hpa]), 'k8s/pdb-for-replicated-serving')).toEqual([`k8s/pdb-for-replicated-serving warning ${AT}`]);
  });

  it('counts a KEDA ScaledObject’s minReplicaCount for the PDB rule', () => {
    const scaledObject = manifest('ScaledObject', { minReplicaCount: 2, maxReplicaCount: 5, scaleTargetRef: { name: 'fraud-api' }, triggers: [] }, { apiVersion: 'keda.sh/v1alpha1' });
    expect(withCode(checkFixture({}, [deployment(undefined, 1), scaledObject]), 'k8s/pdb-for-replicated-serving')).toEqual([`k8s/pdb-for-replicated-serving warning ${AT}`]);
  });

  it('checks only serving objects for probes', () => {
    const job = manifest('CronJob', { jobTemplate: { spec: { template: { spec: securePod([secureContainer('drift', { readinessProbe: undefined, livenessProbe: undefined })]) } } } }, { labels: { ...servingLabels(), 'app.kubernetes.io/component': 'monitoring' }, apiVersion: 'batch/v1' });
    expect(withCode(checkFixture({}, [job]), 'k8s/serving-probes')).toEqual([]);
  });
});
