/** ML333 (autoscaling metric the KServe mode cannot scale on), ML348 (runtime without the metric) and ML334 (drift check without a data source). */
import { describe, expect, it } from 'vitest';
import { validate } from '../../../compiler/pipeline.ts';
import { sourceTreeFromRecord } from '../../../compiler/load/source-tree.ts';
import { platformYaml, teamYaml } from '../../emit/emit-text.ts';

const LOGS = 'monitoring: { predictionLogs: { sink: "http://sink.logs.svc", uri: "https://logs.example.io/events" } }';

function team(deployment: string, drift: string, metric = 'rps'): string {
  return teamYaml(`deployments:
  scorer-api:
    model: scorer${deployment}
    environments:
      prod: { version: "1.0.0", replicas: { min: 1, max: 4 }, autoscaling: { metric: ${metric}, target: 100 } }
monitoring:
  scorer-api:
    drift: { method: psi, threshold: 0.2, features: [amount]${drift} }`);
}

function diagnostics(platform: string, teamFile: string) {
  return validate(sourceTreeFromRecord({ 'platform.yaml': platform, 'teams/fraud/mlops.yaml': teamFile })).diagnostics.map((diagnostic) => ({ code: diagnostic.code, line: diagnostic.range.start.line, message: diagnostic.message }));
}

describe('drift data sources (ML334)', () => {
  it('are KServe’s payload logger when the platform declares where predictions are logged', () => {
    expect(diagnostics(platformYaml({ extra: LOGS }), team('', ''))).toEqual([]);
  });

  it('must be declared when the platform declares no prediction logs, pointing at the drift block', () => {
    const found = diagnostics(platformYaml(), team('', ''));
    expect(found.map(({ code, line }) => [code, line])).toEqual([['ML334', lineOf(team('', ''), '    drift:')]]);
    expect(found[0]!.message).toContain('declares no `monitoring.predictionLogs`');
  });

  it('must be declared on the deployment backend, which has no payload logger, even with platform logs', () => {
    const found = diagnostics(platformYaml({ extra: LOGS }), team('\n    backend: deployment', ''));
    expect(found.map(({ code }) => code)).toEqual(['ML334']);
    expect(found[0]!.message).toContain('uses the `deployment` backend, which has no payload logger');
    expect(diagnostics(platformYaml({ extra: LOGS }), team('\n    backend: deployment', ', inputs: { uri: "https://logs.example.io/api.jsonl" }', 'cpu'))).toEqual([]);
  });
});

describe('autoscaling metrics per KServe mode (ML333)', () => {
  it('accepts rps and concurrency in Standard mode through KEDA, refuses them with prometheus-adapter at the metric, and accepts them in Knative mode', () => {
    const teamFile = team('', '');
    expect(diagnostics(platformYaml({ mode: 'Standard', extra: LOGS }), teamFile)).toEqual([]);
    const adapter = `${LOGS}\nautoscaling: { customMetrics: prometheus-adapter }`;
    const refused = diagnostics(platformYaml({ mode: 'Standard', extra: adapter }), teamFile);
    expect(refused.map(({ code, line }) => [code, line])).toEqual([['ML333', lineOf(teamFile, 'metric: rps')]]);
    expect(refused[0]!.message).toContain('prometheus-adapter');
    expect(diagnostics(platformYaml({ mode: 'Knative', extra: adapter }), teamFile)).toEqual([]);
  });

  it('refuses them in Standard mode with a canary, which KServe would give a ScaledObject without triggers', () => {
    const teamFile = team('', '').replace('version: "1.0.0", replicas', 'version: "1.0.0", canary: { version: "1.1.0", traffic: 10 }, replicas');
    const found = diagnostics(platformYaml({ mode: 'Standard', extra: LOGS }), teamFile);
    expect(found.map(({ code, line }) => [code, line])).toEqual([['ML333', lineOf(teamFile, 'metric: rps')]]);
    expect(found[0]!.message).toContain('canary');
  });

  it('needs the runtime to declare the metric on the deployment backend (ML348)', () => {
    const teamFile = team('\n    backend: deployment', ', inputs: { uri: "https://logs.example.io/api.jsonl" }');
    const found = diagnostics(platformYaml({ mode: 'Standard', extra: LOGS }), teamFile);
    expect(found.map(({ code, line }) => [code, line])).toEqual([['ML348', lineOf(teamFile, 'metric: rps')]]);
    expect(found[0]!.message).toContain('serving runtime `xgboost` is not declared in `serving.runtimes`');
  });
});

function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((line) => line.includes(needle)) + 1;
}
