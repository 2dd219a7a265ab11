/**
 * Class 3, files: only regular files inside the repo root are read. Links leading out are refused
 * naming the link (and their target's text never printed), special files are refused without being
 * opened (no hang), sizes are checked before reading, and an `--out` that cannot be made fails at once.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CARDS, type HostileCase, PLATFORM, runCase, TEAM, withTeam, writeCaseRepo } from './support.ts';
import { rm } from 'node:fs/promises';

const SECRET = 'apiVersion: TOP-SECRET-OUTSIDE-THE-REPO\n';

/** Writes a file beside the repo (outside it) that a link may point at. */
async function outsideFile(root: string, name = 'outside.yaml', content = SECRET): Promise<string> {
  const path = join(root, '..', name);
  await writeFile(path, content);
  return path;
}

function mkfifo(path: string): void {
  const made = spawnSync('mkfifo', [path]);
  if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr}`);
}

const withoutTeam = { 'platform.yaml': PLATFORM, ...CARDS };
const withoutPlatform = { 'teams/fraud/mlops.yaml': TEAM, ...CARDS };

const cases: HostileCase[] = [
  { name: 'team file linked outside the repo', files: withoutTeam, setup: async (root) => symlink(await outsideFile(root), join(root, 'teams/fraud/mlops.yaml')), exit: 1, code: 'ML119', at: '1:1', never: /TOP-SECRET/ },
  { name: 'platform.yaml linked outside the repo', files: withoutPlatform, setup: async (root) => symlink(await outsideFile(root), join(root, 'platform.yaml')), exit: 1, code: 'ML119', file: 'platform.yaml', at: '1:1', never: /TOP-SECRET/ },
  { name: 'team file linked outside by a relative link', files: withoutTeam, setup: async (root) => symlink('../../../outside.yaml', join(root, 'teams/fraud/mlops.yaml')).then(() => outsideFile(root)).then(() => undefined), exit: 1, code: 'ML119', at: '1:1', never: /TOP-SECRET/ },
  {
    name: 'team folder linked outside the repo',
    files: { 'platform.yaml': PLATFORM, 'teams/fraud/mlops.yaml': TEAM, ...CARDS },
    setup: async (root) => {
      await mkdir(join(root, '..', 'evil'));
      await writeFile(join(root, '..', 'evil', 'mlops.yaml'), SECRET);
      await symlink(join(root, '..', 'evil'), join(root, 'teams/evil'));
    },
    exit: 1,
    code: 'ML119',
    file: 'teams/evil',
    at: '1:1',
    never: /TOP-SECRET/,
  },
  { name: 'dangling link as team file', files: withoutTeam, setup: (root) => symlink('nowhere.yaml', join(root, 'teams/fraud/mlops.yaml')), exit: 1, code: 'ML119', at: '1:1' },
  {
    name: 'link loop as team file',
    files: withoutTeam,
    setup: async (root) => {
      await symlink('loop-b.yaml', join(root, 'teams/fraud/mlops.yaml'));
      await symlink('mlops.yaml', join(root, 'teams/fraud/loop-b.yaml'));
    },
    exit: 1,
    code: 'ML119',
    at: '1:1',
  },
  { name: 'team file linked to /dev/zero', files: withoutTeam, setup: (root) => symlink('/dev/zero', join(root, 'teams/fraud/mlops.yaml')), exit: 1, code: 'ML119', at: '1:1' },
  { name: 'team file linked to /dev/urandom', files: withoutTeam, setup: (root) => symlink('/dev/urandom', join(root, 'teams/fraud/mlops.yaml')), exit: 1, code: 'ML119', at: '1:1' },
  { name: 'team file is a FIFO', files: withoutTeam, setup: async (root) => mkfifo(join(root, 'teams/fraud/mlops.yaml')), exit: 1, code: 'ML119', at: '1:1' },
  { name: 'platform.yaml is a FIFO', files: withoutPlatform, setup: async (root) => mkfifo(join(root, 'platform.yaml')), exit: 1, code: 'ML119', file: 'platform.yaml', at: '1:1' },
  { name: 'lookalike mlops.yml is a FIFO', files: { 'platform.yaml': PLATFORM, 'teams/fraud/mlops.yaml': TEAM, ...CARDS }, setup: async (root) => mkfifo(join(root, 'teams/fraud/mlops.yml')), exit: 1, code: 'ML119', file: 'teams/fraud/mlops.yml', at: '1:1' },
  {
    name: 'team file linked to a FIFO inside the repo',
    files: withoutTeam,
    setup: async (root) => {
      mkfifo(join(root, 'teams/fraud/pipe'));
      await symlink('pipe', join(root, 'teams/fraud/mlops.yaml'));
    },
    exit: 1,
    code: 'ML119',
    at: '1:1',
  },
  { name: 'team file linked inside the repo is read', files: { ...withoutTeam, 'common/team.yaml': TEAM }, setup: (root) => symlink('../../common/team.yaml', join(root, 'teams/fraud/mlops.yaml')), exit: 0 },
  { name: 'sparse 3 GB team file is refused from its size', files: withTeam(), setup: (root) => truncate(join(root, 'teams/fraud/mlops.yaml'), 3 * 1024 ** 3), exit: 1, code: 'ML105', at: '1:1' },
  { name: 'team file one byte over 1 MiB', files: withTeam(), setup: (root) => truncate(join(root, 'teams/fraud/mlops.yaml'), 1024 * 1024 + 1), exit: 1, code: 'ML105', at: '1:1' },
  { name: 'compile --env with platform.yaml a FIFO reports the FIFO, not the filter', files: withoutPlatform, setup: async (root) => mkfifo(join(root, 'platform.yaml')), argv: ['compile', '--out', '../out', '--env', 'prod'], exit: 1, code: 'ML119', file: 'platform.yaml', at: '1:1' },
  { name: 'compile --out /proc/x fails at once', files: withTeam(), argv: ['compile', '--out', '/proc/x'], exit: 2, stderr: /^mlops: --out \/proc\/x cannot be created/ },
  { name: 'compile --out under a file fails at once', files: withTeam(), setup: (root) => writeFile(join(root, '..', 'plain'), 'x'), argv: ['compile', '--out', '../plain/out'], exit: 2, stderr: /^mlops: --out \.\.\/plain\/out cannot be created: .*plain is not a folder\./ },
  { name: 'compile --out onto a file', files: withTeam(), setup: (root) => writeFile(join(root, '..', 'plain'), 'x'), argv: ['compile', '--out', '../plain'], exit: 2, stderr: /^mlops: --out \.\.\/plain exists and is not a folder\./ },
];

describe('hostile input, class 3: files', () => {
  it.each(cases.map((hostile) => [hostile.name, hostile] as const))('%s', async (_, hostile) => {
    await runCase(hostile);
  }, 30_000);

  it('a real process does not hang on a FIFO team file and exits 1', async () => {
    const { workspace, root } = await writeCaseRepo(withoutTeam);
    try {
      mkfifo(join(root, 'teams/fraud/mlops.yaml'));
      const bin = fileURLToPath(new URL('../../bin/mlops.js', import.meta.url));
      const run = spawnSync(process.execPath, [bin, 'validate', '--format', 'json'], { cwd: root, timeout: 30_000, encoding: 'utf8' });
      expect(run.error, 'no timeout').toBeUndefined();
      expect(run.status).toBe(1);
      expect(JSON.parse(run.stdout).diagnostics.map((diagnostic: { code: string }) => diagnostic.code)).toContain('ML119');
    } finally {
      await rm(workspace, { recursive: true, force: true });
    }
  }, 40_000);
});
