/** scripts/setup-system.sh: silent and apt-free when everything is installed; loud and failing when it cannot install. */
import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const SCRIPT = new URL('../../scripts/setup-system.sh', import.meta.url).pathname;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlops-setup-'));
  // A fake apt-get that records its calls and fails, first on PATH.
  await writeFile(join(dir, 'apt-get'), `#!/bin/sh\necho "$@" >> "${dir}/apt-calls"\nexit 100\n`);
  await chmod(join(dir, 'apt-get'), 0o755);
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function setup(binDir: string) {
  try {
    const { stdout, stderr } = await run('bash', [SCRIPT], { env: { ...process.env, PATH: `${dir}:${process.env.PATH}`, SETUP_SYSTEM_BIN_DIR: binDir } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('scripts/setup-system.sh', () => {
  it('does nothing, quietly, when every package is installed', async () => {
    expect(await setup('/usr/bin')).toEqual({ code: 0, stdout: '', stderr: '' });
    await expect(readFile(join(dir, 'apt-calls'), 'utf8')).rejects.toThrow();
  });

  it('runs apt-get update when something is missing, and fails loudly when it cannot install', async () => {
    const result = await setup(join(dir, 'empty'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('setup-system: installing prometheus chromium prometheus-pushgateway openssh-client (needed by the tests)');
    if (process.getuid?.() === 0) {
      expect(result.stderr).toContain('setup-system: apt-get update failed; cannot install prometheus chromium prometheus-pushgateway openssh-client');
      expect(await readFile(join(dir, 'apt-calls'), 'utf8')).toBe('update -qq\n');
    } else {
      // Not root: sudo (which ignores our PATH) or a clear refusal; either way a loud failure.
      expect(result.stderr).toMatch(/setup-system: (apt-get update failed|prometheus chromium prometheus-pushgateway openssh-client missing and not root)/);
    }
  });
});
