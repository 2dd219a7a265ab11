import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../compiler/cli/commands/index.ts';
import { type ActionStep, runCompositeSteps } from './support/action-runner.ts';
import { assertBuilt, REPO_ROOT } from './support/built-cli.ts';
import { copySampleRepo } from './support/sample-repo-copy.ts';

interface ActionFile {
  readonly name: string;
  readonly description: string;
  readonly inputs: Readonly<Record<string, { readonly description: string; readonly default?: string }>>;
  readonly outputs: Readonly<Record<string, { readonly description: string; readonly value: string }>>;
  readonly runs: { readonly using: string; readonly steps: readonly ActionStep[] };
}

const action = parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as ActionFile;
const temp = mkdtempSync(join(tmpdir(), 'mlops-action-'));
const FRAUD = 'config/teams/fraud/mlops.yaml';

function git(cwd: string, ...args: string[]): void {
  const result = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
}

function edit(path: string, from: RegExp | string, to: string): void {
  const text = readFileSync(path, 'utf8');
  const edited = text.replace(from, to);
  if (edited === text) throw new Error(`no ${String(from)} in ${path}`);
  writeFileSync(path, edited);
}

/** A repository whose config lives in config/ (a copy of sample-repo, committed), the waiver kept in force. */
function workspace(name: string): string {
  const root = join(temp, name);
  mkdirSync(root);
  copySampleRepo(join(root, 'config'));
  git(root, 'init', '-q');
  git(root, 'add', '.');
  git(root, 'commit', '-q', '-m', 'config');
  return root;
}

function runAction(root: string, inputs: Record<string, string>) {
  const runnerTemp = join(root, '..', `${root.split('/').pop()}-runner`);
  mkdirSync(runnerTemp);
  const defaults = Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, input.default ?? '']));
  return runCompositeSteps(action.runs.steps, { inputs: { ...defaults, ...inputs }, actionPath: REPO_ROOT, workspace: root, runnerTemp, skip: ['install'] });
}

interface Sarif {
  readonly version: string;
  readonly runs: readonly { readonly results: readonly { readonly ruleId: string; readonly locations: readonly { readonly physicalLocation: { readonly artifactLocation: { readonly uri: string } } }[] }[] }[];
}

describe('action.yml (the GitHub Action)', () => {
  beforeAll(() => assertBuilt());
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it('is a composite action with documented inputs and outputs', () => {
    expect(action.runs.using).toBe('composite');
    expect(action.name).not.toBe('');
    for (const [name, input] of [...Object.entries(action.inputs), ...Object.entries(action.outputs)]) expect(input.description.length, name).toBeGreaterThan(20);
    expect(action.runs.steps.map((step) => step.uses?.replace(/@.*/, '')).filter(Boolean)).toEqual(['actions/setup-node', 'github/codeql-action/upload-sarif']);
  });

  it('installs the CLI with npm ci in the action folder, which builds it (prepare)', () => {
    const install = action.runs.steps.find((step) => step.id === 'install');
    expect(install?.run?.trim()).toBe('npm ci --no-audit --no-fund');
    expect(install?.['working-directory']).toBe(['$', '{{ github.action_path }}'].join(''));
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(manifest.scripts.prepare).toBe('npm run build');
  });

  it('runs only mlops commands that exist, with flags they take', async () => {
    const calls = action.runs.steps.flatMap((step) => [...(step.run ?? '').matchAll(/node "\$MLOPS" (\w+)([^\n>|;]*)/g)]);
    expect(calls.map((call) => call[1])).toEqual(['check', 'check', 'plan']);
    for (const [, name, rest] of calls) {
      const descriptor = COMMANDS.find((entry) => entry.name === name);
      expect(descriptor, name).toBeDefined();
      const command = await descriptor!.load();
      for (const [, flag] of rest!.matchAll(/--([a-z-]+)/g)) expect(Object.keys(command.options), `${name} --${flag}`).toContain(flag);
    }
  });

  it('on a clean change: SARIF with repository paths for upload, the plan in the job summary, success', () => {
    const root = workspace('clean');
    edit(join(root, FRAUD), /(?<=canary: \{ version: "1\.5\.0", traffic: )10(?= \})/, '20');
    const run = runAction(root, { 'config-dir': 'config', base: 'HEAD' });
    expect(run.exitCode, run.log).toBe(0);
    expect(run.outputs.check?.['exit-code']).toBe('0');
    const sarif = JSON.parse(readFileSync(run.outputs.check!['sarif-file']!, 'utf8')) as Sarif;
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.results.length).toBeGreaterThan(0);
    for (const result of sarif.runs[0]!.results) expect(result.locations[0]!.physicalLocation.artifactLocation.uri).toMatch(/^config\//);
    expect(run.uses.at(-1)).toEqual({ uses: 'github/codeql-action/upload-sarif@v4', with: { sarif_file: run.outputs.check!['sarif-file'], category: 'cirrus-mlops' } });
    expect(run.summary).toMatch(/^<!-- cirrus-mlops:plan -->\n## Cirrus MLOps plan/);
    expect(run.summary).toMatch(/20 ?%/);
  });

  it('on a broken change: findings located at the line in the repository, then the job fails', () => {
    const root = workspace('broken');
    edit(join(root, FRAUD), '    model: fraud-detector', '    modl: fraud-detector');
    const run = runAction(root, { 'config-dir': 'config', base: 'HEAD' });
    expect(run.outputs.check?.['exit-code']).toBe('1');
    const sarif = JSON.parse(readFileSync(run.outputs.check!['sarif-file']!, 'utf8')) as Sarif;
    const typo = sarif.runs[0]!.results.find((result) => result.ruleId === 'ML201');
    expect(typo?.locations[0]?.physicalLocation.artifactLocation.uri).toBe(FRAUD);
    expect(run.log).toMatch(/Unknown key `modl`/);
    expect(run.failedStep).toBe('Fail on findings');
    expect(run.exitCode).toBe(1);
    expect(runAction(workspace('broken-report-only'), { 'config-dir': 'config', base: '', 'fail-on-findings': 'false' }).exitCode).toBe(0);
  });
});
