/**
 * The Prometheus-backed figures against a real Prometheus: 100 hours of backfilled samples (two
 * serving targets, one down for 10 hours; a latency histogram; a pipeline counter), queried by
 * `mlops report` over the HTTP API. Also: an unreachable server is exit 2 naming the URL.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { type AddressInfo, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../../compiler/cli/command.ts';
import { main } from '../../../compiler/cli/main.ts';
import { queryPrometheus } from '../../../compiler/cli/report/prometheus-client.ts';
import type { RolloutReport } from '../../../compiler/report/report-model.ts';
import { buildTrail, prodChange, trailFiles } from '../../report/trail-builder.ts';
import { captureIO } from '../capture-io.ts';
import { freePort, type MetricFamily, openMetrics, type PrometheusServer, startPrometheus } from './prometheus-server.ts';

const START = Date.parse('2026-02-02T00:00:00Z') / 1000;
const HOURS = 100;
const QUARTER = 900;

function points(value: (time: number) => number): [number, number][] {
  const result: [number, number][] = [];
  for (let time = START; time <= START + HOURS * 3600; time += QUARTER) result.push([time, value(time)]);
  return result;
}

const DOWN_FROM = START + 20 * 3600;
const DOWN_UNTIL = START + 30 * 3600;

const FAMILIES: MetricFamily[] = [
  {
    name: 'up',
    type: 'gauge',
    series: [
      { sample: 'up', labels: 'namespace="fraud-prod",instance="a"', points: points(() => 1) },
      { sample: 'up', labels: 'namespace="fraud-prod",instance="b"', points: points((time) => (time >= DOWN_FROM && time < DOWN_UNTIL ? 0 : 1)) },
      { sample: 'up', labels: 'namespace="fraud-dev",instance="c"', points: points(() => 0) },
    ],
  },
  {
    name: 'request_duration_seconds',
    type: 'histogram',
    series: [
      // 400 requests per quarter hour, every one between 50 and 100 ms: p99 interpolates to 99.5 ms.
      { sample: 'request_duration_seconds_bucket', labels: 'namespace="fraud-prod",le="0.05"', points: points(() => 0) },
      { sample: 'request_duration_seconds_bucket', labels: 'namespace="fraud-prod",le="0.1"', points: points((time) => ((time - START) / QUARTER) * 400) },
      { sample: 'request_duration_seconds_bucket', labels: 'namespace="fraud-prod",le="+Inf"', points: points((time) => ((time - START) / QUARTER) * 400) },
      { sample: 'request_duration_seconds_count', labels: 'namespace="fraud-prod"', points: points((time) => ((time - START) / QUARTER) * 400) },
      { sample: 'request_duration_seconds_sum', labels: 'namespace="fraud-prod"', points: points((time) => ((time - START) / QUARTER) * 30) },
    ],
  },
  {
    name: 'argo_workflows_total_count',
    type: 'unknown',
    // One finished run per hour.
    series: [{ sample: 'argo_workflows_total_count', labels: 'phase="Succeeded",namespace="fraud-dev"', points: points((time) => Math.floor((time - START) / 3600)) }],
  },
];

let server: PrometheusServer;
let deployRepo: string;

beforeAll(async () => {
  server = await startPrometheus(openMetrics(FAMILIES));
  deployRepo = await mkdtemp(join(tmpdir(), 'mlops-report-prom-'));
  await mkdir(join(deployRepo, 'audit'));
  for (const file of trailFiles(buildTrail([{ time: '2026-02-02T00:00:00Z', event: 'deploy', tree: 'a', changes: [prodChange('fraud', 'fraud-api', '1.0.0')] }]))) await writeFile(join(deployRepo, file.path), file.content);
}, 60_000);

afterAll(async () => {
  await server?.stop();
  if (deployRepo) await rm(deployRepo, { recursive: true, force: true });
});

async function report(args: string[]): Promise<{ code: number; json?: RolloutReport; err: string }> {
  const captured = captureIO(deployRepo, { MLOPS_NOW: new Date((START + HOURS * 3600) * 1000).toISOString() });
  const code = await main(['report', deployRepo, '--format', 'json', '--since', '2026-02-02', ...args], captured.io);
  return { code, ...(code === 0 ? { json: JSON.parse(captured.out()) as RolloutReport } : {}), err: captured.err() };
}

describe('mlops report --prometheus (a real Prometheus)', () => {
  it('measures availability, p99 latency and pipeline executions from the HTTP API', async () => {
    const { code, json, err } = await report(['--prometheus', server.url]);
    expect(err).toBe('');
    expect(code).toBe(0);
    const availability = json!.criteria.find((result) => result.id === 'availability' && result.phase === 1)!;
    // 101 hourly steps; instance b is down for 10 of them: (91 + 10 × 0.5) / 101.
    expect(availability.measurement.value).toBeCloseTo((100 * (91 + 5)) / 101, 1);
    expect(availability.measurement.events).toBe(101);
    expect(availability.status).toBe('met');
    const kpi = (id: string) => json!.kpis.find((figure) => figure.id === id)!.measurement;
    expect(kpi('apiResponseTime').value).toBeCloseTo(99.5, 1);
    expect(kpi('apiResponseTime').events).toBe(100);
    expect(kpi('pipelineExecutions').value).toBeCloseTo(100, 0);
    expect(kpi('resourceUtilisation')).toMatchObject({ events: 0, reason: 'Prometheus has no samples for the window' });
    expect(json!.weeks.find((week) => week.week === '2026-W06')!.availability).toBeCloseTo((100 * 96) / 101, 1);
  });

  it('a Prometheus nobody listens on is exit 2 naming the URL', async () => {
    const url = `http://127.0.0.1:${await freePort()}/`;
    const { code, err } = await report(['--prometheus', url]);
    expect(code).toBe(2);
    expect(err).toBe(`mlops: Prometheus at ${url} cannot be reached: connect ECONNREFUSED ${url.slice(7, -1)}.\n`);
  });

  it('a Prometheus that accepts but never answers times out with the URL named', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`;
    try {
      await expect(queryPrometheus(url, new Date(0), new Date(3_600_000), { timeoutMs: 300 })).rejects.toThrow(new UsageError(`Prometheus at ${url} cannot be reached: no answer within 300 ms.`));
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('a URL that is not http(s) is a usage error', async () => {
    const { code, err } = await report(['--prometheus', 'file:///etc/passwd']);
    expect(code).toBe(2);
    expect(err).toBe('mlops: --prometheus must be an http or https URL; got file:.\n');
  });

  it('credentials in the URL are sent as basic auth and never shown', async () => {
    const withCredentials = server.url.replace('http://', 'http://reader:s3cret@');
    const { code, json } = await report(['--prometheus', withCredentials]);
    expect(code).toBe(0);
    expect(JSON.stringify(json)).not.toContain('s3cret');
    expect(json!.criteria.find((result) => result.id === 'availability')!.measurement.method).toContain(server.url);
    const refused = await report(['--prometheus', `http://reader:s3cret@127.0.0.1:${await freePort()}/`]);
    expect(refused.code).toBe(2);
    expect(refused.err).not.toContain('s3cret');
  });

  it('a Prometheus error (bad PromQL from the server) is exit 2 naming the URL', async () => {
    const { code, err } = await report(['--prometheus', `${server.url}not-prometheus/`]);
    expect(code).toBe(2);
    expect(err).toContain(`Prometheus at ${server.url}not-prometheus/`);
  });
});
