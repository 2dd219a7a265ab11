/**
 * A real Prometheus Pushgateway (Debian's `prometheus-pushgateway`) for tests: started on 127.0.0.1 on a
 * free port with its persistence file in a temp folder, stopped (and the folder removed) by `stop()`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A running Pushgateway. */
export interface PushgatewayProcess {
  readonly url: string;
  readonly pid: number;
  /** The gateway's `/metrics` text. */
  metrics(): Promise<string>;
  /** Stops the process (SIGTERM, then SIGKILL after 5 s) and removes its folder. */
  stop(): Promise<void>;
}

/** Binary the tests run (from the `prometheus-pushgateway` Debian package). */
export const PUSHGATEWAY_BINARY = 'prometheus-pushgateway';

/** A TCP port free on 127.0.0.1 right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Starts a Pushgateway and waits until it answers `/-/ready`. */
export async function startPushgateway(): Promise<PushgatewayProcess> {
  const folder = mkdtempSync(join(tmpdir(), 'drift-pushgateway-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(PUSHGATEWAY_BINARY, [`--web.listen-address=127.0.0.1:${port}`, `--persistence.file=${join(folder, 'pushgateway.data')}`, '--log.level=warn'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited(child);
      clearTimeout(timer);
    }
    rmSync(folder, { recursive: true, force: true });
  };
  const spawnError = new Promise<never>((_, reject) => child.once('error', reject));
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`${PUSHGATEWAY_BINARY} exited with ${child.exitCode}: ${stderr}`);
    }
    const ready = await Promise.race([fetch(`${url}/-/ready`).then((response) => response.ok, () => false), spawnError]).catch(async (error: Error) => {
      await stop();
      throw new Error(`cannot start ${PUSHGATEWAY_BINARY} (install Debian's prometheus-pushgateway): ${error.message}`);
    });
    if (ready) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${PUSHGATEWAY_BINARY} not ready after 15 s: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, pid: child.pid!, metrics: async () => (await fetch(`${url}/metrics`)).text(), stop };
}

/** One sample of a text exposition. */
export interface ExposedSample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

/** The samples of a text exposition (comments skipped; label values unescaped). */
export function parseExposition(text: string): ExposedSample[] {
  return text
    .split('\n')
    .filter((line) => line.length > 0 && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)(?: \d+)?$/.exec(line);
      if (!match) throw new Error(`not an exposition line: ${line}`);
      const labels: Record<string, string> = {};
      for (const label of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[label[1]!] = label[2]!.replace(/\\(.)/g, (_, character: string) => (character === 'n' ? '\n' : character));
      return { name: match[1]!, labels, value: Number(match[3]) };
    });
}
