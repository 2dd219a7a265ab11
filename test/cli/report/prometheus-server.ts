/**
 * A real Prometheus for tests: OpenMetrics text backfilled with `promtool tsdb create-blocks-from
 * openmetrics` into a temp dir, served by the `prometheus` binary on 127.0.0.1 at a free port.
 * `stop()` kills the server (and waits for it) and removes the temp dir.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A running server. */
export interface PrometheusServer {
  readonly url: string;
  stop(): Promise<void>;
}

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitReady(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`prometheus exited with ${child.exitCode}:\n${log()}`);
    try {
      if ((await fetch(`${url}-/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`prometheus not ready within 20 s:\n${log()}`);
}

/** Backfills `openMetrics` (must end with `# EOF`) and serves it. */
export async function startPrometheus(openMetrics: string): Promise<PrometheusServer> {
  const dir = await mkdtemp(join(tmpdir(), 'mlops-prometheus-'));
  const data = join(dir, 'data');
  await writeFile(join(dir, 'metrics.om'), openMetrics);
  await writeFile(join(dir, 'prometheus.yml'), 'global:\n  scrape_interval: 1h\nscrape_configs: []\n');
  await run('promtool', ['tsdb', 'create-blocks-from', 'openmetrics', join(dir, 'metrics.om'), data]);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  let output = '';
  const child = spawn('prometheus', [`--config.file=${join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${data}`, `--web.listen-address=127.0.0.1:${port}`, '--storage.tsdb.retention.time=100y', '--log.level=warn'], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitReady(url, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}

/** One metric family: its `# TYPE` and its series, each sample name given whole (`…_bucket`, `…_total`). */
export interface MetricFamily {
  readonly name: string;
  readonly type: 'gauge' | 'counter' | 'histogram' | 'unknown';
  readonly series: readonly { readonly sample: string; readonly labels: string; readonly points: readonly (readonly [number, number])[] }[];
}

/** OpenMetrics text of metric families (ends with `# EOF`). */
export function openMetrics(families: readonly MetricFamily[]): string {
  const lines: string[] = [];
  for (const family of families) {
    lines.push(`# TYPE ${family.name} ${family.type}`);
    for (const series of family.series) for (const [time, value] of series.points) lines.push(`${series.sample}{${series.labels}} ${value} ${time}`);
  }
  return `${lines.join('\n')}\n# EOF\n`;
}
