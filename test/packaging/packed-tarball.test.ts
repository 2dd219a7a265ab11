import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, REPO_ROOT } from './support/built-cli.ts';
import { offlineLockfile, type PackageManifest } from './support/offline-lockfile.ts';
import { copySampleRepo } from './support/sample-repo-copy.ts';

const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as PackageManifest;
const temp = mkdtempSync(join(tmpdir(), 'mlops-packed-'));

/** The environment without npm's lifecycle variables (under `npm test` they would point npm at this repo). */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name) || /^npm_config_cache$/i.test(name)));
  return { ...env, NO_COLOR: '1', FORCE_COLOR: undefined };
}

function run(command: string, args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env: cleanEnv(), encoding: 'utf8', timeout: 120_000 });
}

function succeeded(result: SpawnSyncReturns<string>): string {
  if (result.status !== 0) throw new Error(`exit ${result.status}:\n${result.stderr}\n${result.stdout}`);
  return result.stdout;
}

interface PackReport {
  readonly filename: string;
  readonly files: readonly { readonly path: string }[];
}

describe('the npm package', () => {
  let packed: PackReport;

  beforeAll(() => {
    assertBuilt();
    // --ignore-scripts: pack the dist/ under test (prepare would rebuild it beside the other tests).
    packed = (JSON.parse(succeeded(run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', temp], REPO_ROOT))) as PackReport[])[0]!;
  }, 60_000);
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it('ships the compiled CLI and the files it reads, and no sources, tests or scripts', () => {
    const paths = packed.files.map((file) => file.path);
    for (const path of paths) expect(path).toMatch(/^(package\.json|README\.md|bin\/mlops\.js|dist\/compiler\/.+\.js|templates\/(plan|report|promote)\/.+\.(hbs|md)|sample-repo\/.+\.(ya?ml|md)|schemas\/[a-z]+\.schema\.json)$/);
    for (const path of ['bin/mlops.js', 'dist/compiler/cli/main.js', 'dist/compiler/cli/parallel-parse/parse-worker.js', 'dist/compiler/cli/output/write-worker/write-worker.js', 'templates/plan/comment.md.hbs', 'sample-repo/platform.yaml', 'schemas/team.schema.json']) {
      expect(paths).toContain(path);
    }
  });

  it('installs from the tarball into an empty folder offline, then validates and compiles a copy of sample-repo', () => {
    const app = join(temp, 'app');
    mkdirSync(app);
    const repoLock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8'));
    writeFileSync(join(app, 'package.json'), `${JSON.stringify({ name: 'packed-install', private: true, dependencies: { [manifest.name]: `file:../${packed.filename}` } }, null, 2)}\n`);
    writeFileSync(join(app, 'package-lock.json'), `${JSON.stringify(offlineLockfile(repoLock, manifest, `../${packed.filename}`), null, 2)}\n`);
    succeeded(run('npm', ['ci', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], app));

    const mlops = join(app, 'node_modules/.bin/mlops');
    expect(succeeded(run(mlops, ['--version'], app))).toBe(`${manifest.version}\n`);
    copySampleRepo(join(app, 'acme'));
    expect(succeeded(run(mlops, ['validate', 'acme'], app))).toMatch(/acme is valid: 3 teams/);
    const compiled = run(mlops, ['compile', 'acme', '--out', 'manifests'], app);
    expect(compiled.status).toBe(0);
    expect(readdirSync(join(app, 'manifests')).sort()).toEqual(['argocd', 'clusters', 'registry.json']);
    // The installed copy runs its own files, not this checkout's.
    expect(readdirSync(join(app, 'node_modules', manifest.name, 'dist/compiler/cli'))).toContain('main.js');
  }, 120_000);
});
