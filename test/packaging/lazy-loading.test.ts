import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, REPO_ROOT, runBuiltCli } from './support/built-cli.ts';
import { copySampleRepo } from './support/sample-repo-copy.ts';

const temp = mkdtempSync(join(tmpdir(), 'mlops-lazy-'));
const RECORDER = pathToFileURL(join(REPO_ROOT, 'test/packaging/support/record-imports.mjs')).href;
const ROOT_URL = pathToFileURL(`${REPO_ROOT}/`).href;

/** Runs the built CLI under the import recorder; returns the modules it loaded, as repo-relative paths. */
function modulesLoadedBy(args: readonly string[]): string[] {
  const file = join(temp, `${args.join('-').replace(/[^a-z-]/g, '')}.txt`);
  const run = runBuiltCli(args, { nodeArgs: ['--import', RECORDER], env: { MLOPS_RECORD_IMPORTS: file } });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const urls = readFileSync(file, 'utf8').split('\n').filter((url) => url.startsWith(ROOT_URL));
  return [...new Set(urls.map((url) => url.slice(ROOT_URL.length)))].sort();
}

/** Heavy modules: cdk8s and its kin, the CEL engine, the emit and policy code (their diagnostic code tables excepted). */
function heavy(modules: readonly string[]): string[] {
  return modules.filter(
    (path) =>
      /^node_modules\/(cdk8s|cdk8s-plus-28|constructs|@marcbachmann\/cel-js|handlebars|simple-git)\//.test(path) ||
      (/^dist\/compiler\/(emit|policy|plan)\//.test(path) && !/\/codes\.js$/.test(path)),
  );
}

describe('lazy loading: each command loads only what it runs', () => {
  beforeAll(() => assertBuilt());
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it('--version and --help load no command module and nothing heavy', () => {
    for (const args of [['--version'], ['--help']]) {
      const modules = modulesLoadedBy(args);
      expect(modules).toContain('dist/compiler/cli/main.js');
      expect(modules.filter((path) => path.startsWith('dist/compiler/cli/commands/') && path !== 'dist/compiler/cli/commands/index.js')).toEqual([]);
      expect(heavy(modules)).toEqual([]);
    }
  });

  it('validate loads its own command and the front end, not cdk8s, emit or policy', () => {
    const modules = modulesLoadedBy(['validate', 'sample-repo']);
    expect(modules).toContain('dist/compiler/cli/commands/validate.js');
    expect(modules).toContain('dist/compiler/front-end.js');
    expect(modules).not.toContain('dist/compiler/cli/commands/compile.js');
    expect(modules).not.toContain('dist/compiler/pipeline.js');
    expect(heavy(modules)).toEqual([]);
    // Well-formed config is parsed by js-yaml alone; the `yaml` library loads only for files that need it.
    expect(modules).toContain('node_modules/js-yaml/dist/js-yaml.mjs');
    expect(modules.filter((path) => path.startsWith('node_modules/yaml/'))).toEqual([]);
  });

  it('compile does load cdk8s and the emit code (the recorder sees them when they load)', () => {
    const modules = modulesLoadedBy(['compile', copySampleRepo(join(temp, 'acme')), '--out', join(temp, 'out')]);
    expect(modules).toContain('node_modules/cdk8s/lib/index.js');
    expect(modules).toContain('dist/compiler/emit/emit-org.js');
    expect(modules).not.toContain('dist/compiler/cli/commands/plan.js');
    expect(modules.filter((path) => path.startsWith('node_modules/yaml/'))).toEqual([]);
  });
});
