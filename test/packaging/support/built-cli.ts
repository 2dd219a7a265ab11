/**
 * Runs the built CLI (`bin/mlops.js` → dist/) as a user would, in a child process. The tests here
 * check the build is current rather than rebuild it: `npm test` builds before vitest runs, and a
 * stale dist/ fails loudly instead of testing yesterday's code.
 */
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** The repository root. */
export const REPO_ROOT = resolve(import.meta.dirname, '../../..');
/** The CLI's entry, as `npm install` links it. */
export const BIN = join(REPO_ROOT, 'bin/mlops.js');

function typeScriptSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * Paths of compiler/ sources whose compiled module in dist/ is missing or older than the source
 * (empty when dist/ is current). Only modules the build emits are checked (see tsconfig.build.json).
 */
export function staleModules(root = REPO_ROOT): string[] {
  const stale: string[] = [];
  for (const source of typeScriptSources(join(root, 'compiler'))) {
    const path = relative(root, source);
    if (path === join('compiler', 'validate', 'schema-options.ts')) continue;
    const compiled = join(root, 'dist', path.replace(/\.ts$/, '.js'));
    if (!existsSync(compiled) || statSync(compiled).mtimeMs < statSync(source).mtimeMs) stale.push(path);
  }
  return stale;
}

/** Throws, naming the first stale modules, unless dist/ is current. */
export function assertBuilt(): void {
  const stale = staleModules();
  if (stale.length > 0) throw new Error(`dist/ is not current (${stale.slice(0, 3).join(', ')}${stale.length > 3 ? ', …' : ''}): run \`npm run build\` (npm test does).`);
}

/** Options of `runBuiltCli`. */
export interface RunOptions {
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string>>;
  /** Node flags before the script, e.g. `--import`. */
  readonly nodeArgs?: readonly string[];
  /** The entry to run. @default BIN */
  readonly bin?: string;
  /** Milliseconds before the child is killed. @default 60_000 */
  readonly timeout?: number;
}

/** Runs `node bin/mlops.js ...args` and waits for it. */
export function runBuiltCli(args: readonly string[], options: RunOptions = {}): SpawnSyncReturns<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...options.env };
  delete env.FORCE_COLOR;
  return spawnSync(process.execPath, [...(options.nodeArgs ?? []), options.bin ?? BIN, ...args], { cwd: options.cwd ?? REPO_ROOT, env, encoding: 'utf8', timeout: options.timeout ?? 60_000 });
}
