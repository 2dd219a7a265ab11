import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, BIN, REPO_ROOT, runBuiltCli } from './support/built-cli.ts';
import { copySampleRepo } from './support/sample-repo-copy.ts';

const version = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const temp = mkdtempSync(join(tmpdir(), 'mlops-built-cli-'));

/** Runs an ES module script in a child Node with `dist` bound to the built compiler's folder URL. */
function runScript(body: string): ReturnType<typeof spawnSync> {
  const dist = pathToFileURL(join(REPO_ROOT, 'dist/compiler/')).href;
  const script = join(temp, `script-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(script, `const dist = ${JSON.stringify(dist)};\n${body}`);
  return spawnSync(process.execPath, [script], { cwd: temp, encoding: 'utf8', timeout: 60_000 });
}

describe('the built CLI (bin/mlops.js → dist/)', () => {
  beforeAll(() => assertBuilt());
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it('runs compiled JavaScript: bin/mlops.js loads dist/, never tsx', () => {
    const entry = readFileSync(BIN, 'utf8');
    expect(entry).toContain('../dist/compiler/cli/main.js');
    expect(entry).not.toMatch(/tsx/);
  });

  it('says how to build when dist/ is missing (npm ci --ignore-scripts, say)', () => {
    const bin = join(temp, 'unbuilt/bin/mlops.js');
    mkdirSync(dirname(bin), { recursive: true });
    copyFileSync(BIN, bin);
    const run = runBuiltCli(['--version'], { bin });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('mlops: the compiled CLI is missing (dist/); run `npm run build` in the package folder.\n');
  });

  it('prints the version and the command list', () => {
    const versionRun = runBuiltCli(['--version']);
    expect(versionRun.status).toBe(0);
    expect(versionRun.stdout).toBe(`${version}\n`);
    const help = runBuiltCli(['--help']);
    expect(help.status).toBe(0);
    for (const name of ['validate', 'compile', 'check', 'plan', 'explain', 'graph', 'demo']) expect(help.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
  });

  it('validates and compiles sample-repo', () => {
    copySampleRepo(join(temp, 'acme'));
    const validate = runBuiltCli(['validate', 'acme'], { cwd: temp });
    expect(validate.stderr).toBe('');
    expect(validate.status).toBe(0);
    expect(validate.stdout).toMatch(/acme is valid: 3 teams/);
    const out = join(temp, 'manifests');
    const compile = runBuiltCli(['compile', 'acme', '--out', out], { cwd: temp });
    expect(compile.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['argocd', 'clusters', 'registry.json']);
    expect(readdirSync(join(out, 'clusters')).sort()).toEqual(['dev-eu', 'prod-eu', 'prod-us', 'stg-eu']);
  });

  it('reads the plan templates from the package (plan --format markdown)', () => {
    const repo = copySampleRepo(join(temp, 'plan-repo'));
    for (const args of [['init', '-q'], ['add', '.'], ['commit', '-q', '-m', 'config']]) {
      expect(spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd: repo }).status).toBe(0);
    }
    const plan = runBuiltCli(['plan', '.', '--base', 'HEAD', '--format', 'markdown'], { cwd: repo });
    expect(plan.stderr).toBe('');
    expect(plan.status).toBe(0);
    expect(plan.stdout).toMatch(/^<!-- cirrus-mlops:plan -->\n## Cirrus MLOps plan/);
  });

  it('runs the whole demo, which reads the promote and report templates from the package', () => {
    // Every command the tour runs (deploy, audit, promote, rollback, the dashboard) from dist/.
    const demo = runBuiltCli(['demo'], { cwd: temp, timeout: 180_000 });
    expect(demo.stderr).toBe('mlops promote: refused (ML809): 1.5.0 serves in staging but Argo CD has not reported it synced and healthy in stg-eu; prod requires 24h (soak).\n');
    expect(demo.status).toBe(0);
    expect(demo.stdout).toContain('✔ Demo complete.');
    expect(demo.stdout).toContain('Created branch mlops/rollback-fraud-api-prod-to-seq-1');
    expect(demo.stdout).toMatch(/Rollout dashboard of the demo's audit trail: .+\.html/);
  }, 200_000);

  it('reports a usage error in one line with exit 2', () => {
    const run = runBuiltCli(['valdate']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('mlops: Unknown command "valdate". Did you mean `mlops validate`? Run `mlops --help` for the list.\n');
  });

  it('starts the parse worker from the compiled module', () => {
    const run = runScript(`
      const { parseInParallel } = await import(dist + 'cli/parallel-parse/parse-in-parallel.js');
      const { sourceTreeFromRecord } = await import(dist + 'load/source-tree.js');
      const tree = sourceTreeFromRecord({ 'a.yaml': 'name: a\\n', 'b.yaml': 'list: [1, 2]\\n' });
      const parsed = await parseInParallel(tree, { workers: 1, minBytes: 0, parseHere: false });
      console.log(JSON.stringify([...parsed.keys()].sort()));
    `);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('["a.yaml","b.yaml"]\n');
  });

  it('starts the writer thread from the compiled module', () => {
    const root = join(temp, 'threaded');
    const run = runScript(`
      const { ThreadedFileWriter } = await import(dist + 'cli/output/threaded-file-writer.js');
      const writer = new ThreadedFileWriter(${JSON.stringify(root)});
      await writer.write([{ path: 'x/one.yaml', content: 'one: 1\\n' }, { path: 'two.yaml', content: 'two: 2\\n' }]);
      console.log(await writer.flush());
    `);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('2\n');
    expect(readFileSync(join(root, 'x/one.yaml'), 'utf8')).toBe('one: 1\n');
  });
});
