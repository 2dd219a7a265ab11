/**
 * Runs Prometheus' `promtool` (Debian's `prometheus` package; must be in PATH) on files written to a
 * temp folder that is removed afterwards.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { stringify } from 'yaml';

const run = promisify(execFile);

/** What promtool printed and how it exited. */
export interface PromtoolOutcome {
  readonly code: number;
  readonly output: string;
}

/** Writes `files` (name → YAML value) to a temp folder and runs `promtool <args>` there. */
export async function promtool(args: readonly string[], files: Readonly<Record<string, unknown>>): Promise<PromtoolOutcome> {
  const folder = mkdtempSync(join(tmpdir(), 'realism-promtool-'));
  try {
    for (const [name, value] of Object.entries(files)) writeFileSync(join(folder, name), stringify(value, { lineWidth: 0 }));
    try {
      const { stdout, stderr } = await run('promtool', [...args], { cwd: folder, timeout: 60_000 });
      return { code: 0, output: `${stdout}${stderr}` };
    } catch (error) {
      const failed = error as { code: number | string; stdout?: string; stderr?: string; message: string };
      if (failed.code === 'ENOENT') throw new Error('promtool is not in PATH: install Debian’s prometheus package');
      return { code: Number(failed.code), output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` || failed.message };
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
