/** `mlops plan --base` in a real temporary git repo: init, commit, branch, modify, plan. */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { simpleGit } from 'simple-git';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../compiler/cli/main.ts';
import { captureIO } from '../../cli/capture-io.ts';
import { modelCards, PLATFORM, teamFile } from '../support/small-org.ts';

let root: string;
const git = () => simpleGit(root);

async function put(path: string, content: string): Promise<void> {
  await mkdir(dirname(join(root, path)), { recursive: true });
  await writeFile(join(root, path), content);
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'mlops-plan-'));
  await git().init(['--initial-branch=main']);
  await git().addConfig('user.email', 'test@example.com').addConfig('user.name', 'Test');
  await put('config/platform.yaml', PLATFORM);
  await put('config/teams/fraud/mlops.yaml', teamFile('fraud'));
  await put('config/teams/search/mlops.yaml', teamFile('search'));
  for (const card of modelCards(['fraud', 'search'])) await put(`config/${card}`, '# card\n');
  await put('README.md', '# config\n');
  await git().add('.').commit('base');
  await git().checkoutLocalBranch('bump');
  await put('config/teams/fraud/mlops.yaml', teamFile('fraud', '1.1.0'));
  await git().add('.').commit('bump fraud in dev');
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function run(args: string[], cwd = root) {
  const captured = captureIO(cwd);
  const code = await main(['plan', ...args], captured.io);
  return { code, out: captured.out(), err: captured.err() };
}

describe('mlops plan', () => {
  it('plans a committed head against a base branch, in text', async () => {
    const result = await run(['config', '--base', 'main', '--head', 'bump']);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain('fraud/fraud-api in dev (dev-eu): version 1.0.0 → 1.1.0');
    expect(result.out).toContain('1 × @acme/fraud — Changes to team fraud need an approval from the owners of team fraud.');
    expect(result.out).toMatch(/compiled 1\/2 teams/);
    expect(result.out).toMatch(/^ {2}~ clusters\/dev-eu\/fraud\/inferenceservice-fraud-api\.yaml \(\+\d+ -\d+\)$/m);
  });

  it('plans the working tree by default, without ignored files, and writes the reports with --out', async () => {
    await put('config/teams/search/mlops.yaml', teamFile('search').replace('min: 2, max: 4', 'min: 3, max: 5'));
    await put('.gitignore', 'scratch/\n');
    await put('config/teams/recsys/scratch/mlops.yaml', 'not: config');
    const out = join(root, 'out');
    const result = await run(['config', '--base', 'main', '--format', 'markdown', '--out', out, '--author', '@maria'], join(root));
    expect(result.code).toBe(0);
    expect(result.out.startsWith('<!-- cirrus-mlops:plan -->\n')).toBe(true);
    expect(result.out).toContain('<code>search/search-api</code> in <code>prod</code> (prod-eu): replicas 2–4 → 3–5');
    expect(result.out).toContain('<code>fraud/fraud-api</code> in <code>dev</code>');
    expect(result.out).toContain('| Environment prod is protected: changes need 2 approvals from reviewers other than the author. | any reviewer | 2 |');
    expect(result.err).toContain(`Wrote plan.md, plan.json and comment.md to ${out}`);
    const json = JSON.parse(await readFile(join(out, 'plan.json'), 'utf8')) as { version: number; approvals: { author: string } };
    expect(json).toMatchObject({ version: 1, approvals: { author: '@maria' } });
    expect(await readFile(join(out, 'comment.md'), 'utf8')).toBe(result.out);
    expect(result.out).not.toContain('scratch');
    await git().checkout(['--', '.']);
  });

  it('exits 1 and shows diagnostics when the head does not compile', async () => {
    await put('config/teams/fraud/mlops.yaml', teamFile('fraud').replace('model: fraud-model', 'modl: fraud-model'));
    const result = await run(['config', '--base', 'main', '--format', 'json']);
    expect(result.code).toBe(1);
    const json = JSON.parse(result.out) as { status: string; diagnostics: { head: { code: string; file: string; range: { start: { line: number; column: number } } }[] } };
    expect(json.status).toBe('invalid-head');
    expect(json.diagnostics.head.map((diagnostic) => `${diagnostic.code} ${diagnostic.file}:${diagnostic.range.start.line}:${diagnostic.range.start.column}`)).toContain('ML201 teams/fraud/mlops.yaml:12:5');
    await git().checkout(['--', '.']);
  });

  it('reports usage errors with exit code 2', async () => {
    expect(await run(['config'])).toMatchObject({ code: 2, err: 'mlops: mlops plan needs --base <ref>, e.g. --base main.\n' });
    expect(await run(['config', '--base', 'no-such-branch'])).toMatchObject({ code: 2, err: expect.stringContaining('Unknown git ref "no-such-branch"') });
    expect(await run(['config', '--base', 'main', '--format', 'html'])).toMatchObject({ code: 2, err: expect.stringContaining('--format must be one of text, markdown, json') });
  });
});
