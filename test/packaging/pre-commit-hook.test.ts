import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, BIN, REPO_ROOT, runBuiltCli } from './support/built-cli.ts';
import { copySampleRepo } from './support/sample-repo-copy.ts';

interface Hook {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly entry: string;
  readonly language: string;
  readonly files: string;
  readonly pass_filenames: boolean;
  readonly args?: readonly string[];
}

const hooks = parse(readFileSync(join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const hook = hooks.find((candidate) => candidate.id === 'mlops-validate')!;
const temp = mkdtempSync(join(tmpdir(), 'mlops-pre-commit-'));

/** pre-commit selects files with Python's `re.search` on the repository-relative path; the pattern is plain enough to mean the same in JavaScript. */
function selects(path: string): boolean {
  return new RegExp(hook.files).test(path);
}

describe('.pre-commit-hooks.yaml', () => {
  beforeAll(() => assertBuilt());
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it('declares mlops-validate by pre-commit conventions', () => {
    expect(hooks.map((candidate) => candidate.id)).toEqual(['mlops-validate']);
    expect(hook).toMatchObject({ name: 'mlops validate', entry: 'mlops validate', language: 'node', pass_filenames: false });
    // The entry's executable is the package's bin, which pre-commit installs with npm install -g.
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string>; scripts: Record<string, string> };
    expect(manifest.bin[hook.entry.split(' ')[0]!]).toBe('bin/mlops.js');
    expect(manifest.scripts.prepare).toBe('npm run build');
  });

  it('runs only for platform.yaml and mlops.yaml files', () => {
    for (const path of ['platform.yaml', 'mlops.yaml', 'teams/fraud/mlops.yaml', 'config/platform.yaml', 'config/teams/recsys/mlops.yaml']) expect(selects(path), path).toBe(true);
    for (const path of ['teams/fraud/cards/fraud-detector-1.4.0.md', 'platform.yml', 'teams/fraud/mlops.yml', 'myplatform.yaml', 'teams/fraud/not-mlops.yaml', 'teams/fraud/mlops.yaml.orig', 'mlops.yaml/notes.txt', 'README.md', 'schemas/platform.schema.json']) {
      expect(selects(path), path).toBe(false);
    }
  });

  it('its entry validates the repository it runs in: exit 0 when clean, 1 on an error', () => {
    const repo = copySampleRepo(join(temp, 'repo'));
    const [, ...entryArgs] = hook.entry.split(' ');
    const clean = runBuiltCli([...entryArgs, ...(hook.args ?? [])], { cwd: repo, bin: BIN });
    expect(clean.status).toBe(0);
    expect(clean.stdout).toMatch(/is valid: 3 teams/);
    const fraud = join(repo, 'teams/fraud/mlops.yaml');
    writeFileSync(fraud, readFileSync(fraud, 'utf8').replace('    model: fraud-detector', '    modl: fraud-detector'));
    const broken = runBuiltCli([...entryArgs, ...(hook.args ?? [])], { cwd: repo, bin: BIN });
    expect(broken.status).toBe(1);
    expect(broken.stdout + broken.stderr).toMatch(/teams\/fraud\/mlops\.yaml:\d+:\d+ error ML201/);
  });
});
