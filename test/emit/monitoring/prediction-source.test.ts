import { describe, expect, it } from 'vitest';
import { urlEgressRule } from '../../../compiler/emit/monitoring/drift-check-egress.ts';
import { driftCheckInputs, predictionLogger } from '../../../compiler/emit/monitoring/prediction-source.ts';
import type { ResolvedMonitor, ResolvedPlatformMonitoring } from '../../../compiler/resolve/resolved-org.ts';

const platform: ResolvedPlatformMonitoring = {
  driftCheckImage: 'ghcr.io/x/drift:1',
  pushgateway: { namespace: 'monitoring', service: 'pushgateway', port: 9091 },
  selectorLabels: {},
  predictionLogs: { sink: 'http://sink.logs.svc:8080/', uri: 'https://logs.example.io/events', window: '24h' },
};
const drift: NonNullable<ResolvedMonitor['drift']> = { method: 'psi', threshold: 0.2, features: ['amount'], schedule: '0 * * * *' };
const monitor: ResolvedMonitor = { deployment: 'api', team: 't', drift, source: { file: 'teams/t/mlops.yaml', path: ['monitoring', 'api'] } };
const kserve = { backend: 'kserve' as const, namespace: 't-prod', deployment: 'api' };

describe('prediction sources', () => {
  it('log a KServe placement’s requests to the platform sink and read them back from the platform store', () => {
    expect(predictionLogger(kserve, monitor, platform)).toEqual({ mode: 'request', url: 'http://sink.logs.svc:8080/t-prod/api' });
    expect(driftCheckInputs(kserve, drift, platform)).toEqual({ format: 'kserve', uri: 'https://logs.example.io/events/t-prod/api', window: '24h' });
  });

  it('prefer the monitor’s own inputs, and need them on the deployment backend', () => {
    const declared = { ...drift, inputs: { uri: 'https://team.example.io/api.jsonl', format: 'features' as const } };
    expect(predictionLogger(kserve, { ...monitor, drift: declared }, platform)).toBeUndefined();
    expect(driftCheckInputs(kserve, declared, platform)).toEqual({ format: 'features', uri: 'https://team.example.io/api.jsonl', window: '24h' });
    const plain = { ...kserve, backend: 'deployment' as const };
    expect(predictionLogger(plain, monitor, platform)).toBeUndefined();
    expect(driftCheckInputs(plain, drift, platform)).toBeUndefined();
    expect(driftCheckInputs(kserve, drift, { ...platform, predictionLogs: undefined } as unknown as ResolvedPlatformMonitoring)).toBeUndefined();
  });

  it('open egress to an in-cluster http(s) source: its Service’s namespace and port; nothing outside the cluster (a declared destination reaches it)', () => {
    expect(urlEgressRule('http://sink.logs.svc:8080/x')).toEqual({ ports: [{ port: 8080, protocol: 'TCP' }], to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'logs' } } }] });
    expect(urlEgressRule('http://sink.logs.svc.cluster.local/x')).toEqual({ ports: [{ port: 80, protocol: 'TCP' }], to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'logs' } } }] });
    expect(urlEgressRule('https://sink.logs.svc/x')).toEqual({ ports: [{ port: 443, protocol: 'TCP' }], to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'logs' } } }] });
    expect(urlEgressRule('http://logs.example.io:9000/x')).toBeUndefined();
    expect(urlEgressRule('https://logs.example.io/x')).toBeUndefined();
    expect(urlEgressRule('/mnt/logs')).toBeUndefined();
  });
});
