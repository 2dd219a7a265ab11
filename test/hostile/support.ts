/**
 * Table-driven hostile cases: each writes a config repo (the policy-clean fixture, edited) into a
 * temporary folder, runs the CLI in memory through `main(argv, io)` with a deadline, and asserts the
 * exit code, the diagnostic's code and exact place, and that nothing was written anywhere.
 */
import { lstat, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { main } from '../../compiler/cli/main.ts';
import { captureIO } from '../cli/capture-io.ts';

/** Every own key of Object.prototype, `__proto__` included. */
export const PROTOTYPE_KEYS: readonly string[] = Object.getOwnPropertyNames(Object.prototype);

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/policy/valid');

/** platform.yaml of the policy-clean fixture. */
export const PLATFORM = readFileSync(join(FIXTURE, 'platform.yaml'), 'utf8');
/** teams/fraud/mlops.yaml of the policy-clean fixture. */
export const TEAM = readFileSync(join(FIXTURE, 'teams/fraud/mlops.yaml'), 'utf8');
/** Its model cards. */
export const CARDS: Readonly<Record<string, string>> = {
  'teams/fraud/cards/fraud-1.4.0.md': '# fraud 1.4.0\n',
  'teams/fraud/cards/fraud-1.5.0.md': '# fraud 1.5.0\n',
};

/** Replaces `from` by `to` in `text`, failing loudly when `from` is not there (a stale case). */
export function edit(text: string, ...pairs: readonly (readonly [string, string])[]): string {
  let result = text;
  for (const [from, to] of pairs) {
    if (!result.includes(from)) throw new Error(`case edit: ${JSON.stringify(from)} not found`);
    result = result.replace(from, to);
  }
  return result;
}

/** The fixture repo with its team file edited. */
export function withTeam(...pairs: readonly (readonly [string, string])[]): Record<string, string> {
  return { 'platform.yaml': PLATFORM, 'teams/fraud/mlops.yaml': edit(TEAM, ...pairs), ...CARDS };
}

/** The fixture repo with platform.yaml (and optionally the team file) edited. */
export function withPlatform(pairs: readonly (readonly [string, string])[], teamPairs: readonly (readonly [string, string])[] = []): Record<string, string> {
  return { 'platform.yaml': edit(PLATFORM, ...pairs), 'teams/fraud/mlops.yaml': edit(TEAM, ...teamPairs), ...CARDS };
}

/** Where a diagnostic must start: the `occurrence`-th (1-based) place of `text` in the file, plus `shift` characters. */
export interface Marker {
  readonly text: string;
  readonly occurrence?: number;
  readonly shift?: number;
}

/** One hostile case. */
export interface HostileCase {
  readonly name: string;
  /** Repo files, relative to the repo root. */
  readonly files: Readonly<Record<string, string | Uint8Array>>;
  /** Extra setup with the repo root (links, FIFOs…). */
  readonly setup?: (root: string) => Promise<void>;
  /** Arguments after `mlops`, run in the repo root. @default ['validate', '--format', 'json'] */
  readonly argv?: readonly string[];
  readonly exit: number;
  /** Expected diagnostic code (with `file` and `at`), when the case reports one. */
  readonly code?: string;
  readonly file?: string;
  /** Where the diagnostic starts; `line:column` or a marker in the file. */
  readonly at?: string | Marker;
  /** Expected stderr, for usage errors. */
  readonly stderr?: RegExp;
  /** Expected stdout. */
  readonly stdout?: RegExp;
  /** Something the whole output must not contain (raw control characters, outside text). */
  readonly never?: RegExp;
  /** The case compiles to `../out` successfully: that folder is the only thing written. */
  readonly writesOut?: boolean;
}

interface Reported {
  readonly code: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** Every file and folder under `root` with size and mtime: compared before and after a run. */
async function snapshot(root: string): Promise<string[]> {
  const entries: string[] = [];
  async function walk(relative: string): Promise<void> {
    for (const entry of await readdir(join(root, relative), { withFileTypes: true })) {
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
      const info = await lstat(join(root, path));
      entries.push(`${path} ${info.isDirectory() ? 'dir' : info.size} ${info.isDirectory() ? '' : info.mtimeMs}`);
      if (entry.isDirectory()) await walk(path);
    }
  }
  await walk('');
  return entries.sort();
}

function parseReported(out: string): Reported[] {
  const trimmed = out.trim();
  if (trimmed.startsWith('{')) {
    const json = JSON.parse(trimmed) as { diagnostics: { code: string; file: string; range: { start: { line: number; column: number } } }[] };
    return json.diagnostics.map((diagnostic) => ({ code: diagnostic.code, file: diagnostic.file, line: diagnostic.range.start.line, column: diagnostic.range.start.column }));
  }
  return [...out.matchAll(/^(\S+):(\d+):(\d+) (?:error|warning|info) (\S+) /gm)].map((match) => ({ file: match[1]!, line: Number(match[2]), column: Number(match[3]), code: match[4]! }));
}

function position(text: string, marker: Marker): string {
  let index = -1;
  for (let seen = 0; seen < (marker.occurrence ?? 1); seen++) {
    index = text.indexOf(marker.text, index + 1);
    if (index === -1) throw new Error(`case marker ${JSON.stringify(marker.text)} not found`);
  }
  index += marker.shift ?? 0;
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return `${line}:${index - before.lastIndexOf('\n')}`;
}

/** Writes a case's repo into a fresh temp folder (the folder holding it is the workspace, also watched for writes). */
export async function writeCaseRepo(files: Readonly<Record<string, string | Uint8Array>>): Promise<{ workspace: string; root: string }> {
  const workspace = await mkdtemp(join(tmpdir(), 'mlops-hostile-'));
  const root = join(workspace, 'repo');
  await mkdir(root);
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return { workspace, root };
}

/** Runs `mlops <argv>` in memory, failing when it has not finished within `ms`. */
export async function runWithin(argv: readonly string[], cwd: string, ms = 20_000): Promise<{ code: number; out: string; err: string }> {
  const captured = captureIO(cwd);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`mlops ${argv.join(' ')} did not finish within ${ms} ms`)), ms);
  });
  try {
    const code = await Promise.race([main([...argv], captured.io), deadline]);
    return { code, out: captured.out(), err: captured.err() };
  } finally {
    clearTimeout(timer);
  }
}

/** Runs one case and asserts everything it states. */
export async function runCase(hostile: HostileCase): Promise<void> {
  const { workspace, root } = await writeCaseRepo(hostile.files);
  try {
    await hostile.setup?.(root);
    const before = await snapshot(workspace);
    const result = await runWithin(hostile.argv ?? ['validate', '--format', 'json'], root);
    const output = `${result.out}${result.err}`;
    expect(result.code, `exit code; stderr: ${result.err}`).toBe(hostile.exit);
    expect(output).not.toMatch(/internal error|\n\s+at .*:\d+:\d+\)?\n/);
    if (hostile.stderr) expect(result.err).toMatch(hostile.stderr);
    if (hostile.stdout) expect(result.out).toMatch(hostile.stdout);
    if (hostile.never) expect(output).not.toMatch(hostile.never);
    if (hostile.code) {
      const reported = parseReported(result.out);
      const file = hostile.file ?? 'teams/fraud/mlops.yaml';
      const where = typeof hostile.at === 'string' || hostile.at === undefined ? hostile.at : position(await readFile(join(root, file), 'utf8'), hostile.at);
      const matching = reported.filter((entry) => entry.code === hostile.code && entry.file === file);
      expect(matching.map((entry) => `${entry.code} ${entry.file}:${entry.line}:${entry.column}`), `reported: ${JSON.stringify(reported)}`).toContain(`${hostile.code} ${file}:${where ?? '1:1'}`);
    }
    const after = await snapshot(workspace);
    if (hostile.writesOut) {
      expect(after.filter((entry) => !entry.startsWith('out')), 'nothing but --out was written').toEqual(before);
      expect(after.some((entry) => entry.startsWith('out/clusters/'))).toBe(true);
    } else {
      expect(after, 'nothing was written').toEqual(before);
    }
  } finally {
    await rm(workspace, { recursive: true, force: true });
  }
}
